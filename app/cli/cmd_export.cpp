// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli export --project P --run NAME [--checkpoint …] (--charset C | --chars T | --charset-file F)
// --format png,svg,ufo,ttf[,otf] --out DIR [--merge-into FONT] [--family NAME]: a trained run's glyphs
// as files a font editor and an operating system accept.
#include "clicommand.h"
#include "clioutput.h"

#include "common/error.h"
#include "export/glyphexporter.h"
#include "glyphs/charsets.h"
#include "glyphs/fontface.h"
#include "glyphs/utf8.h"
#include "inference/generator.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

namespace fs = std::filesystem;

struct ExportCliOptions
{
    std::string project, run, checkpoint = "best";
    std::string chars, charset, charsetFile;
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

std::vector<char32_t> chosenChars(const ExportCliOptions &o)
{
    if (!o.chars.empty())
        return glyphs::parseCharsetText(o.chars, "--chars");
    if (!o.charset.empty())
        return glyphs::builtinCharset(o.charset);
    if (!o.charsetFile.empty())
        return glyphs::loadCharsetFile(o.charsetFile);
    throw Error("no characters: use --chars TEXT, --charset NAME or --charset-file FILE");
}

/**
 * The em box of the output font: the first target font's ideographic em box (so generated glyphs
 * line up with the target's own), else the source font's, scaled to 1000 units per em.
 */
fontexport::EmBox outputEmBox(const project::Project &config)
{
    std::string path = config.dataset.source.path;
    int face = config.dataset.source.face;
    for (const auto &target : config.dataset.targets) {
        if (target.kind == data::TargetSpec::Kind::Font) {
            path = target.path;
            face = target.face;
            break;
        }
    }
    const glyphs::FontFace font(path, face);
    const auto &info = font.info();
    return fontexport::emBoxFromFont(info.unitsPerEm, info.emBoxTop, info.emBoxBottom);
}

void runExport(const ExportCliOptions &o)
{
    installInterruptHandler();
    fontexport::ExportOptions options;
    options.formats = fontexport::parseExportFormats(o.formats);
    options.trace.turdsize = o.turdsize;
    options.trace.alphamax = o.alphamax;
    options.trace.opttolerance = o.opttolerance;
    options.backgroundImages = o.backgrounds;
    options.mergeInto = o.mergeInto;
    options.style = o.style;
    options.overwrite = o.overwrite;

    inference::Generator generator(o.project, o.run, {o.checkpoint}, o.device);
    printCheckpointReport(generator.checkpointReport());
    const project::Project &config = generator.runConfig();
    if (config.dataset.placement != data::Placement::EmBox)
        std::cerr << "zistudio-cli: warning: the dataset uses fit-to-ink placement, so outlines fill the em box "
                     "instead of keeping the target's size and position\n";
    options.emBox = outputEmBox(config);
    options.family = o.family.empty() ? config.name + " " + o.run : o.family;
    const int styleId = o.styleId >= 0 ? o.styleId : config.dataset.targets.front().styleId;
    options.metadata = {{"com.zistudio.project", fs::absolute(o.project).string()}, {"com.zistudio.run", o.run},
        {"com.zistudio.checkpoint", generator.checkpointPath()},
        {"com.zistudio.step", std::to_string(generator.checkpointStep())},
        {"com.zistudio.style", std::to_string(styleId)}, {"com.zistudio.attention", config.model.attention.toString()}};

    // Reviews decide when the designer has made them: rejected glyphs never ship; once any requested
    // glyph has been reviewed, unreviewed ones wait (unless --include-unreviewed); flagged ones ship marked.
    const auto &reviews = generator.runConfig().reviews; // snapshot; the live project may have newer ones
    project::Project live;
    bool haveLive = false;
    try {
        live = project::loadProject(o.project);
        haveLive = true;
    } catch (const Error &) { }
    const auto &verdicts = haveLive ? live.reviews : reviews;
    std::u32string chars;
    std::vector<bool> flagged;
    bool anyReviewed = false;
    const auto requested = chosenChars(o);
    for (char32_t cp : requested)
        anyReviewed = anyReviewed || verdicts.count(cp) > 0;
    int rejected = 0;
    int unreviewed = 0;
    for (char32_t cp : requested) {
        const auto it = verdicts.find(cp);
        if (it != verdicts.end() && it->second == project::Review::Rejected) {
            ++rejected;
            continue;
        }
        if (anyReviewed && it == verdicts.end() && !o.includeUnreviewed) {
            ++unreviewed;
            continue;
        }
        chars.push_back(cp);
        flagged.push_back(it != verdicts.end() && it->second == project::Review::Flagged);
    }
    if (chars.empty())
        throw Error("nothing to export: every requested character was rejected or not reviewed yet");

    std::vector<fontexport::ExportGlyph> glyphsOut;
    ProgressLine line(ProgressLine::Log::Deciles);
    constexpr std::size_t kChunk = 256;
    for (std::size_t start = 0; start < chars.size(); start += kChunk) {
        const auto part = chars.substr(start, kChunk);
        auto images = generator.generate(part, inference::StyleMix::pure(styleId));
        for (std::size_t i = 0; i < part.size(); ++i)
            if (!images[i].isNull())
                glyphsOut.push_back({part[i], std::move(images[i]), flagged[start + i]});
        line.update(0.5 * static_cast<double>(start + part.size()) / static_cast<double>(chars.size()),
            "generating " + std::to_string(start + part.size()) + "/" + std::to_string(chars.size()));
    }
    std::error_code ec;
    fs::create_directories(o.out, ec);
    if (ec)
        throw IoError("cannot create " + o.out + ": " + ec.message());
    const auto report = fontexport::exportGlyphSet(
        glyphsOut, options, o.out,
        [&line](int done, int total) {
            line.update(0.5 + 0.5 * done / std::max(1, total),
                "exporting " + std::to_string(done) + "/" + std::to_string(total));
        },
        interruptFlag());
    line.finish();
    std::cout << "exported " << glyphsOut.size() << " glyphs (" << report.glyphsInFonts << " with outlines) from step "
              << generator.checkpointStep() << " in " << report.elapsedSeconds << " s:\n";
    for (const auto &path : report.outputs)
        std::cout << "  " << path.string() << '\n';
    if (rejected > 0 || unreviewed > 0)
        std::cout << "left out: " << rejected << " rejected, " << unreviewed
                  << " not reviewed yet (--include-unreviewed exports those)\n";
    for (const auto &s : report.skipped)
        std::cout << "skipped " << glyphs::formatCodePoint(s.cp) << ": " << s.reason << '\n';
    for (const auto &w : report.warnings)
        std::cout << "warning: " << w << '\n';
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
    chars->excludes(charset)->excludes(file);
    charset->excludes(file);
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
