// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values that cross between the GUI thread and a GeneratorWorker's thread (torch-free).

#include "common/image.h"
#include "inference/generator.h"
#include "metrics/imagemetrics.h"
#include "model/attentionprobe.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zistudio::ui
{

/** Which model a worker generates with: a run of a project and one of its checkpoints. */
struct GeneratorKey
{
    QString projectFile;
    QString run;
    QString checkpoint = QStringLiteral("best"); ///< "best", "last" or a step number
    int generation = 0; ///< bumped when the run's checkpoints changed: "best" may be another one now
    bool isValid() const { return !projectFile.isEmpty() && !run.isEmpty(); }
    bool operator==(const GeneratorKey &) const = default;
};

/** One target style of a run. */
struct StyleInfo
{
    int id = 0;
    QString name;
};

/** What a loaded checkpoint offers: its step, styles, characters to pick from, attention layers. */
struct GeneratorInfo
{
    GeneratorKey key;
    QString error; ///< why loading failed; everything else is empty then
    long long step = 0;
    QString checkpointPath;
    QString device;
    int imageSize = 0;
    std::vector<StyleInfo> styles;
    std::u32string validationChars; ///< the run's held-out characters (empty when its dataset is gone)
    std::u32string probeChars;      ///< the run's sample-grid characters
    std::vector<model::AttentionSite> attention;
    QStringList skippedCheckpoints; ///< damaged checkpoints passed over
    QStringList checkpointReport;   ///< which checkpoint and why, then each damaged one skipped (for the log)
};

/** A probe: one character in one style (or a blend), where the user pointed (normalised 0..1). */
struct AttentionQuery
{
    GeneratorKey key;
    char32_t character = 0;
    inference::StyleMix style = inference::StyleMix::pure(0);
    std::vector<std::pair<float, float>> points;
};

/** The answer to a probe: the glyph three ways and every attention layer's rows and stroke mean. */
struct AttentionResult
{
    quint64 id = 0;
    AttentionQuery query;
    GrayImage source, generated, target; ///< target is null when the style lacks the character
    std::vector<model::AttentionProbe> layers;
    long long step = 0;
    bool live = false;         ///< served by the training thread between two steps
    double milliseconds = 0.0; ///< time spent on the worker (or training) thread
    QString error;
};

/** Characters to generate in a grid, in the given styles. */
struct GridRequest
{
    GeneratorKey key;
    std::u32string characters;
    std::vector<int> styles;
};

/** One character of the preview grid: per requested style, its generated glyph, target and scores. */
struct PreviewRow
{
    char32_t character = 0;
    GrayImage source; ///< null when the source font lacks the character
    std::vector<GrayImage> generated;
    std::vector<GrayImage> targets; ///< null where the style lacks the character
    std::vector<std::optional<metrics::QualityScores>> scores;
};

/** A sentence to set in a target style and to compose from generated glyphs. */
struct TextRequest
{
    GeneratorKey key;
    QString text;
    inference::StyleMix style = inference::StyleMix::pure(0);
    int targetStyle = 0; ///< whose font sets the upper line (and decides what is "missing")
};

/** One shaped character of the composed line. */
struct TextCell
{
    char32_t character = 0;
    int x = 0;              ///< left edge in the composed line, pixels
    int width = 0;          ///< its advance, pixels
    bool inTarget = false;  ///< the target style has this character
    bool generated = false; ///< a generated glyph was placed (the source font has it)
};

/** The text preview: the target font's line and the line composed of generated glyphs. */
struct TextPreview
{
    quint64 id = 0;
    QString text;
    GrayImage targetLine;    ///< null for a hand-drawn target (no font to set text with)
    GrayImage generatedLine; ///< the generated glyphs at the shaped positions
    std::vector<TextCell> cells;
    QString error;
};

} // namespace zistudio::ui
