// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiments/comparison.h"

#include <QTableWidget>

namespace zistudio::ui
{

/**
 * The Compare tab's table: one row per run (placement, seed, steps, best checkpoint's validation L1
 * and SSIM, parameters, step time, peak memory, estimated memory, γ per layer), the best run starred
 * and bold; a tooltip names what is missing or what the run was trained differently with.
 */
class ComparisonTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column
    {
        BestColumn,
        RunColumn,
        AttentionColumn,
        SeedColumn,
        StepsColumn,
        BestStepColumn,
        L1Column,
        SsimColumn,
        ParamsColumn,
        StepTimeColumn,
        RssColumn,
        MemoryColumn,
        GammaColumn,
        ColumnCount
    };

    explicit ComparisonTable(QWidget *parent = nullptr);

    void setComparison(const experiments::Comparison &comparison);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
};

} // namespace zistudio::ui
