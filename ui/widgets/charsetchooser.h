// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/datasetspec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace zistudio::ui
{

/**
 * Chooses the characters to train on: a built-in charset (GB2312, Big5, JIS X 0208, Jōyō, KS X 1001
 * Hangul...), a UTF-8 text file, or text typed in, optionally only the characters every chosen font
 * covers, plus an optional limit; shows how many characters that is (resolved by core, with its error
 * when the choice is invalid; the fonts' coverage is counted by the Dataset panel's check).
 */
class CharsetChooser : public QWidget
{
    Q_OBJECT

public:
    explicit CharsetChooser(QWidget *parent = nullptr);

    void setSpec(const data::CharsetSpec &spec);
    data::CharsetSpec spec() const;
    /** Characters the spec resolves to (-1 when it does not resolve). */
    int resolvedCount() const { return m_countValue; }

signals:
    /** The user changed the choice. */
    void specEdited(const zistudio::data::CharsetSpec &spec);

private:
    void updateVisibility();
    void updateCount();
    void emitEdited();

    QComboBox *m_kind;
    QPlainTextEdit *m_text;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QSpinBox *m_limit;
    QCheckBox *m_coveredByAll;
    QLabel *m_countLabel;
    int m_countValue = -1;
    bool m_loading = false;
};

} // namespace zistudio::ui
