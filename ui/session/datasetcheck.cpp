// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/datasetcheck.h"

#include "util/qtconvert.h"

#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"

#include <QCoreApplication>

#include <memory>
#include <unordered_set>

namespace zistudio::ui
{

namespace
{

constexpr int kMaxListed = 5000; ///< enough to scroll through; the counts stay exact

void addMissing(DatasetCheck &check, const glyphs::FontFace &face, const std::vector<char32_t> &chars,
    const QString &style, int *coveredOut)
{
    const std::vector<char32_t> covered = glyphs::coveredChars(face, chars);
    const std::unordered_set<char32_t> have(covered.begin(), covered.end());
    *coveredOut = static_cast<int>(covered.size());
    const QString reason = QCoreApplication::translate("DatasetCheck", "not in font");
    for (const char32_t cp : chars) {
        if (!have.count(cp) && check.missing.size() < kMaxListed)
            check.missing.append({cp, style, reason});
    }
}

} // namespace

DatasetCheck checkDataset(const data::DatasetSpec &spec)
{
    DatasetCheck check;
    // Open the fonts first: "covered by all chosen fonts" needs every one that opens.
    std::unique_ptr<glyphs::FontFace> source;
    if (!spec.source.path.empty()) {
        try {
            source = std::make_unique<glyphs::FontFace>(spec.source.path, spec.source.face);
        } catch (const std::exception &e) {
            check.error = qs(e.what());
        }
    }
    std::vector<std::unique_ptr<glyphs::FontFace>> targets;
    std::vector<QString> targetErrors;
    std::vector<const glyphs::FontFace *> fonts;
    if (source)
        fonts.push_back(source.get());
    for (const data::TargetSpec &target : spec.targets) {
        targets.emplace_back();
        targetErrors.emplace_back();
        if (target.kind != data::TargetSpec::Kind::Font)
            continue;
        try {
            targets.back() = std::make_unique<glyphs::FontFace>(target.path, target.face);
            fonts.push_back(targets.back().get());
        } catch (const std::exception &e) {
            targetErrors.back() = qs(e.what());
        }
    }

    std::vector<char32_t> chars;
    try {
        chars = glyphs::resolveCharset(spec.charset, fonts, &check.notCoveredByAll);
    } catch (const std::exception &e) {
        check.error = qs(e.what());
        return check;
    }
    check.charsetSize = static_cast<int>(chars.size());
    if (check.notCoveredByAll > 0)
        check.styleLines << QCoreApplication::translate("DatasetCheck", "Left out: %1 characters not in every font")
                                .arg(check.notCoveredByAll);
    const QString sourceLabel = QCoreApplication::translate("DatasetCheck", "Source");
    if (source) {
        addMissing(check, *source, chars, sourceLabel, &check.sourceCovered);
        check.styleLines << QCoreApplication::translate("DatasetCheck", "%1: %2 of %3 characters")
                                .arg(sourceLabel)
                                .arg(check.sourceCovered)
                                .arg(check.charsetSize);
    }
    for (std::size_t i = 0; i < spec.targets.size(); ++i) {
        const data::TargetSpec &target = spec.targets[i];
        const QString name = qs(target.name);
        if (target.kind != data::TargetSpec::Kind::Font) {
            check.styleLines
                << QCoreApplication::translate("DatasetCheck", "%1: drawn images, counted when built").arg(name);
        } else if (!targets[i]) {
            check.styleLines << QStringLiteral("%1: %2").arg(name, targetErrors[i]);
        } else {
            int covered = 0;
            addMissing(check, *targets[i], chars, name, &covered);
            check.styleLines << QCoreApplication::translate("DatasetCheck", "%1: %2 of %3 characters")
                                    .arg(name)
                                    .arg(covered)
                                    .arg(check.charsetSize);
        }
    }
    return check;
}

} // namespace zistudio::ui
