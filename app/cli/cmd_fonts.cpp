// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli fonts info FONT [--face N] [--json]: faces, metrics and built-in charset coverage.
// zistudio-cli fonts coverage FONT[:FACE] FONT[:FACE]... [--json]: each font's coverage of every built-in
// charset and what all of them cover together (what a dataset's "covered by all chosen fonts" keeps).
#include "clicommand.h"
#include "clioutput.h"

#include "common/printable.h"

#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace zistudio::cli
{

namespace
{

struct FontsInfoOptions
{
    std::string font;
    int face = -1;
    bool json = false;
};

std::string percent(int covered, int total)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", total > 0 ? 100.0 * covered / total : 0.0);
    return buf;
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

void printFace(const glyphs::FaceInfo &info, const std::vector<glyphs::CharsetCoverage> &coverage)
{
    std::cout << "face " << info.index << ": " << printable(info.family) << " " << printable(info.style) << '\n';
    printTable({{"  format", info.format + (info.hasEmbeddedBitmaps ? " (embedded bitmaps ignored)" : "")},
        {"  glyphs", std::to_string(info.glyphCount)}, {"  units per em", std::to_string(info.unitsPerEm)},
        {"  ascender / descender", std::to_string(info.ascender) + " / " + std::to_string(info.descender)},
        {"  em box top / bottom",
            number(info.emBoxTop) + " / " + number(info.emBoxBottom) + " (" + info.emBoxSource + ")"},
        {"  vertical metrics", info.hasVertical ? "yes" : "no"}});
    std::vector<std::vector<std::string>> rows {{"  charset", "covered", "of", ""}};
    for (const auto &c : coverage)
        rows.push_back(
            {"  " + c.charset, std::to_string(c.covered), std::to_string(c.total), percent(c.covered, c.total)});
    printTable(rows);
}

nlohmann::ordered_json faceJson(const glyphs::FaceInfo &info, const std::vector<glyphs::CharsetCoverage> &coverage)
{
    nlohmann::ordered_json cov = nlohmann::ordered_json::object();
    for (const auto &c : coverage)
        cov[c.charset] = {{"covered", c.covered}, {"total", c.total}};
    return {{"index", info.index}, {"family", info.family}, {"style", info.style}, {"format", info.format},
        {"glyphCount", info.glyphCount}, {"unitsPerEm", info.unitsPerEm}, {"ascender", info.ascender},
        {"descender", info.descender},
        {"emBox", {{"top", info.emBoxTop}, {"bottom", info.emBoxBottom}, {"source", info.emBoxSource}}},
        {"hasVertical", info.hasVertical}, {"embeddedBitmaps", info.hasEmbeddedBitmaps}, {"coverage", cov}};
}

void runFontsInfo(const FontsInfoOptions &opts)
{
    std::vector<glyphs::FontFace> faces;
    if (opts.face >= 0) {
        faces.emplace_back(opts.font, opts.face);
    } else {
        faces.emplace_back(opts.font, 0);
        for (int i = 1; i < faces.front().info().numFaces; ++i)
            faces.emplace_back(opts.font, i);
    }
    if (opts.json) {
        nlohmann::ordered_json out {{"file", opts.font}, {"numFaces", faces.front().info().numFaces}};
        out["faces"] = nlohmann::ordered_json::array();
        for (const auto &face : faces)
            out["faces"].push_back(faceJson(face.info(), glyphs::builtinCoverage(face)));
        std::cout << out.dump(2) << '\n';
        return;
    }
    std::cout << printable(opts.font) << ": " << faces.front().info().numFaces
              << (faces.front().info().numFaces == 1 ? " face\n" : " faces\n");
    for (const auto &face : faces)
        printFace(face.info(), glyphs::builtinCoverage(face));
}

struct FontsCoverageOptions
{
    std::vector<std::string> fonts;
    bool json = false;
};

void runFontsCoverage(const FontsCoverageOptions &opts)
{
    std::vector<std::unique_ptr<glyphs::FontFace>> faces;
    std::vector<const glyphs::FontFace *> all;
    for (const std::string &text : opts.fonts) {
        const data::FontRef ref = parseFontRef(text);
        faces.push_back(std::make_unique<glyphs::FontFace>(ref.path, ref.face));
        all.push_back(faces.back().get());
    }
    const auto label = [&](std::size_t i) {
        const glyphs::FaceInfo &info = faces[i]->info();
        return info.family + (info.numFaces > 1 ? " [" + std::to_string(info.index) + "]" : "");
    };
    nlohmann::ordered_json out {
        {"fonts", nlohmann::ordered_json::array()}, {"charsets", nlohmann::ordered_json::array()}};
    std::vector<std::vector<std::string>> rows {{"charset", "total"}};
    for (std::size_t i = 0; i < faces.size(); ++i) {
        rows.front().push_back(label(i));
        out["fonts"].push_back(
            {{"file", faces[i]->path()}, {"face", faces[i]->info().index}, {"family", faces[i]->info().family}});
    }
    rows.front().push_back(faces.size() > 1 ? "all of them" : "");
    for (const std::string &name : glyphs::builtinCharsetNames()) {
        const std::vector<char32_t> chars = glyphs::builtinCharset(name);
        std::vector<std::string> row {name, std::to_string(chars.size())};
        nlohmann::ordered_json perFont = nlohmann::ordered_json::array();
        for (const auto &face : faces) {
            const int covered = glyphs::countCovered(*face, chars);
            row.push_back(std::to_string(covered));
            perFont.push_back(covered);
        }
        const int together = static_cast<int>(glyphs::coveredByAll(all, chars).size());
        if (faces.size() > 1)
            row.push_back(std::to_string(together) + " (" + percent(together, static_cast<int>(chars.size())) + ")");
        rows.push_back(std::move(row));
        out["charsets"].push_back(
            {{"charset", name}, {"total", chars.size()}, {"covered", perFont}, {"coveredByAll", together}});
    }
    if (opts.json)
        std::cout << out.dump(2) << '\n';
    else
        printTable(rows);
}

void setupFonts(CLI::App &root)
{
    auto *fonts = root.add_subcommand("fonts", "Inspect font files");
    fonts->require_subcommand(1);
    auto *info = fonts->add_subcommand("info", "Faces, metrics and built-in charset coverage of a font file");
    auto opts = std::make_shared<FontsInfoOptions>();
    info->add_option("FONT", opts->font, "Font file (.ttf, .otf, .ttc, .otc)")->required();
    info->add_option("--face", opts->face, "Only this face of a collection (0-based)")->check(CLI::NonNegativeNumber);
    info->add_flag("--json", opts->json, "Print JSON instead of tables");
    info->callback([opts] { runFontsInfo(*opts); });

    auto *coverage = fonts->add_subcommand(
        "coverage", "Built-in charset coverage of several fonts, each and all together (\"covered by all\")");
    auto cov = std::make_shared<FontsCoverageOptions>();
    coverage->add_option("FONT", cov->fonts, "Font files, FONT or FONT:FACE (the source and the targets)")->required();
    coverage->add_flag("--json", cov->json, "Print JSON instead of a table");
    coverage->callback([cov] { runFontsCoverage(*cov); });
}

} // namespace

ZISTUDIO_CLI_COMMAND("fonts", setupFonts)

} // namespace zistudio::cli
