#include "iv/OnhandQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ivcore {

QByteArray ExactOnhandQuery::toJson() const
{
    QJsonArray values;
    for (const LocationKey &location : locations)
        values.append(QJsonArray{location.siteId, location.locationId});
    const QJsonObject filters{
        {QStringLiteral("organizationId"), QJsonArray{organizationId}},
        {QStringLiteral("productId"), QJsonArray::fromStringList(productIds)},
        {QStringLiteral("dimensions"), QJsonArray{QStringLiteral("siteId"), QStringLiteral("locationId")}},
        {QStringLiteral("values"), values},
    };
    const QJsonObject body{
        {QStringLiteral("filters"), filters},
        {QStringLiteral("groupByValues"), QJsonArray::fromStringList(groupBy)},
        {QStringLiteral("returnNegative"), returnNegative},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray IndexOnhandQuery::toJson() const
{
    QJsonObject filters{
        {QStringLiteral("organizationId"), QJsonArray{organizationId}},
        {QStringLiteral("productId"), QJsonArray::fromStringList(productIds)},
        {QStringLiteral("siteId"), QJsonArray::fromStringList(siteIds)},
        {QStringLiteral("locationId"), QJsonArray::fromStringList(locationIds)},
    };
    for (const auto &[dimension, values] : other)
        filters.insert(dimension, QJsonArray::fromStringList(values));
    QJsonObject body{
        {QStringLiteral("filters"), filters},
        {QStringLiteral("groupByValues"), QJsonArray::fromStringList(groupBy)},
        {QStringLiteral("returnNegative"), returnNegative},
    };
    if (!dimensionDataSource.isEmpty())
        body.insert(QStringLiteral("dimensionDataSource"), dimensionDataSource);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace ivcore
