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

} // namespace ivcore
