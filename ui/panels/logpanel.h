// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace zistudio::ui
{

/** The Log dock: timestamped messages from every part of the studio (errors in red). */
class LogPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Level
    {
        Info,
        Warning,
        Error
    };

    explicit LogPanel(QWidget *parent = nullptr);

    void append(Level level, const QString &message);
    QString plainText() const;

private:
    QPlainTextEdit *m_text;
    bool m_follow = true;
};

} // namespace zistudio::ui
