// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/generatortypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace zistudio::ui
{

class GeneratorSession;

/**
 * The text preview: a sentence shaped with HarfBuzz and set in the target font, and beneath it the
 * same sentence composed of generated glyphs; characters the target font lacks are marked on both
 * lines. The generation runs on the Preview view's worker thread.
 */
class TextPreviewWidget : public QWidget
{
    Q_OBJECT

public:
    TextPreviewWidget(GeneratorSession *session, QWidget *parent = nullptr);

    /** The model and styles to compose with (after the Preview view loaded a checkpoint). */
    void setModel(const GeneratorKey &key, const std::vector<StyleInfo> &styles);
    /** Sets the sentence and composes it. */
    void showText(const QString &text);
    void setStyle(int styleId);
    const TextPreview &preview() const { return m_preview; }
    /** The line under the pictures: which characters the target lacks, and which nobody could draw. */
    QString noteText() const;
    /** The composed line as drawn, with the missing characters marked. */
    QImage generatedImage() const;

    /** Colour that marks a character the target font lacks. */
    static QColor missingColor();

signals:
    /** A composed sentence is on screen (or its error). */
    void shown();

private:
    void request();
    void onReady(const TextPreview &preview);

    GeneratorSession *m_session;
    GeneratorKey m_key;
    QLineEdit *m_text;
    QComboBox *m_style;
    QLabel *m_targetLine;
    QLabel *m_generatedLine;
    QLabel *m_note;
    TextPreview m_preview;
    quint64 m_pending = 0;
};

} // namespace zistudio::ui
