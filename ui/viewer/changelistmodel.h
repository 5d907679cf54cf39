#pragma once

#include "diff/changeregion.h"
#include "store/jobstore.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QIcon>
#include <QImage>
#include <QPixmap>

#include <functional>

namespace bt::ui {

// The viewer's change list: one row per numbered cloud of the sheet (number, kind, the texts old
// → new, review status, comment). Reviews are read through a function (the viewer's, from the
// history); reviewChanged() tells a row's new review.
class ChangeListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, KindColumn, ChangeColumn, ReviewColumn, CommentColumn, ColumnCount };
    static constexpr int RegionIdRole = Qt::UserRole;
    using ReviewOf = std::function<RegionReview(int regionId)>;

    explicit ChangeListModel(ReviewOf reviewOf, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // wholeSheet: the one item of a sheet in one set only (compare/sheetstatus.h).
    void setChanges(const ChangeRegions &regions, const QColor &removed, const QColor &added,
                    bool wholeSheet = false);
    void clear();
    void reviewChanged(int regionId);
    void reviewsChanged(); // all of them (read again from the history)

    // Each change's old | new crop (ChangeCrops), shown left of its text; until they arrive a
    // blank of the same size keeps the rows' height. An empty size shows none.
    void setCropSize(const QSize &logicalSize, qreal devicePixelRatio);
    void setCrops(const QHash<int, QImage> &crops); // by region id, device pixels
    QSize cropSize() const { return m_cropSize; }   // one side, logical pixels
    bool hasCrop(int regionId) const { return m_crops.contains(regionId); }
    QImage crop(int regionId) const { return m_crops.value(regionId).toImage(); }

    int rowOf(int regionId) const { return m_rowOf.value(regionId, -1); }
    int regionId(int row) const;

    static QString statusText(ReviewStatus status);
    static QIcon statusIcon(ReviewStatus status);

private:
    struct Row {
        int id = 0;
        QString kind, text;
        QColor colour;
    };
    ReviewOf m_reviewOf;
    QVector<Row> m_rows;
    QHash<int, int> m_rowOf; // region id -> row
    QSize m_cropSize;
    qreal m_dpr = 1.0;
    QPixmap m_blankCrop;
    QHash<int, QPixmap> m_crops;
};

} // namespace bt::ui
