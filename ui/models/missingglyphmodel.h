// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace zistudio::ui
{

/** One character a style cannot provide, and why ("not in font", "repeated (tofu)", ...). */
struct MissingGlyph
{
    char32_t cp = 0;
    QString style; ///< "Source" or the target's name
    QString reason;
};

/** The Dataset panel's list of missing and filtered glyphs: character, code point, style, reason. */
class MissingGlyphModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CharColumn,
        CodeColumn,
        StyleColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit MissingGlyphModel(QObject *parent = nullptr);

    void setGlyphs(const QList<MissingGlyph> &glyphs);
    const QList<MissingGlyph> &glyphs() const { return m_glyphs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MissingGlyph> m_glyphs;
};

} // namespace zistudio::ui
