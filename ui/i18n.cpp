// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace zistudio::ui
{

QList<QPair<QString, QString>> availableLanguages()
{
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_TW"), QStringLiteral("繁體中文")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
    };
}

QString installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *own = new QTranslator(&app);
    // Resources embedded by qt_add_translations under :/i18n/zistudio_<locale>.qm. QTranslator tries
    // the locale's UI languages in order (zh_TW → zh-Hant-TW ...).
    if (own->load(locale, QStringLiteral("zistudio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(own);
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qt);
        else
            delete qt;
        return locale.name();
    }
    delete own;
    return QStringLiteral("en");
}

} // namespace zistudio::ui
