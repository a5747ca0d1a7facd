// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/modelconfig.h"

#include <vector>

namespace zistudio::model
{

/**
 * The shape of the UNet a ModelConfig describes, torch-free. The generator module and the cost
 * model both read it, so the numbers shown before training describe the network that is built.
 *
 * Depth d runs from 1 (the outermost, size/2 map) to D = log2(size) (the bottleneck, 1x1); depth 0
 * is the image itself. Encoder depth d: a 4x4 stride-2 conv (plus LeakyReLU before it and a norm
 * after it, except at depth 1 and at the bottleneck). Decoder depth d < D: an up-block from depth
 * d + 1 (ReLU, up-sampling, norm, dropout in the 3 innermost) fused with encoder depth d (concat
 * or add); decoder depth D is the bottleneck joined with the style embedding.
 */
struct UNetLayout
{
    int imageSize = 0;
    int depth = 0;                    ///< D
    int embeddingDim = 0;             ///< joined at the bottleneck
    std::vector<int> encoderChannels; ///< [d], d = 0..D: [0] = input channels, then ngf*{1,2,4,8,8,...}
    std::vector<int> fusedChannels;   ///< [d], d = 1..D: decoder map after skip fusion; [0] = output channels

    int resolution(int d) const { return imageSize >> d; }
    /** Input channels of the up-block that produces depth d (d = 0..D-1). */
    int upInputChannels(int d) const { return fusedChannels[static_cast<std::size_t>(d) + 1]; }
    /** Output channels of that up-block (before the skip fusion). */
    int upOutputChannels(int d) const { return encoderChannels[static_cast<std::size_t>(d)]; }
    bool encoderHasNorm(int d) const
    {
        return d > 1 && d < depth;
    }                                                   ///< none on the image-side conv and the 1x1 bottleneck
    bool decoderHasNorm(int d) const { return d >= 1; } ///< every up-block but the output one
    bool decoderHasDropout(int d) const { return d >= 1 && d >= depth - 3; }
    /** Channels of the map an attention layer at this site sees. */
    int attentionChannels(const AttentionSite &site) const;
};

/** Validates the config (ModelError) and derives its layout. */
UNetLayout unetLayout(const ModelConfig &config);

/** SAGAN's query/key width: C/8, at least 1. */
inline int attentionKeyChannels(int channels)
{
    return channels / 8 > 0 ? channels / 8 : 1;
}

/** From this many positions on, attention on the CPU runs the blocked kernel (model::blockedAttention) and never
 * builds its N x N matrix; fewer, the whole matrix (it fits in the cache anyway). */
inline constexpr int kBlockedAttentionMinPositions = 256;

/** Discriminator widths: ndf*{1,2,4,8} for its four 4x4 stride-2 convolutions. */
inline constexpr int kDiscriminatorLayers = 4;
std::vector<int> discriminatorChannels(const ModelConfig &config);

} // namespace zistudio::model
