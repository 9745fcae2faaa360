#include "ivemu/WriteLedger.h"

namespace ivemu {

namespace {

QString idKey(const QString &family, const QString &eventId)
{
    return family + u'\n' + eventId;
}

QJsonObject toJson(const LedgerEntry &entry)
{
    QJsonArray changes;
    for (const LedgerChange &change : entry.changes)
        changes.append(QJsonObject{{QStringLiteral("productId"), change.productId},
                                   {QStringLiteral("siteId"), change.siteId},
                                   {QStringLiteral("locationId"), change.locationId},
                                   {QStringLiteral("ColorId"), change.colorId},
                                   {QStringLiteral("SizeId"), change.sizeId},
                                   {QStringLiteral("measure"), change.measure},
                                   {QStringLiteral("delta"), change.delta}});
    return {{QStringLiteral("sequence"), entry.sequence},
            {QStringLiteral("api"), entry.api},
            {QStringLiteral("id"), entry.eventId},
            {QStringLiteral("appliedAt"), entry.appliedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("changes"), changes}};
}

} // namespace

const LedgerEntry *WriteLedger::find(const QString &family, const QString &eventId) const
{
    const auto it = m_ids.constFind(idKey(family, eventId));
    if (it == m_ids.constEnd() || m_entries.empty())
        return nullptr;
    const qint64 index = *it - m_entries.front().sequence;
    if (index < 0 || index >= qint64(m_entries.size()))
        return nullptr;
    return &m_entries[std::size_t(index)];
}

qint64 WriteLedger::record(const QString &family, LedgerEntry entry)
{
    entry.sequence = m_next++;
    entry.family = family;
    if (!entry.appliedAt.isValid())
        entry.appliedAt = QDateTime::currentDateTimeUtc();
    if (!entry.eventId.isEmpty())
        m_ids.insert(idKey(family, entry.eventId), entry.sequence);
    m_entries.push_back(std::move(entry));
    while (m_entries.size() > kCapacity) {
        const LedgerEntry &oldest = m_entries.front();
        const QString key = idKey(oldest.family, oldest.eventId);
        if (m_ids.value(key) == oldest.sequence)
            m_ids.remove(key);
        m_entries.pop_front();
    }
    return m_next - 1;
}

QList<LedgerEntry> WriteLedger::entries(qint64 since) const
{
    QList<LedgerEntry> out;
    for (const LedgerEntry &entry : m_entries)
        if (entry.sequence > since)
            out.append(entry);
    return out;
}

QJsonArray WriteLedger::toJson(qint64 since) const
{
    QJsonArray out;
    for (const LedgerEntry &entry : m_entries)
        if (entry.sequence > since)
            out.append(ivemu::toJson(entry));
    return out;
}

} // namespace ivemu
