// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/datasetcheck.h"

#include "util/qtconvert.h"

#include "glyphs/charsets.h"
#include "glyphs/coverage.h"
#include "glyphs/fontface.h"

#include <QCoreApplication>

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
    std::vector<char32_t> chars;
    try {
        chars = glyphs::resolveCharset(spec.charset);
    } catch (const std::exception &e) {
        check.error = qs(e.what());
        return check;
    }
    check.charsetSize = static_cast<int>(chars.size());
    const QString sourceLabel = QCoreApplication::translate("DatasetCheck", "Source");
    if (!spec.source.path.empty()) {
        try {
            const glyphs::FontFace face(spec.source.path, spec.source.face);
            addMissing(check, face, chars, sourceLabel, &check.sourceCovered);
            check.styleLines << QCoreApplication::translate("DatasetCheck", "%1: %2 of %3 characters")
                                    .arg(sourceLabel)
                                    .arg(check.sourceCovered)
                                    .arg(check.charsetSize);
        } catch (const std::exception &e) {
            check.error = qs(e.what());
        }
    }
    for (const data::TargetSpec &target : spec.targets) {
        const QString name = qs(target.name);
        if (target.kind != data::TargetSpec::Kind::Font) {
            check.styleLines
                << QCoreApplication::translate("DatasetCheck", "%1: drawn images, counted when built").arg(name);
            continue;
        }
        try {
            const glyphs::FontFace face(target.path, target.face);
            int covered = 0;
            addMissing(check, face, chars, name, &covered);
            check.styleLines << QCoreApplication::translate("DatasetCheck", "%1: %2 of %3 characters")
                                    .arg(name)
                                    .arg(covered)
                                    .arg(check.charsetSize);
        } catch (const std::exception &e) {
            check.styleLines << QStringLiteral("%1: %2").arg(name, qs(e.what()));
        }
    }
    return check;
}

} // namespace zistudio::ui
