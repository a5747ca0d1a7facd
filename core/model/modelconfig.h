// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/modelerror.h"

#include <string>
#include <vector>

namespace zistudio::model
{

/** Which side of the UNet an attention layer sits on. */
enum class AttentionSide
{
    Encoder, ///< after that depth's down-sampling
    Decoder  ///< after that depth's skip fusion
};

/** One self-attention layer: a side and a depth (1 = outermost, the size/2 map; D = bottleneck). */
struct AttentionSite
{
    AttentionSide side = AttentionSide::Encoder;
    int depth = 1;
    bool operator==(const AttentionSite &) const = default;
};

/**
 * Where self-attention goes, as a list of sites. Text form: "enc:3,dec:4" ("" or "none" = no
 * attention). Parsing is in attentionspec.cpp; errors name the bad token.
 */
struct AttentionSpec
{
    std::vector<AttentionSite> sites;

    static AttentionSpec parse(const std::string &text); ///< throws model::ModelError
    std::string toString() const;                        ///< canonical: sorted, "none" when empty
    bool has(AttentionSide side, int depth) const;
    bool operator==(const AttentionSpec &) const = default;
};

enum class NormKind
{
    Batch,
    Instance
};

enum class UpsampleKind
{
    TransposedConv,
    PixelShuffle
};

enum class SkipKind
{
    Concat,
    Residual
};

/**
 * Everything that defines the networks' shapes. Plain values, torch-free: the UI, the project
 * file and the cost model use it; model/ builds modules from it.
 */
struct ModelConfig
{
    int imageSize = 64;     ///< 32, 64, 128, 256 or 512; UNet depth D = log2(imageSize)
    int inputChannels = 1;  ///< grayscale glyphs
    int ngf = 32;           ///< generator base width: widths ngf*{1,2,4,8,8,...}
    int ndf = 32;           ///< discriminator base width
    int embeddingNum = 40;  ///< style embedding table size (max styles)
    int embeddingDim = 128; ///< style embedding width, joined at the bottleneck
    NormKind norm = NormKind::Batch;
    UpsampleKind upsample = UpsampleKind::TransposedConv;
    SkipKind skip = SkipKind::Concat;
    double dropout = 0.5;      ///< in the deep decoder blocks, training only
    bool spectralNorm = false; ///< on the discriminator's convolutions
    AttentionSpec attention;

    int depth() const; ///< log2(imageSize); throws ModelError when imageSize is not a supported power of two
    bool operator==(const ModelConfig &) const = default;
};

/** "enc:3" / "dec:4": the spec-string form of one site. */
std::string toString(const AttentionSite &site);

/** Names used in spec strings, JSON and the CLI: "batch"/"instance", "transposed"/"pixelshuffle",
 * "concat"/"residual". The parse functions throw ModelError naming the accepted values. */
std::string toString(NormKind kind);
std::string toString(UpsampleKind kind);
std::string toString(SkipKind kind);
NormKind parseNormKind(const std::string &text);
UpsampleKind parseUpsampleKind(const std::string &text);
SkipKind parseSkipKind(const std::string &text);

/** The image sizes the UNet supports (powers of two, depth = log2). */
inline constexpr int kMinImageSize = 32;
inline constexpr int kMaxImageSize = 512;

/**
 * Checks every setting (image size, widths, embedding, dropout, attention depths within 1..D) and
 * throws ModelError naming the first bad one. The networks and the cost model call it first.
 */
void validate(const ModelConfig &config);

/** The reference configurations of docs/performance.md. */
ModelConfig classic256();
ModelConfig attn256();
ModelConfig cpu64();

} // namespace zistudio::model
