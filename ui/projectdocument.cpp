// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectdocument.h"

#include "util/qtconvert.h"

#include <QFileInfo>

namespace zistudio::ui
{

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
    , m_project(project::defaultProject(utf8(tr("Untitled"))))
{ }

QString ProjectDocument::folder() const
{
    return hasFile() ? QFileInfo(m_filePath).absolutePath() : QString();
}

QString ProjectDocument::displayName() const
{
    return m_project.name.empty() ? tr("Untitled") : qs(m_project.name);
}

void ProjectDocument::setName(const QString &name)
{
    if (qs(m_project.name) == name)
        return;
    m_project.name = utf8(name);
    setModified(true);
    emit nameChanged();
}

void ProjectDocument::setDataset(const data::DatasetSpec &dataset)
{
    if (m_project.dataset == dataset)
        return;
    const bool sizeChanged = dataset.imageSize != m_project.dataset.imageSize;
    m_project.dataset = dataset;
    setModified(true);
    emit datasetChanged();
    if (sizeChanged && m_project.model.imageSize != dataset.imageSize) {
        m_project.model.imageSize = dataset.imageSize; // the two must agree (validateProject)
        emit modelConfigChanged();
    }
}

void ProjectDocument::setModelConfig(const model::ModelConfig &config)
{
    if (m_project.model == config)
        return;
    m_project.model = config;
    setModified(true);
    emit modelConfigChanged();
    if (m_project.dataset.imageSize != config.imageSize) {
        m_project.dataset.imageSize = config.imageSize;
        emit datasetChanged();
    }
}

void ProjectDocument::setTrainingConfig(const training::TrainingConfig &config)
{
    if (m_project.training == config)
        return;
    m_project.training = config;
    setModified(true);
    emit trainingConfigChanged();
}

void ProjectDocument::setReview(char32_t character, std::optional<project::Review> review)
{
    const auto it = m_project.reviews.find(character);
    if (review ? (it != m_project.reviews.end() && it->second == *review) : it == m_project.reviews.end())
        return;
    if (review)
        m_project.reviews[character] = *review;
    else
        m_project.reviews.erase(it);
    setModified(true);
    emit reviewsChanged();
}

void ProjectDocument::newProject()
{
    m_project = project::defaultProject(utf8(tr("Untitled")));
    setFilePath(QString());
    setModified(false);
    emit projectReplaced();
}

bool ProjectDocument::open(const QString &path, QString *error)
{
    try {
        project::Project loaded = project::loadProject(toPath(path));
        m_project = std::move(loaded);
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
        return false;
    }
    setFilePath(QFileInfo(path).absoluteFilePath());
    setModified(false);
    emit projectReplaced();
    return true;
}

bool ProjectDocument::save(QString *error)
{
    if (!hasFile()) {
        if (error)
            *error = tr("The project has no file yet: use Save As.");
        return false;
    }
    return saveAs(m_filePath, error);
}

bool ProjectDocument::saveAs(const QString &path, QString *error)
{
    // A new project takes its name from the file it is first saved as ("Untitled" is no name).
    project::Project saved = m_project;
    const bool untitled = saved.name.empty() || saved.name == "Untitled" || qs(saved.name) == tr("Untitled");
    if (!hasFile() && untitled)
        saved.name = utf8(QFileInfo(path).completeBaseName());
    try {
        project::saveProject(saved, toPath(path));
    } catch (const std::exception &e) {
        if (error)
            *error = qs(e.what());
        return false;
    }
    const bool renamed = saved.name != m_project.name;
    m_project.name = saved.name;
    setFilePath(QFileInfo(path).absoluteFilePath());
    setModified(false);
    if (renamed)
        emit nameChanged();
    return true;
}

void ProjectDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void ProjectDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

} // namespace zistudio::ui
