// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/textpreviewwidget.h"

#include "session/generatorsession.h"
#include "util/qtconvert.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace zistudio::ui
{

namespace
{

/** Lines shorter than this many pixels per em are drawn twice as large. */
constexpr int kSmallGlyph = 48;

/** Ink on paper, with the cells of `cells` that the target lacks tinted. */
QImage drawLine(const GrayImage &line, const std::vector<TextCell> &cells, bool markMissing)
{
    if (line.isNull())
        return {};
    QImage image(line.width, line.height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    if (markMissing)
        for (const TextCell &c : cells)
            if (!c.inTarget)
                painter.fillRect(QRect(c.x, 0, c.width, line.height), TextPreviewWidget::missingColor());
    painter.end();
    for (int y = 0; y < line.height; ++y) {
        auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < line.width; ++x) {
            const int ink = line.at(x, y);
            const QRgb paper = row[x];
            const auto mix = [ink](int channel) { return channel * (255 - ink) / 255; };
            row[x] = qRgb(mix(qRed(paper)), mix(qGreen(paper)), mix(qBlue(paper)));
        }
    }
    return line.height < kSmallGlyph ? image.scaled(image.size() * 2, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                     : image;
}

} // namespace

TextPreviewWidget::TextPreviewWidget(GeneratorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_text(new QLineEdit(this))
    , m_style(new QComboBox(this))
    , m_targetLine(new QLabel(this))
    , m_generatedLine(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("TextPreview"));
    m_text->setText(QStringLiteral("永和九年，岁在癸丑，暮春之初，会于会稽山阴之兰亭"));
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Type a sentence"));
    auto *show = new QPushButton(tr("Sho&w"), this);
    connect(show, &QPushButton::clicked, this, &TextPreviewWidget::request);
    connect(m_text, &QLineEdit::returnPressed, this, &TextPreviewWidget::request);
    connect(m_style, &QComboBox::currentIndexChanged, this, &TextPreviewWidget::request);

    auto *top = new QHBoxLayout;
    top->addWidget(m_text, 1);
    top->addWidget(m_style);
    top->addWidget(show);

    auto *lines = new QWidget(this);
    auto *form = new QFormLayout(lines);
    form->addRow(tr("Target font:"), m_targetLine);
    form->addRow(tr("Generated:"), m_generatedLine);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(lines);
    scroll->setWidgetResizable(true);

    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_note);
    connect(m_session, &GeneratorSession::textReady, this, &TextPreviewWidget::onReady);
}

QColor TextPreviewWidget::missingColor()
{
    return {255, 196, 120};
}

void TextPreviewWidget::setModel(const GeneratorKey &key, const std::vector<StyleInfo> &styles)
{
    m_key = key;
    const QVariant previous = m_style->currentData();
    const QSignalBlocker blocker(m_style);
    m_style->clear();
    for (const auto &s : styles)
        m_style->addItem(s.name, s.id);
    const int index = previous.isValid() ? m_style->findData(previous) : -1;
    m_style->setCurrentIndex(index >= 0 ? index : 0);
    m_style->setVisible(styles.size() > 1);
    request();
}

void TextPreviewWidget::setStyle(int styleId)
{
    const int index = m_style->findData(styleId);
    if (index >= 0)
        m_style->setCurrentIndex(index);
}

void TextPreviewWidget::showText(const QString &text)
{
    m_text->setText(text);
    request();
}

void TextPreviewWidget::request()
{
    if (!m_key.isValid()) { // no run (a new project): nothing of another project's run may stay
        ++m_pending;
        m_preview = {};
        m_targetLine->clear();
        m_generatedLine->clear();
        m_note->clear();
        return;
    }
    if (m_text->text().trimmed().isEmpty())
        return;
    const int style = m_style->currentIndex() >= 0 ? m_style->currentData().toInt() : 0;
    m_pending = m_session->composeText(
        {.key = m_key, .text = m_text->text(), .style = inference::StyleMix::pure(style), .targetStyle = style});
}

void TextPreviewWidget::onReady(const TextPreview &preview)
{
    if (preview.id != m_pending)
        return;
    m_preview = preview;
    if (!preview.error.isEmpty()) {
        m_note->setText(preview.error);
        m_targetLine->clear();
        m_generatedLine->clear();
        emit shown();
        return;
    }
    const QImage target = drawLine(preview.targetLine, preview.cells, true);
    m_targetLine->setPixmap(QPixmap::fromImage(target));
    if (target.isNull())
        m_targetLine->setText(tr("(a hand-drawn style has no font to set text with)"));
    m_generatedLine->setPixmap(QPixmap::fromImage(generatedImage()));
    QString missing;    // the target lacks them and the model drew them
    QString undrawable; // the target lacks them and so does the source font: nobody drew them
    for (const TextCell &c : preview.cells) {
        if (c.inTarget)
            continue;
        QString &list = c.generated ? missing : undrawable;
        if (!list.contains(charString(c.character)))
            list += charString(c.character);
    }
    QStringList notes;
    if (missing.isEmpty() && undrawable.isEmpty())
        notes << tr("The target font has every character of this sentence.");
    if (!missing.isEmpty())
        notes << tr("Marked: characters the target font lacks (%1): only the model can draw them.").arg(missing);
    if (!undrawable.isEmpty())
        notes << tr("Not drawn: the source font lacks %1 too, so the model has nothing to start from.").arg(undrawable);
    m_note->setText(notes.join(QLatin1Char(' ')));
    emit shown();
}

QString TextPreviewWidget::noteText() const
{
    return m_note->text();
}

QImage TextPreviewWidget::generatedImage() const
{
    return drawLine(m_preview.generatedLine, m_preview.cells, true);
}

} // namespace zistudio::ui
