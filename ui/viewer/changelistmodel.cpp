#include "changelistmodel.h"

#include "changecrops.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace bt::ui {

namespace {

QString quoted(const QStringList &words) {
    return QStringLiteral("\u201c%1\u201d").arg(words.join(QLatin1Char(' ')));
}

} // namespace

ChangeListModel::ChangeListModel(ReviewOf reviewOf, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reviewOf(std::move(reviewOf)) {}

int ChangeListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangeListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case KindColumn:
        return tr("Kind");
    case ChangeColumn:
        return tr("Change");
    case ReviewColumn:
        return tr("Review");
    case CommentColumn:
        return tr("Comment");
    }
    return {};
}

QVariant ChangeListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const Row &row = m_rows[index.row()];
    if (role == RegionIdRole) return row.id;
    const int column = index.column();
    if (column == NumberColumn) {
        if (role == Qt::DisplayRole) return QString::number(row.id);
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (column == KindColumn) {
        if (role == Qt::DisplayRole) return row.kind;
        if (role == Qt::ForegroundRole && row.colour.isValid()) return row.colour;
        return {};
    }
    if (column == ChangeColumn) {
        if (role == Qt::DecorationRole && !m_cropSize.isEmpty()) return m_crops.value(row.id, m_blankCrop);
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? row.text : QVariant();
    }
    const RegionReview r = m_reviewOf(row.id);
    if (column == CommentColumn)
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? r.comment : QVariant();
    switch (role) { // ReviewColumn
    case Qt::DisplayRole:
        // Somebody else's decision (a team's review) names them; one's own needs no name.
        if (r.isReviewed() && !r.reviewer.isEmpty() && r.reviewer != reviewerName())
            return tr("%1 (%2)", "review status (reviewer)").arg(statusText(r.status), r.reviewer);
        return statusText(r.status);
    case Qt::DecorationRole:
        return statusIcon(r.status);
    case Qt::ToolTipRole:
        if (r.reviewer.isEmpty()) return statusText(r.status);
        return tr("%1 by %2, %3")
            .arg(statusText(r.status), r.reviewer,
                 QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat));
    default:
        return {};
    }
}

void ChangeListModel::setChanges(const ChangeRegions &regions, const QColor &removed, const QColor &added,
                                 bool wholeSheet) {
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_crops.clear(); // another sheet's
    for (const ChangeRegion &r : regions) {
        QString kind, text;
        QColor colour;
        switch (r.kind) {
        case ChangeKind::Added:
            kind = tr("added");
            colour = added;
            break;
        case ChangeKind::Removed:
            kind = tr("removed");
            colour = removed;
            break;
        case ChangeKind::Modified:
            kind = tr("modified");
            break;
        case ChangeKind::Moved:
            kind = tr("moved");
            colour = added;
            break;
        }
        if (!r.oldText.isEmpty() && !r.newText.isEmpty())
            text = tr("%1 \u2192 %2").arg(quoted(r.oldText), quoted(r.newText));
        else if (!r.newText.isEmpty())
            text = quoted(r.newText);
        else if (!r.oldText.isEmpty())
            text = quoted(r.oldText);
        else
            text = tr("drawing change");
        if (wholeSheet)
            text = r.kind == ChangeKind::Added ? tr("The whole sheet: added in NEW")
                                               : tr("The whole sheet: removed from OLD");
        m_rowOf.insert(r.id, int(m_rows.size()));
        m_rows.push_back({r.id, kind, text, colour});
    }
    endResetModel();
}

void ChangeListModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_crops.clear();
    endResetModel();
}

void ChangeListModel::setCropSize(const QSize &logicalSize, qreal devicePixelRatio) {
    m_cropSize = logicalSize;
    m_dpr = devicePixelRatio;
    m_crops.clear();
    m_blankCrop = QPixmap();
    if (logicalSize.isEmpty()) return;
    // Both sides and the gap between them, as ChangeCrops lays them out.
    m_blankCrop =
        QPixmap((QSizeF(2 * logicalSize.width() + ChangeCrops::kGap, logicalSize.height()) * m_dpr).toSize());
    m_blankCrop.fill(QColor(245, 245, 245));
    m_blankCrop.setDevicePixelRatio(m_dpr);
}

void ChangeListModel::setCrops(const QHash<int, QImage> &crops) {
    m_crops.clear();
    for (auto it = crops.cbegin(); it != crops.cend(); ++it) {
        QPixmap pixmap = QPixmap::fromImage(it.value()); // RGB32: no conversion
        pixmap.setDevicePixelRatio(m_dpr);
        m_crops.insert(it.key(), pixmap);
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ChangeColumn), index(int(m_rows.size()) - 1, ChangeColumn),
                         {Qt::DecorationRole});
}

int ChangeListModel::regionId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : 0;
}

void ChangeListModel::reviewChanged(int regionId) {
    const int row = rowOf(regionId);
    if (row >= 0) emit dataChanged(index(row, ReviewColumn), index(row, CommentColumn));
}

void ChangeListModel::reviewsChanged() {
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ReviewColumn), index(int(m_rows.size()) - 1, CommentColumn));
}

QString ChangeListModel::statusText(ReviewStatus status) {
    switch (status) {
    case ReviewStatus::Open:
        return tr("Open");
    case ReviewStatus::Accepted:
        return tr("Accepted");
    case ReviewStatus::Rejected:
        return tr("Rejected");
    case ReviewStatus::NeedsClarification:
        return tr("Clarify");
    }
    return QString();
}

// A round badge per status, told apart by glyph as well as colour (colour-blind users).
QIcon ChangeListModel::statusIcon(ReviewStatus status) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF circle(3, 3, 26, 26);
    if (status == ReviewStatus::Open) {
        painter.setPen(QPen(QColor(140, 140, 140), 3));
        painter.drawEllipse(circle);
        return QIcon(pixmap);
    }
    const QColor colour = status == ReviewStatus::Accepted   ? QColor(30, 140, 60)
                          : status == ReviewStatus::Rejected ? QColor(200, 40, 40)
                                                             : QColor(215, 140, 0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(circle);
    painter.setPen(QPen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (status == ReviewStatus::Accepted) {
        painter.drawPolyline(QPolygonF({QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)}));
    } else if (status == ReviewStatus::Rejected) {
        painter.drawLine(QPointF(11, 11), QPointF(21, 21));
        painter.drawLine(QPointF(21, 11), QPointF(11, 21));
    } else {
        QFont font;
        font.setBold(true);
        font.setPixelSize(21);
        painter.setFont(font);
        painter.drawText(circle, Qt::AlignCenter, QStringLiteral("?"));
    }
    return QIcon(pixmap);
}

} // namespace bt::ui
