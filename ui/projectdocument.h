// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"

#include <QObject>
#include <QString>

#include <filesystem>
#include <optional>

namespace zistudio::ui
{

/**
 * The open project, shared by every panel: the project file's contents, its path, and whether it has
 * unsaved changes. Panels read it and edit it through the setters; each setter emits the matching
 * *Changed signal only when the value really changed. Saving goes through core (atomic write).
 */
class ProjectDocument : public QObject
{
    Q_OBJECT

public:
    explicit ProjectDocument(QObject *parent = nullptr);

    bool hasFile() const { return !m_filePath.isEmpty(); }
    QString filePath() const { return m_filePath; }
    /** The folder of the project file (relative font paths are resolved against it). */
    QString folder() const;
    /** The project's name, or "Untitled" for a new project. */
    QString displayName() const;
    bool isModified() const { return m_modified; }

    const project::Project &project() const { return m_project; }
    const data::DatasetSpec &dataset() const { return m_project.dataset; }
    const model::ModelConfig &modelConfig() const { return m_project.model; }
    const training::TrainingConfig &trainingConfig() const { return m_project.training; }

    void setName(const QString &name);
    void setDataset(const data::DatasetSpec &dataset);
    void setModelConfig(const model::ModelConfig &config);
    void setTrainingConfig(const training::TrainingConfig &config);
    /** Records a verdict on a generated glyph (none: forgets it); export skips rejected glyphs. */
    void setReview(char32_t character, std::optional<project::Review> review);

    /** Replaces the document with a new, unsaved project (defaults: the cpu-64 model). */
    void newProject();
    /** Opens a project file; on failure keeps the current project and returns false with `error` set. */
    bool open(const QString &path, QString *error);
    /** Saves to the current file (atomically). Returns false with `error` set on failure. */
    bool save(QString *error);
    /** Saves to `path` and makes it the current file. */
    bool saveAs(const QString &path, QString *error);

signals:
    /** A different project is now open (new or opened): panels reload everything. */
    void projectReplaced();
    void nameChanged();
    void datasetChanged();
    void modelConfigChanged();
    void trainingConfigChanged();
    void reviewsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void setModified(bool modified);
    void setFilePath(const QString &path);

    project::Project m_project;
    QString m_filePath;
    bool m_modified = false;
};

} // namespace zistudio::ui
