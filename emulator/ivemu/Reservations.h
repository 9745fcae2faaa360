// Soft reservations (§8): reserve/unreserve against the available-for-
// reservation measure the configuration maps the modifier to (§15.4). Business
// failures are HTTP 200 with statusCode/processingStatus in the body (§5.7, F11–F13).
#pragma once

#include "ivemu/WriteEngine.h"

#include <QHash>
#include <QMap>

namespace ivemu {

class Reservations
{
public:
    explicit Reservations(WriteEngine &writes) : m_writes(writes) {}

    // HTTP status of the call (400 for malformed input or fno) and the body.
    WriteResult reserve(const QJsonObject &request);
    WriteResult unreserve(const QJsonObject &request);

    // Quantity still reserved under a reservation ID (0 if unknown).
    qint64 reserved(const QString &reservationId) const;

    // Reservation hierarchy (§8.4) below the partition, and the config version
    // (0 = requests must name a prefix; 1 = relaxed).
    QList<int> hierarchy;
    int hierarchyVersion = 0;

private:
    struct Reservation
    {
        int physical = -1;
        QMap<QPair<int, int>, qint64> cells; // (variant, location) -> reserved there
        qint64 total() const;
    };
    WriteResult business(const QString &id, int statusCode, const QString &message) const;
    QString reservationIdFor(const QJsonObject &request) const;

    WriteEngine &m_writes;
    QHash<QString, Reservation> m_reservations;
};

} // namespace ivemu
