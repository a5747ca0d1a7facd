// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QApplication;

namespace zistudio::ui
{

/** The languages the studio ships translations for: (locale name, native name). */
QList<QPair<QString, QString>> availableLanguages();

/**
 * Installs the Qt and ZiStudio translators for `language` ("" = the system locale).
 * Returns the locale name actually used ("en" when no translation matched).
 */
QString installTranslators(QApplication &app, const QString &language);

} // namespace zistudio::ui
