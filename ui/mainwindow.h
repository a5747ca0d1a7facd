// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;
class QTabWidget;

namespace zistudio::ui
{

class LogPanel;

/**
 * The studio's main window: menus, status bar, and the dock panels (Project, Fonts, Dataset,
 * Model, Training, Log) around a central tab area (Attention, Preview, Compare). The window only
 * arranges panels; each panel owns its own behaviour.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    LogPanel *logPanel() const { return m_log; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void retranslate();
    void showAbout();
    void chooseLanguage(const QString &language);

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QTabWidget *m_centralTabs = nullptr;
    LogPanel *m_log = nullptr;
    QLabel *m_deviceLabel = nullptr;
};

} // namespace zistudio::ui
