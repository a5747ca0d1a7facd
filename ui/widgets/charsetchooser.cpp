// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/charsetchooser.h"

#include "util/qtconvert.h"

#include "glyphs/charsets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include <climits>
#include <map>

namespace zistudio::ui
{

namespace
{

const QString kCustomText = QStringLiteral("@text");
const QString kTextFile = QStringLiteral("@file");

QString describeBuiltin(const std::string &name)
{
    static const std::map<std::string, const char *> kDescriptions = {
        {"gb2312", QT_TRANSLATE_NOOP("CharsetChooser", "GB2312 (Simplified Chinese)")},
        {"gb2312-1", QT_TRANSLATE_NOOP("CharsetChooser", "GB2312 level 1 (common Simplified Chinese)")},
        {"big5", QT_TRANSLATE_NOOP("CharsetChooser", "Big5 (Traditional Chinese)")},
        {"big5-common", QT_TRANSLATE_NOOP("CharsetChooser", "Big5 common (Traditional Chinese)")},
        {"jis0208", QT_TRANSLATE_NOOP("CharsetChooser", "JIS X 0208 kanji (Japanese)")},
        {"joyo", QT_TRANSLATE_NOOP("CharsetChooser", "Jōyō kanji (Japanese)")},
        {"ksx1001-hangul", QT_TRANSLATE_NOOP("CharsetChooser", "KS X 1001 Hangul (Korean)")},
    };
    const auto it = kDescriptions.find(name);
    return it == kDescriptions.end() ? qs(name) : QCoreApplication::translate("CharsetChooser", it->second);
}

} // namespace

CharsetChooser::CharsetChooser(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_limit(new QSpinBox(this))
    , m_coveredByAll(new QCheckBox(tr("Only characters every chosen font has"), this))
    , m_countLabel(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("CharsetKind"));
    // Long names ("GB2312 level 1 (common Simplified Chinese)") must not force the dock wider.
    m_kind->setMinimumContentsLength(16);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (const std::string &name : glyphs::builtinCharsetNames())
        m_kind->addItem(describeBuiltin(name), qs(name));
    m_kind->addItem(tr("Characters typed below"), kCustomText);
    m_kind->addItem(tr("Characters from a text file"), kTextFile);
    m_text->setObjectName(QStringLiteral("CharsetText"));
    m_text->setPlaceholderText(tr("Type or paste the characters to train on"));
    m_text->setMaximumHeight(80);
    m_limit->setRange(0, INT_MAX);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setSingleStep(100);
    m_coveredByAll->setObjectName(QStringLiteral("CharsetCoveredByAll"));
    m_coveredByAll->setToolTip(tr("Leave out the characters that the source font or any target font lacks, "
                                  "before the limit is applied (hand-drawn folders do not count)."));
    m_countLabel->setObjectName(QStringLiteral("CharsetCount"));
    m_countLabel->setWordWrap(true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Charset:"), m_kind);
    form->addRow(m_text);
    form->addRow(tr("File:"), fileRow);
    form->addRow(m_coveredByAll);
    form->addRow(tr("Use at most:"), m_limit);
    form->addRow(m_countLabel);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emitEdited();
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, &CharsetChooser::emitEdited);
    connect(m_file, &QLineEdit::editingFinished, this, &CharsetChooser::emitEdited);
    connect(m_limit, &QSpinBox::valueChanged, this, &CharsetChooser::emitEdited);
    connect(m_coveredByAll, &QCheckBox::toggled, this, &CharsetChooser::emitEdited);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a Charset File"), m_file->text(), tr("Text files (*.txt);;All files (*)"));
        if (!path.isEmpty()) {
            m_file->setText(path);
            emitEdited();
        }
    });
    updateVisibility();
}

void CharsetChooser::setSpec(const data::CharsetSpec &spec)
{
    m_loading = true;
    QString kind = qs(spec.builtin);
    if (kind.isEmpty())
        kind = spec.file.empty() ? kCustomText : kTextFile;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    if (m_text->toPlainText() != qs(spec.text))
        m_text->setPlainText(qs(spec.text));
    m_file->setText(qs(spec.file));
    m_limit->setValue(spec.limit);
    m_coveredByAll->setChecked(spec.coveredByAll);
    m_loading = false;
    updateVisibility();
    updateCount();
}

data::CharsetSpec CharsetChooser::spec() const
{
    data::CharsetSpec spec;
    const QString kind = m_kind->currentData().toString();
    if (kind == kCustomText)
        spec.text = utf8(m_text->toPlainText());
    else if (kind == kTextFile)
        spec.file = utf8(m_file->text());
    else
        spec.builtin = utf8(kind);
    spec.limit = m_limit->value();
    spec.coveredByAll = m_coveredByAll->isChecked();
    return spec;
}

void CharsetChooser::updateVisibility()
{
    const QString kind = m_kind->currentData().toString();
    m_text->setVisible(kind == kCustomText);
    m_file->setEnabled(kind == kTextFile);
    m_browse->setEnabled(kind == kTextFile);
}

void CharsetChooser::updateCount()
{
    try {
        m_countValue = static_cast<int>(glyphs::resolveCharset(spec()).size());
        m_countLabel->setText(m_coveredByAll->isChecked()
                ? tr("At most %1 characters: only those every font has").arg(m_countValue)
                : tr("%1 characters").arg(m_countValue));
        m_countLabel->setStyleSheet(QString());
    } catch (const std::exception &e) {
        m_countValue = -1;
        m_countLabel->setText(qs(e.what()));
        m_countLabel->setStyleSheet(QStringLiteral("color: #d9480f;"));
    }
}

void CharsetChooser::emitEdited()
{
    if (m_loading)
        return;
    updateCount();
    emit specEdited(spec());
}

} // namespace zistudio::ui
