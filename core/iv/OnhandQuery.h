// Request bodies for the on-hand queries (reference §9). We always send
// returnNegative: true, so negative stock is never dropped and shown as "no data".
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ivcore {

// One IV location: a warehouse (locationId) at a site, in a legal entity.
struct LocationKey
{
    QString siteId;
    QString locationId;
    friend bool operator==(const LocationKey &, const LocationKey &) = default;
};

// Exact query v1: one legal entity, explicit (site, warehouse) tuples.
struct ExactOnhandQuery
{
    QString organizationId;
    QStringList productIds;       // empty: all products
    QList<LocationKey> locations; // the tuples, never a Cartesian product
    QStringList groupBy;          // e.g. ColorId, SizeId
    bool returnNegative = true;

    QByteArray toJson() const;
};

// Index query v1: one legal entity; each filter is a list of values and IV
// takes the Cartesian product of them (sites × warehouses), so use the exact
// query for store → warehouse pairs.
struct IndexOnhandQuery
{
    QString organizationId;
    QStringList productIds;                   // empty: all (only under partition "By location")
    QStringList siteIds;                      // empty: all
    QStringList locationIds;                  // empty: all
    QList<QPair<QString, QStringList>> other; // further dimension filters, e.g. ColorId → [Navy]
    QString dimensionDataSource;              // empty: filter keys are base dimensions
    QStringList groupBy;
    bool returnNegative = true;

    QByteArray toJson() const;
};

} // namespace ivcore
