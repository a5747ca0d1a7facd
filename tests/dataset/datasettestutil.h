// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/atomicfile.h"
#include "data/datasetspec.h"
#include "glyphs/fontface.h"
#include "testfonts.h"

#include <filesystem>
#include <string>

namespace zistudio::test
{

/** A small two-style dataset: Song → Kai (style 0) and UKai (style 3), 40 characters, 32 px. */
inline data::DatasetSpec smallSpec()
{
    data::DatasetSpec spec;
    spec.source = {TestFonts::songGb().string(), 0};
    data::TargetSpec kai;
    kai.path = TestFonts::kaiGb().string();
    kai.styleId = 0;
    data::TargetSpec ukai;
    ukai.path = TestFonts::ukaiTtc().string();
    ukai.styleId = 3;
    ukai.name = "UKai CN";
    spec.targets = {kai, ukai};
    spec.charset.text
        = "永和九年岁在癸丑暮春之初会于会稽山阴之兰亭修禊事也群贤毕至少长咸集此地有崇山峻岭茂林修竹又有清流激湍";
    spec.imageSize = 32;
    spec.validationFraction = 0.2;
    spec.seed = 7;
    return spec;
}

inline std::uint32_t be16(const std::string &b, std::size_t at)
{
    return std::uint32_t(static_cast<unsigned char>(b[at])) << 8 | static_cast<unsigned char>(b[at + 1]);
}

inline std::uint32_t be32(const std::string &b, std::size_t at)
{
    return be16(b, at) << 16 | be16(b, at + 2);
}

/**
 * A copy of a TrueType font (not a collection) in which the glyphs of `copies` carry the outline of `model`:
 * the kind of font that draws one placeholder for many characters (tofu).
 */
inline void writeTofuFont(
    const std::filesystem::path &in, const std::filesystem::path &out, char32_t model, const std::u32string &copies)
{
    std::string font = readFile(in);
    const auto table = [&](const char *tag) -> std::size_t {
        for (std::size_t i = 0; i < be16(font, 4); ++i)
            if (font.compare(12 + 16 * i, 4, tag) == 0)
                return be32(font, 12 + 16 * i + 8);
        return 0;
    };
    const std::size_t head = table("head"), loca = table("loca"), glyf = table("glyf");
    const std::size_t hhea = table("hhea"), hmtx = table("hmtx");
    const std::size_t longMetrics = be16(font, hhea + 34);
    const bool longOffsets = be16(font, head + 50) == 1;
    const auto offset = [&](unsigned gid) -> std::size_t {
        return longOffsets ? be32(font, loca + 4 * gid) : 2 * be16(font, loca + 2 * gid);
    };
    glyphs::FontFace face(in);
    const unsigned m = face.glyphIndex(model);
    const std::string modelBytes = font.substr(glyf + offset(m), offset(m + 1) - offset(m));
    for (char32_t cp : copies) {
        const unsigned g = face.glyphIndex(cp);
        const std::size_t start = glyf + offset(g), length = offset(g + 1) - offset(g);
        if (length < modelBytes.size())
            throw std::runtime_error("glyph too small for the model glyph");
        font.replace(start, length, modelBytes + std::string(length - modelBytes.size(), '\0'));
        // FreeType places a TrueType outline by its hmtx left side bearing: copy the model's metrics too.
        if (g < longMetrics && m < longMetrics)
            font.replace(hmtx + 4 * g, 4, font.substr(hmtx + 4 * m, 4));
    }
    writeFileAtomically(out, font);
}

} // namespace zistudio::test
