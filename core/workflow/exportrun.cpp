// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/exportrun.h"

#include "common/error.h"
#include "common/utf8.h"
#include "export/exporterror.h"
#include "glyphs/charsets.h"
#include "glyphs/fontface.h"
#include "inference/generator.h"

#include <algorithm>

namespace zistudio::workflow
{

namespace fs = std::filesystem;

namespace
{

/// Glyphs generated per call: big enough for the GPU, small enough for progress and cancel.
constexpr std::size_t kGenerateChunk = 256;

constexpr std::pair<CharacterChoice::Kind, const char *> kKindNames[] = {
    {CharacterChoice::Kind::RunCharset, "run"},
    {CharacterChoice::Kind::Reviewed, "reviewed"},
    {CharacterChoice::Kind::Builtin, "builtin"},
    {CharacterChoice::Kind::File, "file"},
    {CharacterChoice::Kind::Text, "text"},
};

void checkCancel(const std::atomic<bool> *cancel)
{
    if (cancel && cancel->load())
        throw fontexport::ExportCancelled("export cancelled");
}

} // namespace

const char *characterChoiceKindName(CharacterChoice::Kind kind)
{
    for (const auto &[k, name] : kKindNames)
        if (k == kind)
            return name;
    return "run";
}

std::optional<CharacterChoice::Kind> parseCharacterChoiceKind(std::string_view name)
{
    for (const auto &[k, n] : kKindNames)
        if (name == n)
            return k;
    return std::nullopt;
}

ExportSelection selectForExport(
    const std::vector<char32_t> &requested, const std::map<char32_t, project::Review> &reviews, bool includeUnreviewed)
{
    ExportSelection s;
    const bool anyReviewed
        = std::any_of(requested.begin(), requested.end(), [&](char32_t cp) { return reviews.count(cp) > 0; });
    for (char32_t cp : requested) {
        const auto it = reviews.find(cp);
        if (it != reviews.end() && it->second == project::Review::Rejected) {
            ++s.rejected;
            continue;
        }
        if (anyReviewed && it == reviews.end() && !includeUnreviewed) {
            ++s.unreviewed;
            continue;
        }
        s.chars.push_back(cp);
        s.flagged.push_back(it != reviews.end() && it->second == project::Review::Flagged);
    }
    return s;
}

std::vector<char32_t> chooseCharacters(
    const CharacterChoice &choice, const project::Project &runConfig, const project::Project &live)
{
    switch (choice.kind) {
    case CharacterChoice::Kind::RunCharset:
        return glyphs::resolveCharset(runConfig.dataset.charset);
    case CharacterChoice::Kind::Reviewed: {
        std::vector<char32_t> chars;
        for (const auto &[cp, review] : live.reviews)
            chars.push_back(cp);
        if (chars.empty())
            throw Error("no characters: nothing has been reviewed yet (review glyphs in the Preview first)");
        return chars;
    }
    case CharacterChoice::Kind::Builtin:
        return glyphs::builtinCharset(choice.value);
    case CharacterChoice::Kind::File:
        return glyphs::loadCharsetFile(choice.value);
    case CharacterChoice::Kind::Text:
        if (choice.value.empty())
            throw Error("no characters: type the characters to export");
        return glyphs::parseCharsetText(choice.value, "the characters to export");
    }
    return {};
}

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

ExportRunResult exportRun(
    const ExportRequest &request, const ExportRunProgress &progress, const std::atomic<bool> *cancel)
{
    const auto report = [&](double fraction, const std::string &what) {
        if (progress)
            progress(fraction, what);
    };
    if (request.outDir.empty())
        throw fontexport::ExportError("choose an output folder");
    if (request.formats.empty() && request.mergeInto.empty())
        throw fontexport::ExportError("choose at least one format to export");
    fontexport::validateTraceOptions(request.trace);
    report(0, "loading run " + request.run);

    inference::Generator generator(request.projectFile, request.run, {request.checkpoint}, request.device);
    const project::Project &config = generator.runConfig();
    ExportRunResult result;
    result.step = generator.checkpointStep();
    result.checkpointPath = generator.checkpointPath();
    result.checkpointReport = generator.checkpointReport();
    if (config.dataset.placement != data::Placement::EmBox)
        result.warnings.push_back("the dataset uses fit-to-ink placement, so outlines fill the em box instead of "
                                  "keeping the target's size and position");

    fontexport::ExportOptions options;
    options.formats = request.formats;
    options.trace = request.trace;
    options.backgroundImages = request.backgroundImages;
    options.mergeInto = request.mergeInto;
    options.style = request.style;
    options.overwrite = request.overwrite;
    options.emBox = outputEmBox(config);
    options.family = request.family.empty() ? config.name + " " + request.run : request.family;
    if (config.dataset.targets.empty() && request.styleId < 0)
        throw Error("run \"" + request.run + "\" has no target style to draw");
    const int styleId = request.styleId >= 0 ? request.styleId : config.dataset.targets.front().styleId;
    options.metadata = {{"com.zistudio.project", fs::absolute(request.projectFile).string()},
        {"com.zistudio.run", request.run}, {"com.zistudio.checkpoint", result.checkpointPath},
        {"com.zistudio.step", std::to_string(result.step)}, {"com.zistudio.style", std::to_string(styleId)},
        {"com.zistudio.attention", config.model.attention.toString()}};

    // The reviews as the designer left them: the live project's, else the run's snapshot.
    project::Project live = config;
    try {
        live = project::loadProject(request.projectFile);
    } catch (const Error &) {
        // A moved or damaged project file: the run's own copy still says what was reviewed then.
    }
    if (request.reviews)
        live.reviews = *request.reviews;
    const auto selection
        = selectForExport(chooseCharacters(request.characters, config, live), live.reviews, request.includeUnreviewed);
    result.rejected = selection.rejected;
    result.unreviewed = selection.unreviewed;
    if (selection.chars.empty())
        throw Error("nothing to export: every requested character was rejected or not reviewed yet");

    std::vector<fontexport::ExportGlyph> glyphs;
    const auto &chars = selection.chars;
    for (std::size_t start = 0; start < chars.size(); start += kGenerateChunk) {
        checkCancel(cancel);
        const auto part = chars.substr(start, kGenerateChunk);
        auto images = generator.generate(part, inference::StyleMix::pure(styleId));
        for (std::size_t i = 0; i < part.size(); ++i) {
            if (images[i].isNull())
                result.notGenerated.push_back({part[i], "the source font has no glyph for it"});
            else
                glyphs.push_back({part[i], std::move(images[i]), selection.flagged[start + i]});
        }
        report(0.5 * static_cast<double>(start + part.size()) / static_cast<double>(chars.size()),
            "generating " + std::to_string(start + part.size()) + "/" + std::to_string(chars.size()));
    }
    checkCancel(cancel);
    if (glyphs.empty())
        throw Error("nothing to export: the source font has none of the requested characters");
    std::error_code ec;
    fs::create_directories(request.outDir, ec);
    if (ec)
        throw IoError("cannot create " + request.outDir.string() + ": " + ec.message());
    result.glyphsExported = glyphs.size();
    result.report = fontexport::exportGlyphSet(
        glyphs, options, request.outDir,
        [&report](int done, int total) {
            report(0.5 + 0.5 * done / std::max(1, total),
                "exporting " + std::to_string(done) + "/" + std::to_string(total));
        },
        cancel);
    return result;
}

} // namespace zistudio::workflow
