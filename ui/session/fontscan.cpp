// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/fontscan.h"

#include "util/qtconvert.h"

#include "data/dataset.h"
#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"
#include "glyphs/handdrawnset.h"
#include "glyphs/rasterizer.h"
#include "workflow/targets.h"

#include <QCoreApplication>

#include <memory>

namespace zistudio::ui
{

namespace
{

glyphs::RasterOptions rasterOptions(const data::DatasetSpec &spec)
{
    return data::rasterOptionsFor(spec);
}

QList<QImage> renderSamples(const glyphs::FontFace &face, const data::DatasetSpec &spec, const std::u32string &chars)
{
    const glyphs::Rasterizer rasterizer(face, rasterOptions(spec));
    QList<QImage> images;
    for (const char32_t cp : chars) {
        const glyphs::GlyphRender render = rasterizer.renderChecked(cp);
        images << (render.ok() ? toQImage(render.image) : QImage());
    }
    return images;
}

QString faceTitle(const glyphs::FaceInfo &info)
{
    return qs(workflow::faceTitle(info));
}

} // namespace

QStringList fontFaceNames(const QString &path, QString *error)
{
    QStringList names;
    try {
        for (const glyphs::FaceInfo &info : glyphs::listFaces(toPath(path)))
            names << faceTitle(info);
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
    }
    return names;
}

FontScanResult scanFonts(const data::DatasetSpec &spec, const QString &sampleText, int sampleCount)
{
    FontScanResult result;
    try {
        result.charset = glyphs::resolveCharset(spec.charset);
    } catch (const std::exception &e) {
        result.charsetError = qs(e.what());
    }
    const int total = static_cast<int>(result.charset.size());

    std::u32string samples;
    if (!sampleText.trimmed().isEmpty()) {
        for (const uint cp : sampleText.toUcs4()) {
            if (!QChar::isSpace(static_cast<char32_t>(cp)))
                samples.push_back(static_cast<char32_t>(cp));
        }
    } else {
        for (std::size_t i = 0; i < result.charset.size() && static_cast<int>(i) < sampleCount; ++i)
            samples.push_back(result.charset[i]);
    }
    for (const char32_t cp : samples)
        result.sampleCaptions << charString(cp);
    const QList<QImage> blanks(static_cast<qsizetype>(samples.size()));

    result.rowLabels << QCoreApplication::translate("FontScan", "Source");
    if (spec.source.path.empty()) {
        result.source.error = QCoreApplication::translate("FontScan", "No source font chosen.");
        result.samples << blanks;
    } else {
        try {
            result.source.faceNames = fontFaceNames(qs(spec.source.path), nullptr);
            const glyphs::FontFace face(spec.source.path, spec.source.face);
            result.source.title = faceTitle(face.info());
            result.source.total = total;
            result.source.covered = glyphs::countCovered(face, result.charset);
            result.samples << renderSamples(face, spec, samples);
        } catch (const std::exception &e) {
            result.source.error = qs(e.what());
            result.samples << blanks;
        }
    }

    for (const data::TargetSpec &target : spec.targets) {
        TargetStatus status;
        status.total = total;
        result.rowLabels << qs(target.name);
        try {
            if (target.kind == data::TargetSpec::Kind::Font) {
                const glyphs::FontFace face(target.path, target.face);
                status.covered = glyphs::countCovered(face, result.charset);
                result.samples << renderSamples(face, spec, samples);
            } else {
                const glyphs::HandDrawnSet set = glyphs::HandDrawnSet::load(target.path, rasterOptions(spec));
                int covered = 0;
                for (const char32_t cp : result.charset)
                    covered += set.find(cp) ? 1 : 0;
                status.covered = covered;
                for (const glyphs::HandDrawnProblem &problem : set.problems())
                    status.problems << QStringLiteral("%1: %2").arg(
                        toQString(problem.file.filename()), qs(problem.reason));
                QList<QImage> row;
                for (const char32_t cp : samples) {
                    const glyphs::HandDrawnGlyph *glyph = set.find(cp);
                    row << (glyph ? toQImage(glyph->image) : QImage());
                }
                result.samples << row;
            }
        } catch (const std::exception &e) {
            status.error = qs(e.what());
            result.samples << blanks;
        }
        result.targets.push_back(status);
    }
    return result;
}

} // namespace zistudio::ui
