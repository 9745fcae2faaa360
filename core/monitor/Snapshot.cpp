#include "monitor/Snapshot.h"

#include <QSet>

namespace ivcore {

namespace {

// A separator that cannot occur in IV ids keeps keys unambiguous.
constexpr QChar kKeySeparator = QChar(0x1F);

} // namespace

const StockItem *Snapshot::find(const QString &key) const
{
    const auto it = indexByKey.constFind(key);
    return it == indexByKey.constEnd() ? nullptr : &items.at(*it);
}

Snapshot makeSnapshot(const QList<OnhandRow> &rows, const QStringList &groupBy, const QDateTime &fetchedAt)
{
    Snapshot snapshot;
    snapshot.groupBy = groupBy;
    snapshot.fetchedAt = fetchedAt;
    snapshot.items.reserve(rows.size());
    for (const OnhandRow &row : rows) {
        QStringList variant;
        variant.reserve(groupBy.size());
        for (const QString &dimension : groupBy)
            variant << row.dimension(dimension);
        const QString key = row.productId + kKeySeparator + variant.join(kKeySeparator);
        const auto existing = snapshot.indexByKey.constFind(key);
        if (existing != snapshot.indexByKey.constEnd()) {
            StockItem &item = snapshot.items[*existing];
            for (auto it = row.quantities.constBegin(); it != row.quantities.constEnd(); ++it)
                item.quantities[it.key()] += it.value();
            continue;
        }
        snapshot.indexByKey.insert(key, snapshot.items.size());
        snapshot.items.append(StockItem{key, row.productId, variant, row.quantities});
    }
    return snapshot;
}

SnapshotDiff diffSnapshots(const Snapshot &before, const Snapshot &after)
{
    SnapshotDiff diff;
    for (const StockItem &item : after.items) {
        const StockItem *old = before.find(item.key);
        if (!old) {
            diff.added << item.key;
            continue;
        }
        QSet<QString> measures(item.quantities.keyBegin(), item.quantities.keyEnd());
        for (auto it = old->quantities.keyBegin(); it != old->quantities.keyEnd(); ++it)
            measures.insert(*it);
        for (const QString &measure : std::as_const(measures)) {
            const auto o = old->quantities.constFind(measure);
            const auto n = item.quantities.constFind(measure);
            const std::optional<double> was =
                o == old->quantities.constEnd() ? std::nullopt : std::optional<double>(*o);
            const std::optional<double> is =
                n == item.quantities.constEnd() ? std::nullopt : std::optional<double>(*n);
            if (was != is)
                diff.changed.append({item.key, measure, was, is});
        }
    }
    for (const StockItem &item : before.items) {
        if (!after.find(item.key))
            diff.removed << item.key;
    }
    return diff;
}

} // namespace ivcore
