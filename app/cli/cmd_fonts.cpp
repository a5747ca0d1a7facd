// SPDX-License-Identifier: GPL-3.0-or-later
// zistudio-cli fonts info FONT [--face N] [--json]: faces, metrics and built-in charset coverage.
#include "clicommand.h"
#include "clioutput.h"

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
    std::cout << "face " << info.index << ": " << info.family << " " << info.style << '\n';
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
    std::cout << opts.font << ": " << faces.front().info().numFaces
              << (faces.front().info().numFaces == 1 ? " face\n" : " faces\n");
    for (const auto &face : faces)
        printFace(face.info(), glyphs::builtinCoverage(face));
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
}

} // namespace

ZISTUDIO_CLI_COMMAND("fonts", setupFonts)

} // namespace zistudio::cli
