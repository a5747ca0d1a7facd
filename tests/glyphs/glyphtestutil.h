// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"

#include <algorithm>
#include <filesystem>
#include <string>

namespace zistudio::test
{

/** Ink bounding box of a coverage image (pixels above a threshold); empty() when there is no ink. */
struct InkBox
{
    int left = 0, top = 0, right = -1, bottom = -1; ///< inclusive
    bool empty() const { return right < left; }
    int width() const { return right - left + 1; }
    int height() const { return bottom - top + 1; }
};

inline InkBox inkBox(const GrayImage &img, int threshold = 0)
{
    InkBox box {img.width, img.height, -1, -1};
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (img.at(x, y) > threshold) {
                box.left = std::min(box.left, x);
                box.top = std::min(box.top, y);
                box.right = std::max(box.right, x);
                box.bottom = std::max(box.bottom, y);
            }
    if (box.right < 0)
        return {};
    return box;
}

/** Coverage-weighted mean row of the ink (0 = top). */
inline double inkCentroidRow(const GrayImage &img)
{
    double sum = 0, weight = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            sum += y * static_cast<double>(img.at(x, y));
            weight += img.at(x, y);
        }
    return weight > 0 ? sum / weight : -1;
}

/** Total ink (sum of coverage). */
inline long long inkSum(const GrayImage &img)
{
    long long s = 0;
    for (auto v : img.pixels)
        s += v;
    return s;
}

} // namespace zistudio::test
