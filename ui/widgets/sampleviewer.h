// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QSlider;

namespace zistudio::ui
{

/**
 * The sample grid of a run (rows: source | generated | target of the probe characters) with a step
 * slider over every grid saved so far. New grids arrive while training; when the slider is at the
 * newest one it follows them.
 */
class SampleViewer : public QWidget
{
    Q_OBJECT

public:
    explicit SampleViewer(QWidget *parent = nullptr);

    void clear();
    /** Sets the saved grids of a run (loading it). */
    void setSamples(const QList<QPair<long long, QString>> &stepsAndPaths);
    /** A new grid while training; `image` is already decoded (on the training thread). */
    void addSample(long long step, const QString &path, const QImage &image);

    int sampleCount() const { return static_cast<int>(m_samples.size()); }
    long long shownStep() const;
    const QImage &shownImage() const { return m_image; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void show(int index);
    void updatePixmap();

    QList<QPair<long long, QString>> m_samples;
    QSlider *m_slider;
    QLabel *m_stepLabel;
    QLabel *m_view;
    QImage m_image;
    int m_shown = -1;
};

} // namespace zistudio::ui
