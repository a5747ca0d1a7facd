// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/missingglyphmodel.h"

#include "util/qtconvert.h"

namespace zistudio::ui
{

MissingGlyphModel::MissingGlyphModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MissingGlyphModel::setGlyphs(const QList<MissingGlyph> &glyphs)
{
    beginResetModel();
    m_glyphs = glyphs;
    endResetModel();
}

int MissingGlyphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_glyphs.size());
}

int MissingGlyphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MissingGlyphModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const MissingGlyph &glyph = m_glyphs[index.row()];
    switch (index.column()) {
    case CharColumn:
        return charString(glyph.cp);
    case CodeColumn:
        return codePointName(glyph.cp);
    case StyleColumn:
        return glyph.style;
    case ReasonColumn:
        return glyph.reason;
    default:
        return {};
    }
}

QVariant MissingGlyphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CharColumn:
        return tr("Char");
    case CodeColumn:
        return tr("Code");
    case StyleColumn:
        return tr("Style");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace zistudio::ui
