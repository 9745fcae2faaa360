// The on-hand table of one location. It is never reset for a refresh: a new
// snapshot becomes row inserts, row removals and dataChanged for the cells
// that changed, so selection, scroll position and sorting survive polling.
#pragma once

#include "monitor/Snapshot.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <memory>

namespace ivui {

// A measure shown as a column: where it comes from and what people call it.
struct MeasureColumn
{
    QString measureKey; // "iv.onhand"
    QString title;      // "On hand"
    QString toolTip;
};

class OnhandTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw value for sorting
        ChangeDirectionRole,         // -1, 0 or +1 while a change is recent
    };

    explicit OnhandTableModel(QObject *parent = nullptr);

    static QList<MeasureColumn> defaultMeasures();

    // Names shown beside item ids; without any, the Name column is hidden.
    void setProductNames(QHash<QString, QString> names);
    // Starts over for another location (a reset is right here: different data).
    void clear(const QStringList &groupBy);
    // Merges a poll of the same location into the table.
    void applySnapshot(std::shared_ptr<const ivcore::Snapshot> snapshot);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int nameColumn() const { return m_productNames.isEmpty() ? -1 : 1; }
    int firstDimensionColumn() const { return m_productNames.isEmpty() ? 1 : 2; }
    int measureColumnOffset() const { return firstDimensionColumn() + static_cast<int>(m_groupBy.size()); }
    int negativeCount() const;
    bool hasData() const { return m_snapshot != nullptr; }

    // How long a changed cell stays highlighted, and how long its arrow stays.
    static constexpr int kFlashMs = 4000;
    static constexpr int kArrowMs = 60000;

private:
    struct CellMark
    {
        QDateTime changedAt;
        int direction = 0;
    };
    QString keyOf(int row) const { return m_keys.at(row); }
    const ivcore::StockItem *itemAt(int row) const;
    void refreshFading();
    QString markKey(const QString &itemKey, const QString &measure) const
    {
        return itemKey + QChar(0x1E) + measure;
    }

    QStringList m_groupBy;
    QHash<QString, QString> m_productNames;
    QList<MeasureColumn> m_measures;
    std::shared_ptr<const ivcore::Snapshot> m_snapshot;
    QStringList m_keys;             // row → item key, in display order
    QHash<QString, int> m_rowByKey; // item key → row
    QHash<QString, CellMark> m_marks;
    QTimer m_fadeTimer;
};

} // namespace ivui
