// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/samplegrid.h"

#include <algorithm>

namespace zistudio::training
{

GrayImage composeSampleGrid(const std::vector<std::vector<GrayImage>> &rows, int gap, int groupRows)
{
    int cellW = 0, cellH = 0;
    std::size_t columns = 0;
    for (const auto &row : rows) {
        columns = std::max(columns, row.size());
        for (const auto &img : row) {
            cellW = std::max(cellW, img.width);
            cellH = std::max(cellH, img.height);
        }
    }
    if (rows.empty() || columns == 0 || cellW == 0)
        return {};
    const int n = static_cast<int>(rows.size());
    const int groupGaps = groupRows > 0 ? (n - 1) / groupRows : 0;
    const int width = static_cast<int>(columns) * (cellW + gap) + gap;
    const int height = n * (cellH + gap) + gap + groupGaps * 2 * gap;
    GrayImage grid(width, height, 0);
    // Thin grey rules between cells so that blank glyphs are still visible as cells.
    for (auto &p : grid.pixels)
        p = 40;
    int y = gap;
    for (int r = 0; r < n; ++r) {
        if (r > 0 && groupRows > 0 && r % groupRows == 0)
            y += 2 * gap;
        for (std::size_t c = 0; c < columns; ++c) {
            const int x = gap + static_cast<int>(c) * (cellW + gap);
            const GrayImage *img = c < rows[r].size() ? &rows[r][c] : nullptr;
            for (int yy = 0; yy < cellH; ++yy)
                for (int xx = 0; xx < cellW; ++xx) {
                    std::uint8_t v = 0;
                    if (img && !img->isNull() && xx < img->width && yy < img->height)
                        v = img->at(xx, yy);
                    grid.at(x + xx, y + yy) = v;
                }
        }
        y += cellH + gap;
    }
    return grid;
}

} // namespace zistudio::training
