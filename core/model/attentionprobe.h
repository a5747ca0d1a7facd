// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/image.h"
#include "model/modelconfig.h"

#include <utility>
#include <vector>

namespace zistudio::model
{

/**
 * What one self-attention layer looks at, for one image: torch-free, so the UI can draw it.
 * Grids are at the layer's resolution (width x height), row-major, and each sums to 1.
 */
struct AttentionProbe
{
    AttentionSite site;
    int width = 0;
    int height = 0;
    std::vector<FloatGrid> rows; ///< one per query point: where that position attends
    FloatGrid maskMean;          ///< mean row over the masked (stroke) positions; empty without a mask
    float gamma = 0.0F;          ///< the layer's gate: 0 = the layer does nothing yet
    bool degenerate = false;     ///< a 1x1 map: one position, nothing to attend to
};

/**
 * The attention-matrix row (= query position) for a point in normalised image coordinates
 * (0,0 = top left, 1,1 = bottom right) on a width x height map; coordinates outside 0..1 are clamped.
 */
int attentionRowIndex(float u, float v, int width, int height);

} // namespace zistudio::model
