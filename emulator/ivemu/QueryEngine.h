// On-hand queries v1 (§9.1 index query, §9.4 exact query) over the estate.
// Partition rule is "By location", so site and location always split rows.
#pragma once

#include "ivemu/Schedules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace ivemu {

class Estate;
class MeasureModel;

// One aggregated answer row, not yet JSON: RowJsonWriter writes it (§9.5 shape).
struct QueryRow
{
    QString productId;
    QStringList dimensions; // values, aligned with QueryResult::dimensionNames
    CellQuantities sum{};
    quint32 shown = ~0u;     // bit i: physical measure i may be shown (cleared by the §24 switch)
    QJsonObject extraFields; // QueryATP's fields (§10.4); empty otherwise
};

// The rows of one query, in answer order (product, then group-by values).
struct QueryResult
{
    QList<QueryRow> rows;
    QStringList dimensionNames; // output names (§5.2), group-by order
    bool omitUntouched = false; // the §24 switch was on: `shown` decides which measures appear
};

struct QueryOutcome
{
    QueryResult result;
    QString error; // non-empty: the request is invalid (answer 400 naming the problem)
};

// What the environment's configuration and the emulator's switches decide.
struct QueryOptions
{
    int maxProducts = 5000;        // current docs; the legacy switch sets 100 (§23.5)
    int maxSiteLocations = 10000;  // current docs; the legacy switch sets 100
    bool byProductId = false;      // partition rule By product ID instead of By location (§15.5)
    bool hasIndexHierarchy = true; // false: queries fail "No index hierarchy has been set." (F8)
    // Set: a measure that is zero and was never written for the row's product is left out (§24).
    std::function<bool(int product, int physical)> touched;
    // Set: a cell's change schedules, for QueryATP (§10.3, §10.4).
    std::function<const ScheduledChanges *(int variant, int location)> schedules;
    QStringList atpMeasures; // "source.calculated"
    int schedulePeriodDays = 7;
};

// One call's variant: Api-Version 2.0 and a page of warehouses.
struct QueryCall
{
    bool apiVersion2 = false;               // several organizations, no site x location ceiling (§9.2)
    std::optional<QSet<int>> onlyLocations; // estate location indices of the page
};

class QueryEngine
{
public:
    QueryEngine(const Estate &estate, const MeasureModel &model) : m_estate(estate), m_model(model) {}

    QueryOutcome indexQuery(const QJsonObject &body, const QueryCall &call = {}) const;
    QueryOutcome exactQuery(const QJsonObject &body, const QueryCall &call = {}) const;

    void setOptions(QueryOptions options) { m_options = std::move(options); }
    const QueryOptions &options() const { return m_options; }

private:
    // Constraints on non-partition dimensions; a cell matches when all hold.
    using Alternative = QList<QPair<int, QSet<QString>>>;

    struct Plan
    {
        QStringList organizationIds;
        QStringList productIds;                // empty = all products
        QList<QList<Alternative>> perLocation; // a location without alternatives is not queried
        QList<int> groupBy;                    // base dimension indices, partition ones included
        bool returnNegative = true;
        bool atp = false; // QueryATP
        QDate atpFrom, atpTo;
    };

    struct Common; // what both query kinds parse alike
    QString parseCommon(const QJsonObject &body, bool exact, const QueryCall &call, Common &out) const;
    QueryResult run(const Plan &plan) const;
    QString dimensionValue(int dimension, int variant, int location) const;

    const Estate &m_estate;
    const MeasureModel &m_model;
    QueryOptions m_options;
};

} // namespace ivemu
