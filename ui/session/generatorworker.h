// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <QObject>

#include <atomic>
#include <map>
#include <memory>

namespace zistudio::glyphs
{
class FontFace;
}

namespace zistudio::ui
{

/**
 * Lives on a GeneratorSession's thread and owns its inference::Generator: the checkpoint is loaded
 * once and kept until another run or checkpoint is asked for, so a probe click costs one forward pass.
 * Every call answers with a signal carrying plain values; errors travel as messages, never as
 * exceptions. Never touched directly from the GUI thread: GeneratorSession queues the calls.
 */
class GeneratorWorker : public QObject
{
    Q_OBJECT

public:
    /** `cancelBelow`: grid requests with an id below it stop between two chunks. */
    explicit GeneratorWorker(std::shared_ptr<std::atomic<quint64>> cancelBelow);
    ~GeneratorWorker() override;

    void load(const zistudio::ui::GeneratorKey &key);
    void probe(quint64 id, const zistudio::ui::AttentionQuery &query);
    void generateGrid(quint64 id, const zistudio::ui::GridRequest &request);
    void composeText(quint64 id, const zistudio::ui::TextRequest &request);

    /** Characters generated per forward pass of a grid (and between two cancel checks). */
    static constexpr int kGridChunk = 16;

signals:
    void loaded(const zistudio::ui::GeneratorInfo &info);
    void probeReady(const zistudio::ui::AttentionResult &result);
    void gridRows(quint64 id, const std::vector<zistudio::ui::PreviewRow> &rows);
    void gridProgress(quint64 id, int done, int total);
    /** The grid is complete, cancelled, or failed (`error` set). */
    void gridFinished(quint64 id, bool cancelled, const QString &error);
    void textReady(const zistudio::ui::TextPreview &preview);

private:
    /** The generator for `key`, loading it when another one (or none) is loaded. Throws on failure. */
    inference::Generator &generatorFor(const GeneratorKey &key);
    GeneratorInfo describe() const;
    const glyphs::FontFace *targetFace(int styleId);

    std::shared_ptr<std::atomic<quint64>> m_cancelBelow;
    std::unique_ptr<inference::Generator> m_generator;
    GeneratorKey m_key;
    std::u32string m_validationChars;
    std::unique_ptr<glyphs::FontFace> m_sourceFace;
    std::map<int, std::unique_ptr<glyphs::FontFace>> m_targetFaces;

    // The glyph images of the last probed character and style: a click on the same glyph reuses them.
    char32_t m_probedChar = 0;
    std::vector<std::pair<int, float>> m_probedStyle;
    GrayImage m_probedSource, m_probedGenerated, m_probedTarget;
};

} // namespace zistudio::ui
