// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/contactsheet.h"

#include "export/exporterror.h"
#include "export/glyphnames.h"
#include "export/labelfont.h"

#include <algorithm>
#include <cmath>

namespace zistudio::fontexport
{

namespace
{

constexpr int kMaxCellSize = 128;
constexpr int kPadding = 4;
constexpr Rgba kInk {20, 20, 20, 255};
constexpr Rgba kBorder {200, 200, 200, 255};
constexpr Rgba kFlag {220, 30, 30, 255};
constexpr Rgba kLabel {70, 70, 70, 255};

/** Area-averaged resampling of an ink image to size×size. */
GrayImage resample(const GrayImage &src, int size)
{
    if (src.width == size && src.height == size)
        return src;
    GrayImage out(size, size);
    const double sx = static_cast<double>(src.width) / size, sy = static_cast<double>(src.height) / size;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            // Average over the source rectangle (nearest pixel when upscaling).
            const int x0 = static_cast<int>(x * sx), x1 = std::max(x0 + 1, static_cast<int>(std::ceil((x + 1) * sx)));
            const int y0 = static_cast<int>(y * sy), y1 = std::max(y0 + 1, static_cast<int>(std::ceil((y + 1) * sy)));
            unsigned sum = 0, n = 0;
            for (int yy = y0; yy < std::min(y1, src.height); ++yy)
                for (int xx = x0; xx < std::min(x1, src.width); ++xx, ++n)
                    sum += src.at(xx, yy);
            out.at(x, y) = static_cast<std::uint8_t>(n ? sum / n : 0);
        }
    }
    return out;
}

void fillRect(RgbaImage &img, int x0, int y0, int w, int h, Rgba c)
{
    for (int y = std::max(0, y0); y < std::min(img.height, y0 + h); ++y)
        for (int x = std::max(0, x0); x < std::min(img.width, x0 + w); ++x) {
            auto *p = img.pixels.data() + (static_cast<std::size_t>(y) * img.width + x) * 4;
            p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = c.a;
        }
}

void frame(RgbaImage &img, int x, int y, int w, int h, int t, Rgba c)
{
    fillRect(img, x, y, w, t, c);
    fillRect(img, x, y + h - t, w, t, c);
    fillRect(img, x, y, t, h, c);
    fillRect(img, x + w - t, y, t, h, c);
}

} // namespace

void validateContactSheetOptions(const ContactSheetOptions &o)
{
    if (o.columns < 1 || o.columns > 256)
        throw ExportError("contact sheet columns must be 1..256, got " + std::to_string(o.columns));
    if (o.rows < 1 || o.rows > 256)
        throw ExportError("contact sheet rows must be 1..256, got " + std::to_string(o.rows));
    if (o.cellSize < 0 || o.cellSize > 1024)
        throw ExportError("contact sheet cell size must be 0..1024 px, got " + std::to_string(o.cellSize));
}

std::vector<RgbaImage> renderContactSheets(const std::vector<SheetGlyph> &glyphs, const ContactSheetOptions &options)
{
    validateContactSheetOptions(options);
    std::vector<RgbaImage> sheets;
    if (glyphs.empty())
        return sheets;
    int cell = options.cellSize;
    if (cell == 0) {
        for (const auto &g : glyphs)
            if (g.image)
                cell = std::max(cell, g.image->width);
        cell = std::clamp(cell, 16, kMaxCellSize);
    }
    const int labelHeight = std::max(9, cell / 8);
    const LabelFont font(labelHeight * 2 / 3);
    const int cellW = cell + 2 * kPadding, cellH = cell + labelHeight + 3 * kPadding;
    const auto perSheet = static_cast<std::size_t>(options.columns) * static_cast<std::size_t>(options.rows);
    for (std::size_t first = 0; first < glyphs.size(); first += perSheet) {
        const std::size_t count = std::min(perSheet, glyphs.size() - first);
        const int rows = static_cast<int>((count + options.columns - 1) / options.columns);
        const int cols = static_cast<int>(std::min<std::size_t>(count, options.columns));
        RgbaImage sheet;
        sheet.width = cols * cellW + 1;
        sheet.height = rows * cellH + 1;
        sheet.pixels.assign(static_cast<std::size_t>(sheet.width) * sheet.height * 4, 255);
        for (std::size_t k = 0; k < count; ++k) {
            const SheetGlyph &g = glyphs[first + k];
            const int cx = static_cast<int>(k % options.columns) * cellW;
            const int cy = static_cast<int>(k / options.columns) * cellH;
            frame(sheet, cx, cy, cellW + 1, cellH + 1, 1, kBorder);
            if (g.image && !g.image->isNull()) {
                const GrayImage small = resample(*g.image, cell);
                for (int y = 0; y < cell; ++y)
                    for (int x = 0; x < cell; ++x) {
                        const unsigned ink = small.at(x, y);
                        auto *p = sheet.pixels.data()
                            + (static_cast<std::size_t>(cy + kPadding + y) * sheet.width + cx + kPadding + x) * 4;
                        p[0] = static_cast<std::uint8_t>(255 - (255 - kInk.r) * ink / 255);
                        p[1] = static_cast<std::uint8_t>(255 - (255 - kInk.g) * ink / 255);
                        p[2] = static_cast<std::uint8_t>(255 - (255 - kInk.b) * ink / 255);
                    }
            }
            if (g.flagged)
                frame(sheet, cx + 1, cy + 1, cellW - 1, cellH - 1, 2, kFlag);
            const std::string label = formatCodePoint(g.codePoint);
            const int tx = cx + (cellW - font.width(label)) / 2;
            font.draw(sheet, std::max(cx + 2, tx), cy + 2 * kPadding + cell + labelHeight * 2 / 3, label, kLabel);
        }
        sheets.push_back(std::move(sheet));
    }
    return sheets;
}

} // namespace zistudio::fontexport
