#include "ivemu/WriteEngine.h"

#include "ivemu/Estate.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"
#include "ivemu/WriteTarget.h"

#include <cmath>

namespace ivemu {

namespace {

QString eventId(const QJsonObject &event)
{
    return json::scalarString(json::value(event, QLatin1String("id"))).value_or(QString());
}

} // namespace

WriteEngine::WriteEngine(Estate &estate, const MeasureModel &model, WriteLedger &ledger)
    : m_estate(estate), m_model(model), m_ledger(ledger)
{}

QJsonObject WriteEngine::statusBody(const QString &id, int statusCode, const QString &message,
                                    const QString &processingStatus)
{
    const QString status =
        !processingStatus.isEmpty()
            ? processingStatus
            : QString(statusCode == 200 ? QStringLiteral("success") : QStringLiteral("failure"));
    return {{QStringLiteral("id"), id},
            {QStringLiteral("processingStatus"), status},
            {QStringLiteral("message"), message},
            {QStringLiteral("statusCode"), statusCode}};
}

WriteResult WriteEngine::reject(const QString &id, const QString &message) const
{
    return {id, 400, message, false, statusBody(id, 400, message)};
}

WriteResult WriteEngine::replay(const LedgerEntry &entry) const
{
    return {entry.eventId, 200, {}, true, entry.response};
}

LedgerChange WriteEngine::apply(int variant, int location, int physical, qint64 delta)
{
    m_estate.add(variant, location, Physical(physical), qint32(delta));
    const CatalogueVariant &v = m_estate.catalogue().variants()[variant];
    const EstateLocation &l = m_estate.locations()[location];
    m_touched.insert(qint64(v.product) * PhysicalCount + physical);
    return {m_estate.catalogue().products()[v.product].productId,
            l.siteId,
            l.locationId,
            v.colorId,
            v.sizeId,
            m_model.qualifiedName(physical),
            delta};
}

void WriteEngine::applyEvent(const QString &api, const QString &eventId, const QList<CellDelta> &deltas)
{
    LedgerEntry entry;
    entry.api = api;
    entry.eventId = eventId;
    for (const CellDelta &delta : deltas)
        entry.changes.append(apply(delta.variant, delta.location, delta.physical, delta.delta));
    entry.response = statusBody(eventId, 200, {});
    m_ledger.record(api, entry);
}

bool WriteEngine::touched(int product, int physical) const
{
    return m_touched.contains(qint64(product) * PhysicalCount + physical);
}

QString WriteEngine::parseQuantities(const QJsonObject &event, QList<Delta> &out) const
{
    const QJsonValue quantities = json::value(event, QLatin1String("quantities"));
    if (!quantities.isObject() || quantities.toObject().isEmpty())
        return QStringLiteral("quantities is required: an object of data source -> measure -> number.");
    const QJsonObject sources = quantities.toObject();
    for (auto s = sources.constBegin(); s != sources.constEnd(); ++s) {
        if (s.key().compare(QLatin1String("fno"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("Data source fno is read-only: its quantities only come from Supply Chain "
                                  "Management.");
        if (!m_model.source(s.key()))
            return QStringLiteral("quantities.%1 is not a configured data source.").arg(s.key());
        if (!s.value().isObject())
            return QStringLiteral("quantities.%1 must be an object of measure -> number.").arg(s.key());
        const QJsonObject measures = s.value().toObject();
        for (auto m = measures.constBegin(); m != measures.constEnd(); ++m) {
            const int physical = m_model.physicalIndex(s.key(), m.key());
            if (physical < 0)
                return QStringLiteral("quantities.%1.%2 is not a physical measure of data source %1 "
                                      "(calculated measures cannot be written).")
                    .arg(s.key(), m.key());
            const auto value = json::wholeNumber(m.value());
            if (!value)
                return QStringLiteral("quantities.%1.%2 must be a whole number.").arg(s.key(), m.key());
            out.append({physical, *value});
        }
    }
    return {};
}

std::optional<WriteResult> WriteEngine::admit(const QString &api, const QString &id, const QJsonObject &event,
                                              WriteTarget &target) const
{
    if (id.isEmpty())
        return reject(id, QStringLiteral("id is required: it identifies the event so that a retry is not "
                                         "applied twice."));
    if (const LedgerEntry *seen = m_ledger.find(api, id))
        return replay(*seen);
    target = resolveWriteTarget(m_estate, m_model, event);
    if (!target.error.isEmpty())
        return reject(id, target.error);
    if (target.variants.size() != 1)
        return reject(id,
                      QStringLiteral("dimensions must name ColorId and SizeId of one variant: the emulator "
                                     "keeps quantities per variant."));
    return std::nullopt;
}

WriteResult WriteEngine::changeEvent(const QJsonObject &event)
{
    const QString id = eventId(event);
    WriteTarget target;
    if (auto early = admit(QStringLiteral("onhand"), id, event, target))
        return *early;
    QList<Delta> deltas;
    if (QString error = parseQuantities(event, deltas); !error.isEmpty())
        return reject(id, error);
    LedgerEntry entry{0, {}, QStringLiteral("onhand"), id, {}, {}, statusBody(id, 200, {})};
    for (const Delta &delta : std::as_const(deltas))
        entry.changes.append(apply(target.variants.first(), target.location, delta.physical, delta.value));
    m_ledger.record(QStringLiteral("onhand"), entry);
    return {id, 200, {}, false, entry.response};
}

WriteResult WriteEngine::setOnHand(const QJsonObject &event, const QString &inventorySystem)
{
    const QString id = eventId(event);
    WriteTarget target;
    if (auto early = admit(QStringLiteral("setonhand"), id, event, target))
        return *early;
    QList<Delta> values;
    if (QString error = parseQuantities(event, values); !error.isEmpty())
        return reject(id, error);
    for (const Delta &value : std::as_const(values))
        if (!m_model.qualifiedName(value.physical).startsWith(inventorySystem.toLower() + u'.'))
            return reject(id, QStringLiteral("quantities may only name data source '%1', the one being set.")
                                  .arg(inventorySystem));
    LedgerEntry entry{0, {}, QStringLiteral("setonhand"), id, {}, {}, statusBody(id, 200, {})};
    const auto cell = m_estate.cell(target.variants.first(), target.location);
    for (const Delta &value : std::as_const(values)) // the value replaces the stored one (§7)
        entry.changes.append(apply(target.variants.first(), target.location, value.physical,
                                   value.value - cell[std::size_t(value.physical)]));
    m_ledger.record(QStringLiteral("setonhand"), entry);
    return {id, 200, {}, false, entry.response};
}

WriteResult WriteEngine::adjustment(const QJsonObject &line, bool createWithIVSync)
{
    const QString id = eventId(line);
    WriteTarget target;
    if (auto early = admit(QStringLiteral("adjustment"), id, line, target))
        return *early;
    const QString source =
        json::scalarString(json::value(line, QLatin1String("quantityDataSource"))).value_or(QString());
    const QString measure =
        json::scalarString(json::value(line, QLatin1String("physicalMeasure"))).value_or(QString());
    const auto quantity = json::wholeNumber(json::value(line, QLatin1String("quantity")));
    if (source.isEmpty() || measure.isEmpty() || !quantity)
        return reject(id,
                      QStringLiteral("quantityDataSource, physicalMeasure and a whole-number quantity are "
                                     "required."));
    QList<Delta> deltas;
    const QJsonObject asEvent{
        {QStringLiteral("quantities"), QJsonObject{{source, QJsonObject{{measure, double(*quantity)}}}}}};
    if (QString error = parseQuantities(asEvent, deltas); !error.isEmpty())
        return reject(id, error);
    // [I] Reflected in on-hand at once; the line's sync status is what SCM would see next.
    QJsonObject response = statusBody(id, 200, {});
    response.insert(QStringLiteral("lineStatus"),
                    createWithIVSync ? QStringLiteral("IVPosted") : QStringLiteral("Created"));
    LedgerEntry entry{0, {}, QStringLiteral("adjustment"), id, {}, {}, response};
    entry.changes.append(
        apply(target.variants.first(), target.location, deltas.first().physical, deltas.first().value));
    m_ledger.record(QStringLiteral("adjustment"), entry);
    return {id, 200, {}, false, response};
}

} // namespace ivemu
