// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli export --project P --run NAME [--checkpoint …] (--charset C | --chars T | --charset-file F |
// --run-charset | --reviewed)
// --format png,svg,ufo,ttf[,otf] --out DIR [--merge-into FONT] [--family NAME]: a trained run's glyphs
// as files a font editor and an operating system accept.
#include "clicommand.h"
#include "clioutput.h"

#include "common/error.h"
#include "common/printable.h"
#include "common/utf8.h"
#include "workflow/exportrun.h"

#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

struct ExportCliOptions
{
    std::string project, run, checkpoint = "best";
    std::string chars, charset, charsetFile;
    bool runCharset = false, reviewed = false;
    std::string formats = "png,svg,ufo,ttf";
    std::string out;
    std::string mergeInto;
    std::string family;
    std::string style = "Regular";
    int styleId = -1;
    bool includeUnreviewed = false;
    bool backgrounds = false;
    bool overwrite = false;
    int turdsize = 2;
    double alphamax = 1.0;
    double opttolerance = 0.2;
    std::string device = "auto";
};

workflow::CharacterChoice chosenChars(const ExportCliOptions &o)
{
    using Kind = workflow::CharacterChoice::Kind;
    if (!o.chars.empty())
        return {Kind::Text, o.chars};
    if (!o.charset.empty())
        return {Kind::Builtin, o.charset};
    if (!o.charsetFile.empty())
        return {Kind::File, o.charsetFile};
    if (o.reviewed)
        return {Kind::Reviewed, {}};
    if (o.runCharset)
        return {Kind::RunCharset, {}};
    throw Error("no characters: use --chars TEXT, --charset NAME, --charset-file FILE, --run-charset or --reviewed");
}

void runExport(const ExportCliOptions &o)
{
    installInterruptHandler();
    workflow::ExportRequest request {.projectFile = o.project,
        .run = o.run,
        .checkpoint = o.checkpoint,
        .characters = chosenChars(o),
        .styleId = o.styleId,
        .includeUnreviewed = o.includeUnreviewed,
        .formats = fontexport::parseExportFormats(o.formats),
        .backgroundImages = o.backgrounds,
        .mergeInto = o.mergeInto,
        .family = o.family,
        .style = o.style,
        .trace = {},
        .device = o.device,
        .outDir = o.out,
        .overwrite = o.overwrite};
    request.trace.turdsize = o.turdsize;
    request.trace.alphamax = o.alphamax;
    request.trace.opttolerance = o.opttolerance;

    ProgressLine line(ProgressLine::Log::Deciles);
    const auto result = workflow::exportRun(
        request, [&line](double fraction, const std::string &what) { line.update(fraction, what); }, interruptFlag());
    line.finish();
    const auto &report = result.report;
    printCheckpointReport(result.checkpointReport);
    for (const auto &w : result.warnings)
        std::cerr << "zistudio-cli: warning: " << printable(w) << '\n';
    std::cout << "exported " << result.glyphsExported << " glyphs (" << report.glyphsInFonts
              << " with outlines) from step " << result.step << " in " << report.elapsedSeconds << " s:\n";
    for (const auto &path : report.outputs)
        std::cout << "  " << path.string() << '\n';
    if (result.rejected > 0 || result.unreviewed > 0)
        std::cout << "left out: " << result.rejected << " rejected, " << result.unreviewed
                  << " not reviewed yet (--include-unreviewed exports those)\n";
    for (const auto &s : result.notGenerated)
        std::cout << "skipped " << formatCodePoint(s.cp) << ": " << printable(s.reason) << '\n';
    for (const auto &s : report.skipped)
        std::cout << "skipped " << formatCodePoint(s.cp) << ": " << printable(s.reason) << '\n';
    for (const auto &w : report.warnings)
        std::cout << "warning: " << printable(w) << '\n';
    if (report.merge)
        std::cout << "merged: added " << report.merge->added.size() << " glyphs, kept "
                  << report.merge->alreadyPresent.size() << " the font already had\n";
}

void setupExport(CLI::App &root)
{
    auto *cmd
        = root.add_subcommand("export", "Export a run's glyphs as PNG, SVG, UFO, TTF or OTF (or merge into a font)");
    auto o = std::make_shared<ExportCliOptions>();
    cmd->add_option("--project", o->project, "Project file")->required();
    cmd->add_option("--run", o->run, "Run name")->required();
    cmd->add_option("--checkpoint", o->checkpoint, "best, last or a step number (default best)");
    auto *chars = cmd->add_option("--chars", o->chars, "Characters to export");
    auto *charset = cmd->add_option("--charset", o->charset, "Built-in charset to export");
    auto *file = cmd->add_option("--charset-file", o->charsetFile, "UTF-8 file of characters to export");
    auto *runCharset = cmd->add_flag("--run-charset", o->runCharset, "Export the characters the run was trained on");
    auto *reviewed = cmd->add_flag("--reviewed", o->reviewed, "Export the characters reviewed in the project");
    chars->excludes(charset)->excludes(file)->excludes(runCharset)->excludes(reviewed);
    charset->excludes(file)->excludes(runCharset)->excludes(reviewed);
    file->excludes(runCharset)->excludes(reviewed);
    runCharset->excludes(reviewed);
    cmd->add_option("--format", o->formats, "Comma-separated: png,sheet,svg,ufo,ttf,otf (default png,svg,ufo,ttf)");
    cmd->add_option("--out", o->out, "Output folder")->required();
    cmd->add_option("--merge-into", o->mergeInto, "A TrueType font to add the glyphs it lacks to");
    cmd->add_option("--family", o->family, "Font family name (default: project and run)");
    cmd->add_option("--style-name", o->style, "Font style name (default Regular)");
    cmd->add_option("--style", o->styleId, "Style id to draw (default: the first target)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--include-unreviewed", o->includeUnreviewed, "Also export glyphs nobody has reviewed");
    cmd->add_flag("--background-images", o->backgrounds, "UFO: the generated bitmap behind each outline");
    cmd->add_flag("--overwrite", o->overwrite,
        "Replace files in the output folder that an earlier export did not write (or that were edited since); "
        "other files of yours are kept either way");
    cmd->add_option("--turdsize", o->turdsize, "potrace: drop specks up to this many pixels (default 2)")
        ->check(CLI::Range(0, 1000));
    cmd->add_option("--alphamax", o->alphamax, "potrace: corner threshold, 0 = polygon .. 1.33 (default 1.0)")
        ->check(CLI::Range(0.0, 1.3334));
    cmd->add_option("--opttolerance", o->opttolerance, "potrace: curve optimisation tolerance (default 0.2)")
        ->check(CLI::Range(0.0, 5.0));
    cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N");
    cmd->callback([o] { runExport(*o); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("export", setupExport)

} // namespace zistudio::cli
