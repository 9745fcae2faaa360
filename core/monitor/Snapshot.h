// What one poll of one location said, keyed per product variant, and what
// changed since the poll before: the diff drives the table, alerts and history.
#pragma once

#include "iv/OnhandRow.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>
#include <optional>

namespace ivcore {

struct StockItem
{
    QString key; // productId plus variant values: stable across polls
    QString productId;
    QStringList variant;               // values of the group-by dimensions, in their order
    QHash<QString, double> quantities; // "source.measure" in lower case
};

struct Snapshot
{
    QStringList groupBy;
    QList<StockItem> items;
    QHash<QString, qsizetype> indexByKey;
    QDateTime fetchedAt;

    const StockItem *find(const QString &key) const;
};

// Rows of the same variant (several warehouses of one store) are summed.
Snapshot makeSnapshot(const QList<OnhandRow> &rows, const QStringList &groupBy, const QDateTime &fetchedAt);

struct CellChange
{
    QString key;
    QString measure;
    std::optional<double> before;
    std::optional<double> after;
};

struct SnapshotDiff
{
    QStringList added;   // keys new in `after`
    QStringList removed; // keys gone from `after`
    QList<CellChange> changed;

    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
};

SnapshotDiff diffSnapshots(const Snapshot &before, const Snapshot &after);

} // namespace ivcore
