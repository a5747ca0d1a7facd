// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/runstore.h"

#include <QAbstractTableModel>

#include <vector>

namespace zistudio::ui
{

/** The runs of a project as its run store lists them: name, status, last step, attention, created. */
class RunListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        StepColumn,
        AttentionColumn,
        CreatedColumn,
        ColumnCount
    };

    explicit RunListModel(QObject *parent = nullptr);

    void setRuns(const std::vector<project::RunRecord> &runs);
    const std::vector<project::RunRecord> &runs() const { return m_runs; }
    /** A training run's live step and status (the run store records steps only at validations). */
    void setLiveStep(const QString &name, long long step);
    /** Row of the run called `name`, or -1. */
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The translated name of a run status ("running", "interrupted", ...). */
    static QString statusText(const std::string &status);

private:
    std::vector<project::RunRecord> m_runs;
};

} // namespace zistudio::ui
