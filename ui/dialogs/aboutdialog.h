// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace zistudio::ui
{

/** Help → About: ZiStudio and library versions, the compute device, the licence. */
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /** The version text shown (for tests). */
    QString versionText() const { return m_versionText; }

private:
    QString m_versionText;
};

} // namespace zistudio::ui
