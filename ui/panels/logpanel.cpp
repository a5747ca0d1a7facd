// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/logpanel.h"

#include <QDateTime>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace zistudio::ui
{

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
{
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(5000);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
}

void LogPanel::append(Level level, const QString &message)
{
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    QString color;
    switch (level) {
    case Level::Info:
        break;
    case Level::Warning:
        color = QStringLiteral("#b36b00");
        break;
    case Level::Error:
        color = QStringLiteral("#c62828");
        break;
    }
    const QString escaped = message.toHtmlEscaped();
    m_text->appendHtml(color.isEmpty()
            ? QStringLiteral("%1 %2").arg(time, escaped)
            : QStringLiteral("<span style=\"color:%1\">%2 %3</span>").arg(color, time, escaped));
}

QString LogPanel::plainText() const
{
    return m_text->toPlainText();
}

} // namespace zistudio::ui
