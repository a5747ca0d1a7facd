// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/aboutdialog.h"

#include "common/buildinfo.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace zistudio::ui
{

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About ZiStudio"));
    const BuildInfo info = buildInfo();
    m_versionText = tr("ZiStudio %1\nLibTorch %2\nFreeType %3\nHarfBuzz %4\nQt %5\nDevice: %6")
                        .arg(QString::fromStdString(info.zistudio), QString::fromStdString(info.libtorch),
                            QString::fromStdString(info.freetype), QString::fromStdString(info.harfbuzz),
                            QString::fromLatin1(qVersion()), QString::fromStdString(info.device));
    auto *title = new QLabel(QStringLiteral("<h2>ZiStudio</h2>"), this);
    auto *blurb = new QLabel(tr("Train a neural network to draw the CJK glyphs you have not drawn yet, "
                                "see what its attention layers look at, and export the result as a font."),
        this);
    blurb->setWordWrap(true);
    auto *versions = new QLabel(m_versionText, this);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *licence = new QLabel(tr("Licensed under the GNU General Public License, version 3 or later."), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(blurb);
    layout->addWidget(versions);
    layout->addWidget(licence);
    layout->addWidget(buttons);
}

} // namespace zistudio::ui
