// SPDX-License-Identifier: GPL-3.0-or-later
// Fonts come from users: any bytes must give faces and glyph images, or a FontError. Runs the path a
// dropped font takes: listFaces, open each face (the first two), render a few characters and glyph ids
// at 32 px with both placements.
#include "fuzzsupport.h"

#include "common/error.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"
#include "glyphs/rasterizer.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace
{

using namespace zistudio;

/// Latin, a blank, and ideographs the seed subsets contain (永 国 一 字 中, ideographic space).
constexpr char32_t kChars[] = {U'A', U'g', U' ', U'\u3000', U'\u6C38', U'\u56FD', U'\u4E00', U'\u5B57', U'\u4E2D'};
constexpr int kMaxFacesTried = 2;
constexpr unsigned kGlyphIdsTried = 4;

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

void checkImage(const GrayImage &img, int size)
{
    check(img.width == size && img.height == size);
    check(img.pixels.size() == static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
}

void renderFace(const glyphs::FontFace &face)
{
    const std::vector<char32_t> chars(std::begin(kChars), std::end(kChars));
    check(glyphs::countCovered(face, chars) <= static_cast<int>(chars.size()));
    for (const auto placement : {glyphs::Placement::EmBox, glyphs::Placement::FitToInk}) {
        const glyphs::RasterOptions options {.size = 32, .placement = placement, .fitMargin = 0.08};
        const glyphs::Rasterizer rasterizer(face, options);
        std::vector<glyphs::GlyphRender> renders;
        for (char32_t cp : kChars) {
            glyphs::GlyphRender r = rasterizer.renderChecked(cp);
            (void)rasterizer.probe(cp);
            if (r.ok())
                checkImage(r.image, options.size);
            else
                check(r.image.pixels.empty());
            renders.push_back(std::move(r));
        }
        glyphs::markRepeated(renders);
        const unsigned glyphs = std::min<unsigned>(kGlyphIdsTried, static_cast<unsigned>(face.info().glyphCount));
        for (unsigned gid = 0; gid < glyphs; ++gid) {
            try {
                checkImage(rasterizer.renderGlyphId(gid), options.size);
            } catch (const Error &) { }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto file = fuzz::ScratchDir::instance().write("font.ttf", fuzz::bytesOf(data, size));
    try {
        const std::vector<glyphs::FaceInfo> faces = glyphs::listFaces(file);
        check(!faces.empty() && faces.size() == static_cast<std::size_t>(faces.front().numFaces));
        for (int i = 0; i < std::min<int>(kMaxFacesTried, static_cast<int>(faces.size())); ++i) {
            const glyphs::FontFace face(file, i);
            check(face.info().unitsPerEm > 0 && face.info().emBoxTop > face.info().emBoxBottom);
            renderFace(face);
        }
    } catch (const Error &) {
        // A clear refusal (FontError) is the expected outcome for most inputs.
    }
    return 0;
}
