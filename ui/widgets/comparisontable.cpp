// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/comparisontable.h"

#include "util/qtconvert.h"

#include <QEvent>
#include <QHeaderView>

#include <cmath>

namespace zistudio::ui
{

namespace
{

QString number(double v, int decimals = 4)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

ComparisonTable::ComparisonTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("CompareTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setMinimumHeight(120);
    retranslate();
}

void ComparisonTable::retranslate()
{
    setHorizontalHeaderLabels(
        {QString(), tr("Run"), tr("Attention"), tr("Seed"), tr("Steps"), tr("Best step"), tr("Val L1"), tr("Val SSIM"),
            tr("G params"), tr("Step time"), tr("Peak RSS"), tr("Est. memory"), QStringLiteral("γ")});
}

void ComparisonTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTableWidget::changeEvent(event);
}

void ComparisonTable::setComparison(const experiments::Comparison &comparison)
{
    const auto &runs = comparison.runs;
    setRowCount(static_cast<int>(runs.size()));
    for (int row = 0; row < static_cast<int>(runs.size()); ++row) {
        const auto &s = runs[static_cast<std::size_t>(row)];
        const bool best = s.name == comparison.verdict.best;
        QString gammas;
        for (const auto &g : s.gammas)
            gammas += (gammas.isEmpty() ? QString() : QStringLiteral("  ")) + qs(g.site) + QLatin1Char('=')
                + QString::number(g.gamma, 'f', 4);
        const QStringList cells {best ? QStringLiteral("★") : QString(), qs(s.name), qs(s.attention),
            QString::number(s.seed), QStringLiteral("%1/%2").arg(s.lastStep).arg(s.steps),
            s.bestStep >= 0 ? QString::number(s.bestStep) : QStringLiteral("–"), number(s.valL1), number(s.valSsim),
            formatSi(static_cast<double>(s.generatorParams)),
            std::isfinite(s.stepSeconds) ? QStringLiteral("%1 s").arg(s.stepSeconds, 0, 'f', 2) : QStringLiteral("–"),
            std::isfinite(s.peakRssBytes) ? formatBytes(s.peakRssBytes) : QStringLiteral("–"),
            formatBytes(static_cast<double>(s.estimatedMemoryBytes)), gammas.isEmpty() ? QStringLiteral("–") : gammas};
        QStringList notes;
        if (!s.note.empty())
            notes << qs(s.note);
        for (const auto &d : s.termDifferences)
            notes << qs(d);
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            item->setToolTip(notes.join(QLatin1Char('\n')));
            setItem(row, col, item);
        }
    }
}

} // namespace zistudio::ui
