// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/logpanel.h"

#include <QDateTime>
#include <QPlainTextEdit>
#include <QScrollBar>
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
    // Follow new lines (also while the dock is hidden or tabbed away) unless the user has scrolled up
    // to read older ones; scrolling back to the bottom follows again.
    QScrollBar *bar = m_text->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_follow = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_follow)
            bar->setValue(maximum);
    });
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
