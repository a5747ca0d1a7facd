// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// CONTRACT shared by the CLI and the studio: torch-free. Implementers may add members; do not
// rename or remove these.

#include "common/image.h"
#include "model/attentionprobe.h"
#include "project/project.h"

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace zistudio::inference
{

/** Which checkpoint of a run: "best", "last" or a step number as text. */
struct CheckpointChoice
{
    std::string which = "best";
};

/** Style as one id or a weighted blend of ids (weights are normalised to sum 1). */
struct StyleMix
{
    std::vector<std::pair<int, float>> weights; ///< {{id, 1.0}} for a pure style
    static StyleMix pure(int id) { return {{{id, 1.0f}}}; }
};

/**
 * Loads a run's checkpoint once and generates glyph images (ink coverage, the dataset's size and
 * placement) with the one rasterizer rendering the source glyphs. Inference runs under no-grad and
 * eval mode, batched. Not thread-safe: use one Generator per thread.
 */
class Generator
{
public:
    Generator(const std::filesystem::path &projectFile, const std::string &runName, CheckpointChoice checkpoint = {},
        const std::string &device = "auto");
    ~Generator();
    Generator(Generator &&) noexcept;
    Generator &operator=(Generator &&) noexcept;

    /** One image per character, in order; characters the source font lacks give a null image. */
    std::vector<GrayImage> generate(const std::u32string &chars, const StyleMix &style, int batchSize = 32);

    /**
     * The style vector the network is conditioned on for `style`: the weighted mean of the embedding
     * table's rows (what generate() feeds the bottleneck). Validates `style` like generate().
     */
    std::vector<float> styleEmbedding(const StyleMix &style) const;

    /** Attention rows for query points (normalised 0..1) on one character. */
    std::vector<model::AttentionProbe> probe(
        char32_t character, const StyleMix &style, const std::vector<std::pair<float, float>> &points, bool strokeMean);

    /** The source glyph as the dataset renders it (for side-by-side views). */
    GrayImage sourceGlyph(char32_t character) const;

    long long checkpointStep() const;
    std::string checkpointPath() const;

    /**
     * The target style's own glyph: rendered by the one rasterizer for font targets, taken from the
     * run's dataset store for hand-drawn folders; a null image when the style lacks the character
     * (or the store was rebuilt for other settings). For side-by-side views and evaluation.
     */
    GrayImage targetGlyph(char32_t character, int styleId) const;
    /** The run's configuration (dataset, model, training) as it was when the run started. */
    const project::Project &runConfig() const;
    /** Damaged checkpoints skipped while choosing, one line each (empty when none were). */
    const std::vector<std::string> &skippedCheckpoints() const;
    /**
     * Which checkpoint was loaded and why, then one line per damaged checkpoint it skipped ("using
     * checkpoint step-000500 (the latest that is intact) of run \"r1\"", "skipped damaged checkpoint
     * step-000600: ..."). Every caller shows these (stderr, the studio's log): no fallback is silent.
     */
    const std::vector<std::string> &checkpointReport() const;
    /** "CPU, 2 threads, BLAS: ..." or "CUDA: ...". */
    std::string deviceDescription() const;
    /** Each self-attention layer's gate gamma in the loaded checkpoint, in placement order (empty = none). */
    std::vector<std::pair<model::AttentionSite, float>> attentionGammas() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace zistudio::inference
