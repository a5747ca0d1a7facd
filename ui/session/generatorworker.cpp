// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/generatorworker.h"

#include "session/textcomposer.h"
#include "util/qtconvert.h"

#include "common/error.h"
#include "data/dataset.h"
#include "glyphs/fontface.h"
#include "glyphs/shaping.h"
#include "glyphs/utf8.h"
#include "project/projectlayout.h"

#include <QElapsedTimer>

#include <algorithm>
#include <exception>

namespace zistudio::ui
{

namespace
{

/** Blank characters get no generated glyph (the network would draw noise on an empty canvas). */
bool isBlank(char32_t cp)
{
    return cp <= 0x20 || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B);
}

/** The style with the largest weight (the one whose target is shown beside a blend). */
int dominantStyle(const inference::StyleMix &style)
{
    if (style.weights.empty())
        return 0;
    return std::max_element(style.weights.begin(), style.weights.end(), [](const auto &a, const auto &b) {
        return a.second < b.second;
    })->first;
}

} // namespace

GeneratorWorker::GeneratorWorker(std::shared_ptr<std::atomic<quint64>> cancelBelow)
    : m_cancelBelow(std::move(cancelBelow))
{ }

GeneratorWorker::~GeneratorWorker() = default;

inference::Generator &GeneratorWorker::generatorFor(const GeneratorKey &key)
{
    if (m_generator && key == m_key)
        return *m_generator;
    m_generator.reset();
    m_sourceFace.reset();
    m_targetFaces.clear();
    m_validationChars.clear();
    m_probedChar = 0;
    m_key = {};
    if (!key.isValid())
        throw Error("no run chosen");
    auto generator = std::make_unique<inference::Generator>(
        toPath(key.projectFile), utf8(key.run), inference::CheckpointChoice {utf8(key.checkpoint)}, "auto");
    // The held-out characters, from the run's dataset store when it was built from the run's own spec.
    try {
        const auto dataset = data::Dataset::open(project::ProjectLayout::of(toPath(key.projectFile)).datasetStore);
        if (dataset.spec() == generator->runConfig().dataset)
            m_validationChars.assign(dataset.validationChars().begin(), dataset.validationChars().end());
    } catch (const std::exception &) {
        // No store (it is rebuilt on the next run): the view offers the probe characters only.
    }
    m_generator = std::move(generator);
    m_key = key;
    return *m_generator;
}

GeneratorInfo GeneratorWorker::describe() const
{
    GeneratorInfo info;
    info.key = m_key;
    const auto &config = m_generator->runConfig();
    info.step = m_generator->checkpointStep();
    info.checkpointPath = qs(m_generator->checkpointPath());
    info.device = qs(m_generator->deviceDescription());
    info.imageSize = config.dataset.imageSize;
    for (const auto &t : config.dataset.targets)
        info.styles.push_back({t.styleId, t.name.empty() ? QStringLiteral("%1").arg(t.styleId) : qs(t.name)});
    info.validationChars = m_validationChars;
    for (const auto &c : config.training.probeChars)
        if (const auto decoded = glyphs::decodeUtf8(c); decoded && !decoded->empty())
            info.probeChars.push_back(decoded->front());
    info.attention = config.model.attention.sites;
    for (const auto &s : m_generator->skippedCheckpoints())
        info.skippedCheckpoints << qs(s);
    for (const auto &line : m_generator->checkpointReport())
        info.checkpointReport << qs(line);
    return info;
}

void GeneratorWorker::load(const GeneratorKey &key)
{
    GeneratorInfo info;
    try {
        generatorFor(key);
        info = describe();
    } catch (const std::exception &e) {
        info = {};
        info.key = key;
        info.error = qs(e.what());
    }
    emit loaded(info);
}

void GeneratorWorker::probe(quint64 id, const AttentionQuery &query)
{
    AttentionResult result;
    result.id = id;
    result.query = query;
    QElapsedTimer timer;
    timer.start();
    try {
        auto &generator = generatorFor(query.key);
        if (query.character != m_probedChar || query.style.weights != m_probedStyle) {
            // A new glyph or style: render and generate it once; later clicks on it only probe.
            m_probedChar = 0;
            m_probedSource = generator.sourceGlyph(query.character);
            if (m_probedSource.isNull())
                throw Error("the source font has no glyph for " + glyphs::formatCodePoint(query.character));
            m_probedGenerated = generator.generate(std::u32string(1, query.character), query.style, 1).front();
            m_probedTarget = generator.targetGlyph(query.character, dominantStyle(query.style));
            m_probedChar = query.character;
            m_probedStyle = query.style.weights;
        }
        result.source = m_probedSource;
        result.generated = m_probedGenerated;
        result.target = m_probedTarget;
        result.layers = generator.probe(query.character, query.style, query.points, true);
        result.step = generator.checkpointStep();
    } catch (const std::exception &e) {
        result.error = qs(e.what());
    }
    result.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit probeReady(result);
}

void GeneratorWorker::generateGrid(quint64 id, const GridRequest &request)
{
    const int total = static_cast<int>(request.characters.size());
    try {
        auto &generator = generatorFor(request.key);
        for (int start = 0; start < total; start += kGridChunk) {
            if (id < m_cancelBelow->load()) {
                emit gridFinished(id, true, {});
                return;
            }
            const std::u32string chunk = request.characters.substr(static_cast<std::size_t>(start), kGridChunk);
            std::vector<PreviewRow> rows(chunk.size());
            for (std::size_t i = 0; i < chunk.size(); ++i) {
                rows[i].character = chunk[i];
                rows[i].source = generator.sourceGlyph(chunk[i]);
            }
            for (const int style : request.styles) {
                const auto images = generator.generate(chunk, inference::StyleMix::pure(style), kGridChunk);
                for (std::size_t i = 0; i < chunk.size(); ++i) {
                    PreviewRow &row = rows[i];
                    GrayImage target = generator.targetGlyph(chunk[i], style);
                    std::optional<metrics::QualityScores> scores;
                    if (!images[i].isNull() && !target.isNull() && images[i].width == target.width
                        && images[i].height == target.height)
                        scores = metrics::compareImages(images[i], target);
                    row.generated.push_back(images[i]);
                    row.targets.push_back(std::move(target));
                    row.scores.push_back(scores);
                }
            }
            emit gridRows(id, rows);
            emit gridProgress(id, std::min(total, start + kGridChunk), total);
        }
        emit gridFinished(id, false, {});
    } catch (const std::exception &e) {
        emit gridFinished(id, false, qs(e.what()));
    }
}

const glyphs::FontFace *GeneratorWorker::targetFace(int styleId)
{
    for (const auto &t : m_generator->runConfig().dataset.targets) {
        if (t.styleId != styleId || t.kind != data::TargetSpec::Kind::Font)
            continue;
        auto &face = m_targetFaces[styleId];
        if (!face)
            face = std::make_unique<glyphs::FontFace>(t.path, t.face);
        return face.get();
    }
    return nullptr;
}

void GeneratorWorker::composeText(quint64 id, const TextRequest &request)
{
    TextPreview preview;
    try {
        auto &generator = generatorFor(request.key);
        const std::string text = utf8(request.text);
        const int size = generator.runConfig().dataset.imageSize;
        const auto chars = glyphs::decodeUtf8OrThrow(text, "the preview text");
        // Generate every distinct character once, in one batch.
        std::u32string distinct;
        for (const char32_t c : chars)
            if (!isBlank(c) && distinct.find(c) == std::u32string::npos)
                distinct.push_back(c);
        const auto images = generator.generate(distinct, request.style);
        const glyphs::FontFace *target = targetFace(request.targetStyle);
        if (!m_sourceFace) {
            const auto &source = generator.runConfig().dataset.source;
            m_sourceFace = std::make_unique<glyphs::FontFace>(source.path, source.face);
        }
        preview = ui::composeText(
            *m_sourceFace, text, size,
            [&](char32_t c) {
                const auto at = distinct.find(c);
                return at == std::u32string::npos ? GrayImage {} : images[at];
            },
            [&](char32_t c) {
                if (isBlank(c))
                    return true;
                return target ? target->hasGlyph(c) : !generator.targetGlyph(c, request.targetStyle).isNull();
            });
        if (target)
            preview.targetLine = glyphs::renderText(*target, text, size);
    } catch (const std::exception &e) {
        preview = {};
        preview.error = qs(e.what());
    }
    preview.id = id;
    preview.text = request.text;
    emit textReady(preview);
}

} // namespace zistudio::ui
