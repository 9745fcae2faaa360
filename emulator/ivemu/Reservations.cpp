#include "ivemu/Reservations.h"

#include "ivemu/Dimensions.h"
#include "ivemu/Estate.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"
#include "ivemu/WriteTarget.h"

#include <QCryptographicHash>
#include <cmath>

namespace ivemu {

namespace {

const QLatin1String kReserve("reserve");
const QLatin1String kUnreserve("unreserve");

QString text(const QJsonObject &object, QLatin1String key)
{
    return json::scalarString(json::value(object, key)).value_or(QString());
}

} // namespace

qint64 Reservations::Reservation::total() const
{
    qint64 sum = 0;
    for (qint64 quantity : cells)
        sum += quantity;
    return sum;
}

WriteResult Reservations::business(const QString &id, int statusCode, const QString &message) const
{
    return {id, 200, message, false, WriteEngine::statusBody(id, statusCode, message)};
}

// [I] The ID names the product + dimension-value combination (§8.1), so
// reserving the same combination twice yields the same reservation ID.
QString Reservations::reservationIdFor(const QJsonObject &request) const
{
    QStringList parts{text(request, QLatin1String("organizationId")).toLower(),
                      text(request, QLatin1String("productId")).toLower()};
    const QJsonObject named = json::value(request, QLatin1String("dimensions")).toObject();
    const DataSource *source = m_writes.model().source(text(request, QLatin1String("dimensionDataSource")));
    QStringList pairs;
    for (auto it = named.constBegin(); it != named.constEnd(); ++it) {
        const int dimension = dimensions::resolve(it.key(), source);
        pairs.append((dimension >= 0 ? dimensions::names()[dimension] : it.key()).toLower() + u'=' +
                     json::scalarString(it.value()).value_or(QString()).toLower());
    }
    pairs.sort();
    parts += pairs;
    const QByteArray hash = QCryptographicHash::hash(parts.join(u'|').toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toHex().left(32));
}

qint64 Reservations::reserved(const QString &reservationId) const
{
    return m_reservations.value(reservationId).total();
}

WriteResult Reservations::reserve(const QJsonObject &request)
{
    const QString id = text(request, QLatin1String("id"));
    if (const LedgerEntry *seen = m_writes.ledger().find(kReserve, id); seen && !id.isEmpty())
        return {id, 200, {}, true, seen->response};
    const QString sourceName = text(request, QLatin1String("quantityDataSource")).isEmpty()
                                   ? QStringLiteral("iv")
                                   : text(request, QLatin1String("quantityDataSource"));
    const QString modifier = text(request, QLatin1String("modifier")).isEmpty()
                                 ? QStringLiteral("softreservphysical")
                                 : text(request, QLatin1String("modifier"));
    if (sourceName.compare(QLatin1String("fno"), Qt::CaseInsensitive) == 0)
        return {id, 400, QStringLiteral("Data source fno is read-only: it cannot be reserved against."),
                false, WriteEngine::statusBody(id, 400, QStringLiteral("Data source fno is read-only."))};
    const MeasureModel &model = m_writes.model();
    const int physical = model.physicalIndex(sourceName, modifier);
    const QString mapping = physical >= 0 ? model.reservationMapping(physical) : QString();
    if (physical < 0 || mapping.isEmpty())
        return business(
            id, 400,
            QStringLiteral("%1.%2 has no reservation mapping to an available-for-reservation measure.")
                .arg(sourceName, modifier));
    const auto quantity = json::wholeNumber(json::value(request, QLatin1String("quantity")));
    if (!quantity)
        return {id, 400, QStringLiteral("quantity must be a whole number."), false,
                WriteEngine::statusBody(id, 400, QStringLiteral("quantity must be a whole number."))};
    const auto check = json::boolean(json::value(request, QLatin1String("ifCheckAvailForReserv")));
    const bool checkAvailability = check.value_or(true);

    const WriteTarget target = resolveWriteTarget(m_writes.estate(), model, request);
    if (target.missingPartition) // observed as body statusCode 500 (§8.1, F11)
        return business(id, 500, target.error);
    if (!target.error.isEmpty())
        return business(id, 400, target.error);
    // §8.4: below the partition, a prefix of the hierarchy (version 0 only).
    for (qsizetype i = 0; hierarchyVersion == 0 && i < target.namedDimensions.size(); ++i)
        if (!target.namedDimensions.contains(hierarchy.value(i, -1)))
            return business(
                id, 400,
                QStringLiteral("dimensions must follow the reservation hierarchy: %1 is not part of "
                               "its prefix.")
                    .arg(dimensions::names()[target.namedDimensions[i]]));

    Estate &estate = m_writes.estate();
    const auto afrOf = [&](int variant) {
        const auto cell = estate.cell(variant, target.location);
        std::array<qint64, PhysicalCount> wide{};
        std::copy(cell.begin(), cell.end(), wide.begin());
        return model.evaluate(mapping, wide).value_or(0);
    };
    qint64 available = 0;
    for (int variant : target.variants)
        available += afrOf(variant);
    if (checkAvailability && *quantity < 0)
        return business(id, 500, QStringLiteral("A negative quantity needs ifCheckAvailForReserv = false."));
    if (checkAvailability && *quantity > available)
        return business(
            id, 500,
            QStringLiteral("Not enough quantity available for reservation: requested %1, %2 is %3.")
                .arg(*quantity)
                .arg(mapping)
                .arg(available));

    const QString reservationId = reservationIdFor(request);
    Reservation &reservation = m_reservations[reservationId];
    reservation.physical = physical;
    LedgerEntry entry;
    entry.api = kReserve;
    entry.eventId = id;
    qint64 remaining = *quantity;
    // [I] Spread over the matching variants as far as each has AFR; any oversell lands on the first.
    for (int variant : target.variants) {
        if (remaining <= 0)
            break;
        const qint64 take = qMin(remaining, qMax<qint64>(0, afrOf(variant)));
        if (take > 0) {
            entry.changes.append(m_writes.apply(variant, target.location, physical, take));
            reservation.cells[{variant, target.location}] += take;
            remaining -= take;
        }
    }
    if (remaining > 0) {
        entry.changes.append(m_writes.apply(target.variants.first(), target.location, physical, remaining));
        reservation.cells[{target.variants.first(), target.location}] += remaining;
    }
    // A negative quantity gives back what this reservation holds, last cells first.
    for (auto it = reservation.cells.end(); remaining < 0 && it != reservation.cells.begin();) {
        --it;
        const qint64 give = qMin(-remaining, it.value());
        if (give > 0) {
            entry.changes.append(m_writes.apply(it.key().first, it.key().second, physical, -give));
            it.value() -= give;
            remaining += give;
        }
    }
    const qint64 sequence = m_writes.ledger().lastSequence() + 1;
    entry.response = WriteEngine::statusBody(QStringLiteral("ohre~id-%1").arg(sequence), 200, {});
    entry.response.insert(QStringLiteral("reservationId"), reservationId);
    m_writes.ledger().record(kReserve, entry);
    return {id, 200, {}, false, entry.response};
}

WriteResult Reservations::unreserve(const QJsonObject &request)
{
    const QString id = text(request, QLatin1String("id"));
    if (const LedgerEntry *seen = m_writes.ledger().find(kUnreserve, id); seen && !id.isEmpty())
        return {id, 200, {}, true, seen->response};
    const QString reservationId = text(request, QLatin1String("reservationId"));
    const auto offset = json::wholeNumber(json::value(request, QLatin1String("OffsetQty")));
    if (reservationId.isEmpty() || !offset || *offset < 0)
        return {
            id, 400, QStringLiteral("reservationId and a non-negative whole-number OffsetQty are required."),
            false,
            WriteEngine::statusBody(id, 400, QStringLiteral("reservationId and OffsetQty are required."))};
    const auto found = m_reservations.find(reservationId);
    if (found == m_reservations.end())
        return business(id, 400, QStringLiteral("reservationId '%1' is not known.").arg(reservationId));

    Reservation &reservation = found.value();
    LedgerEntry entry;
    entry.api = kUnreserve;
    entry.eventId = id;
    qint64 toRelease = qMin(*offset, reservation.total());
    const qint64 invalid = *offset - toRelease; // F13: more than reserved
    for (auto it = reservation.cells.end(); toRelease > 0 && it != reservation.cells.begin();) {
        --it;
        const qint64 give = qMin(toRelease, it.value());
        if (give > 0) {
            entry.changes.append(
                m_writes.apply(it.key().first, it.key().second, reservation.physical, -give));
            it.value() -= give;
            toRelease -= give;
        }
    }
    const qint64 sequence = m_writes.ledger().lastSequence() + 1;
    entry.response = WriteEngine::statusBody(QStringLiteral("ohoe~id-%1").arg(sequence), 200, {},
                                             invalid > 0 ? QStringLiteral("partialSuccess") : QString());
    entry.response.insert(QStringLiteral("reservationId"), reservationId);
    entry.response.insert(QStringLiteral("totalInvalidOffsetQtyByReservId"), invalid);
    m_writes.ledger().record(kUnreserve, entry);
    return {id, 200, {}, false, entry.response};
}

} // namespace ivemu
