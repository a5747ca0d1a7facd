// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/unetlayout.h"

#include "model/attentionprobe.h"

#include <algorithm>

namespace zistudio::model
{

namespace
{

/** Widths stop doubling at ngf*8 (pix2pix / zi2zi). */
constexpr int kMaxWidthMultiplier = 8;

} // namespace

int UNetLayout::attentionChannels(const AttentionSite &site) const
{
    const auto d = static_cast<std::size_t>(site.depth);
    return site.side == AttentionSide::Encoder ? encoderChannels[d] : fusedChannels[d];
}

UNetLayout unetLayout(const ModelConfig &config)
{
    validate(config);
    UNetLayout layout;
    layout.imageSize = config.imageSize;
    layout.depth = config.depth();
    layout.embeddingDim = config.embeddingDim;
    const auto size = static_cast<std::size_t>(layout.depth) + 1;
    layout.encoderChannels.resize(size);
    layout.fusedChannels.resize(size);
    layout.encoderChannels[0] = config.inputChannels;
    for (int d = 1; d <= layout.depth; ++d)
        layout.encoderChannels[static_cast<std::size_t>(d)]
            = config.ngf * std::min(1 << std::min(d - 1, 30), kMaxWidthMultiplier);
    layout.fusedChannels[0] = config.inputChannels;
    for (int d = 1; d < layout.depth; ++d) {
        const int c = layout.encoderChannels[static_cast<std::size_t>(d)];
        layout.fusedChannels[static_cast<std::size_t>(d)] = config.skip == SkipKind::Concat ? 2 * c : c;
    }
    layout.fusedChannels[size - 1] = layout.encoderChannels[size - 1] + config.embeddingDim;
    return layout;
}

std::vector<int> discriminatorChannels(const ModelConfig &config)
{
    std::vector<int> channels;
    for (int i = 0; i < kDiscriminatorLayers; ++i)
        channels.push_back(config.ndf << i);
    return channels;
}

int attentionRowIndex(float u, float v, int width, int height)
{
    const auto cell = [](float t, int n) {
        if (!(t > 0.0F)) // also NaN
            return 0;
        if (t >= 1.0F)
            return n - 1;
        return std::min(static_cast<int>(t * static_cast<float>(n)), n - 1);
    };
    return cell(v, height) * width + cell(u, width);
}

} // namespace zistudio::model
