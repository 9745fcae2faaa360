// On-hand queries v1 (§9.1 index query, §9.4 exact query) over the estate.
// Partition rule is "By location", so site and location always split rows.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace ivemu {

class Estate;
class MeasureModel;

struct QueryOutcome
{
    QJsonArray rows;
    QString error; // non-empty: the request is invalid (answer 400 naming the problem)
};

class QueryEngine
{
public:
    QueryEngine(const Estate &estate, const MeasureModel &model) : m_estate(estate), m_model(model) {}

    QueryOutcome indexQuery(const QJsonObject &body) const;
    QueryOutcome exactQuery(const QJsonObject &body) const;

    static constexpr int kMaxProducts = 5000;
    static constexpr int kMaxSiteLocations = 10000;

private:
    // Constraints on non-partition dimensions; a cell matches when all hold.
    using Alternative = QList<QPair<int, QSet<QString>>>;

    struct Plan
    {
        QString organizationId;
        QStringList productIds;                // empty = all products
        QList<QList<Alternative>> perLocation; // a location without alternatives is not queried
        QList<int> groupBy;                    // base dimension indices, partition ones included
        bool returnNegative = true;
    };

    struct Common; // what both query kinds parse alike
    QString parseCommon(const QJsonObject &body, bool exact, Common &out) const;
    QJsonArray run(const Plan &plan) const;
    QString dimensionValue(int dimension, int variant, int location) const;

    const Estate &m_estate;
    const MeasureModel &m_model;
};

} // namespace ivemu
