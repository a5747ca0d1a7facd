// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"
#include "session/generatortypes.h"

#include <QAbstractTableModel>
#include <QImage>

#include <map>
#include <optional>
#include <vector>

namespace zistudio::ui
{

/**
 * The Preview grid: one row per character; columns: the character, its review, the source glyph,
 * then per style the generated glyph and the style's own glyph (empty where the style lacks it), then
 * L1 and SSIM (the mean over the styles that have a target). Images come as DecorationRole; SortRole
 * gives numbers to sort by. Rows arrive in chunks from the generator worker.
 */
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< a number (code point, review, L1, SSIM); invalid without a score
        CharacterRole,               ///< the character's code point (uint)
    };
    enum FixedColumn
    {
        CharacterColumn,
        ReviewColumn,
        SourceColumn,
        FirstStyleColumn
    };

    explicit PreviewModel(QObject *parent = nullptr);

    /** Empties the grid and sets its styles (two columns each). */
    void reset(const std::vector<StyleInfo> &styles);
    void appendRows(const std::vector<PreviewRow> &rows);
    /** The project's reviews (shown in the Review column). */
    void setReviews(const std::map<char32_t, project::Review> &reviews);

    int styleCount() const { return static_cast<int>(m_styles.size()); }
    int generatedColumn(int style) const { return FirstStyleColumn + 2 * style; }
    int targetColumn(int style) const { return FirstStyleColumn + 2 * style + 1; }
    int l1Column() const { return FirstStyleColumn + 2 * styleCount(); }
    int ssimColumn() const { return l1Column() + 1; }
    bool isImageColumn(int column) const { return column >= SourceColumn && column < l1Column(); }

    char32_t characterAt(int row) const;
    int rowOf(char32_t character) const;
    const PreviewRow &rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)].row; }
    std::optional<double> l1At(int row) const { return m_rows[static_cast<std::size_t>(row)].l1; }
    std::optional<double> ssimAt(int row) const { return m_rows[static_cast<std::size_t>(row)].ssim; }

    /** The translated name of a review. */
    static QString reviewText(project::Review review);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        PreviewRow row;
        QImage source;
        std::vector<QImage> generated, targets;
        std::optional<double> l1, ssim;
    };

    QVariant imageData(const Entry &entry, int column, int role) const;

    std::vector<StyleInfo> m_styles;
    std::vector<Entry> m_rows;
    std::map<char32_t, project::Review> m_reviews;
    int m_imageSide = 0;
};

} // namespace zistudio::ui
