// Every write the data plane applied, in order, and the event IDs it has seen
// (§5.3: an event ID is an idempotency key). Tests and the admin endpoint read
// it to prove that a re-sent event was not applied twice.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <deque>

namespace ivemu {

// One physical measure of one cell moved by `delta`.
struct LedgerChange
{
    QString productId, siteId, locationId, colorId, sizeId;
    QString measure; // "source.measure", lowercase
    qint64 delta = 0;
};

struct LedgerEntry
{
    qint64 sequence = 0; // 1, 2, … in the order applied
    QString family;      // the ID space (set by record())
    QString api;         // "onhand", "setonhand", "adjustment", "reserve", "unreserve", "traffic"
    QString eventId;     // the caller's `id`
    QDateTime appliedAt; // UTC
    QList<LedgerChange> changes;
    QJsonObject response; // what the caller was told; a duplicate is told the same
};

class WriteLedger
{
public:
    // The entry that applied (api family, id) earlier, or null. Families keep
    // their own ID spaces: a reservation and its unreservation may share an ID.
    const LedgerEntry *find(const QString &family, const QString &eventId) const;

    // Appends an applied write and remembers its ID; returns its sequence number.
    qint64 record(const QString &family, LedgerEntry entry);

    // Entries with a sequence above `since`, oldest first, as JSON.
    QJsonArray toJson(qint64 since = 0) const;
    QList<LedgerEntry> entries(qint64 since = 0) const;
    qint64 lastSequence() const { return m_next - 1; }

    // Oldest entries (and their IDs) are forgotten beyond this, so a long demo stays small.
    static constexpr std::size_t kCapacity = 100000;

private:
    std::deque<LedgerEntry> m_entries;
    QHash<QString, qint64> m_ids; // family + '\n' + id -> sequence
    qint64 m_next = 1;
};

} // namespace ivemu
