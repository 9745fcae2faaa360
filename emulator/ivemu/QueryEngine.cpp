#include "ivemu/QueryEngine.h"

#include "ivemu/Dimensions.h"
#include "ivemu/Estate.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"
#include "ivemu/RowJsonWriter.h"

#include <array>
#include <map>

namespace ivemu {

namespace {

using namespace dimensions;

int resolveDimension(const QString &name, const DataSource *source)
{
    return resolve(name, source);
}

QSet<QString> lowered(const QStringList &values)
{
    QSet<QString> out;
    for (const QString &value : values)
        out.insert(value.toLower());
    return out;
}

} // namespace

struct QueryEngine::Common
{
    Plan plan;
    QList<QPair<int, QStringList>> dimensionFilters; // filters.<dimension>: [values], empty arrays dropped
    QJsonObject filters;
    const DataSource *source = nullptr;
};

QString QueryEngine::parseCommon(const QJsonObject &body, bool exact, const QueryCall &call,
                                 Common &out) const
{
    if (!m_options.hasIndexHierarchy)
        return QStringLiteral("No index hierarchy has been set.");
    out.filters = json::value(body, QLatin1String("filters")).toObject();
    if (!json::value(body, QLatin1String("filters")).isObject())
        return QStringLiteral("filters is required and must be a JSON object.");

    const QJsonValue sourceName = json::value(body, QLatin1String("dimensionDataSource"));
    if (sourceName.isString() && !sourceName.toString().isEmpty()) {
        out.source = m_model.source(sourceName.toString());
        if (!out.source)
            return QStringLiteral("dimensionDataSource '%1' is not a configured data source.")
                .arg(sourceName.toString());
    }

    bool hasOrganization = false;
    for (auto it = out.filters.constBegin(); it != out.filters.constEnd(); ++it) {
        const QString key = it.key();
        const auto is = [&key](const char *name) {
            return key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
        };
        if (exact && (is("dimensions") || is("values")))
            continue;
        const auto values =
            it.value().isNull() ? std::optional<QStringList>(QStringList()) : json::stringArray(it.value());
        if (!values)
            return QStringLiteral("filters.%1 must be an array of values.").arg(key);
        if (is("organizationId")) {
            // v1 queries take exactly one legal entity (§9.1, §15.1).
            if (values->isEmpty() || (values->size() != 1 && !call.apiVersion2))
                return QStringLiteral(
                           "filters.organizationId must hold exactly one value with Api-Version 1.0; "
                           "it holds %1.")
                    .arg(values->size());
            out.plan.organizationIds = *values;
            hasOrganization = true;
        } else if (is("productId")) {
            out.plan.productIds = *values;
            out.plan.productIds.removeDuplicates();
            if (out.plan.productIds.size() > m_options.maxProducts)
                return QStringLiteral(
                           "filters.productId lists %1 product IDs; at most %2 product IDs are allowed "
                           "per query.")
                    .arg(out.plan.productIds.size())
                    .arg(m_options.maxProducts);
        } else {
            const int dimension = resolveDimension(key, out.source);
            if (dimension < 0)
                return QStringLiteral("filters.%1 is not a known dimension.").arg(key);
            if (!values->isEmpty()) // empty arrays mean "no filter" (clients send them for unused keys)
                out.dimensionFilters.append({dimension, *values});
        }
    }
    if (!hasOrganization)
        return QStringLiteral("filters.organizationId is required.");

    const QJsonValue groupBy = json::value(body, QLatin1String("groupByValues"));
    const auto groupNames = groupBy.isUndefined() || groupBy.isNull()
                                ? std::optional<QStringList>(QStringList())
                                : json::stringArray(groupBy);
    if (!groupNames)
        return QStringLiteral("groupByValues must be an array of dimension names.");
    for (const QString &name : *groupNames) {
        const int dimension = resolveDimension(name, out.source);
        if (dimension < 0)
            return QStringLiteral("groupByValues: '%1' is not a known dimension.").arg(name);
        out.plan.groupBy.append(dimension);
    }

    const QJsonValue negative = json::value(body, QLatin1String("returnNegative"));
    if (!negative.isUndefined() && !negative.isNull()) {
        const auto flag = json::boolean(negative);
        if (!flag)
            return QStringLiteral("returnNegative must be true or false.");
        out.plan.returnNegative = *flag;
    }
    const auto atp = json::boolean(json::value(body, QLatin1String("QueryATP")));
    out.plan.atp = atp.value_or(false);
    out.plan.atpFrom =
        QDate::fromString(json::value(body, QLatin1String("ATPFromDate")).toString().left(10), Qt::ISODate);
    out.plan.atpTo =
        QDate::fromString(json::value(body, QLatin1String("ATPToDate")).toString().left(10), Qt::ISODate);
    out.plan.perLocation.resize(m_estate.locations().size());
    return {};
}

QueryOutcome QueryEngine::indexQuery(const QJsonObject &body, const QueryCall &call) const
{
    Common common;
    if (QString error = parseCommon(body, false, call, common); !error.isEmpty())
        return {{}, error};
    QSet<QString> sites, locations;
    Alternative alternative;
    for (const auto &[dimension, values] : std::as_const(common.dimensionFilters)) {
        if (dimension == SiteId)
            sites.unite(lowered(values));
        else if (dimension == LocationId)
            locations.unite(lowered(values));
        else
            alternative.append({dimension, lowered(values)});
    }
    Plan &plan = common.plan;
    // §9.1, By location: all products needs explicit sites and locations.
    if (m_options.byProductId && plan.productIds.isEmpty())
        return {{},
                QStringLiteral(
                    "filters.productId must list at least one product (partition rule By product ID).")};
    if (!m_options.byProductId && plan.productIds.isEmpty() && (sites.isEmpty() || locations.isEmpty()))
        return {
            {},
            QStringLiteral("filters.productId may be empty only when filters.siteId and filters.locationId "
                           "are both given (partition rule By location).")};
    const qint64 combinations =
        qint64(qMax<qsizetype>(1, sites.size())) * qMax<qsizetype>(1, locations.size());
    if (!call.apiVersion2 && combinations > m_options.maxSiteLocations)
        return {
            {},
            QStringLiteral("filters.siteId x filters.locationId gives %1 site/location combinations; at most "
                           "%2 site/location combinations are allowed per query.")
                .arg(combinations)
                .arg(m_options.maxSiteLocations)};
    // Cartesian product of sites and locations (§9.1).
    for (int l = 0; l < m_estate.locations().size(); ++l) {
        const EstateLocation &location = m_estate.locations()[l];
        if (call.onlyLocations && !call.onlyLocations->contains(l))
            continue;
        if ((sites.isEmpty() || sites.contains(location.siteId.toLower())) &&
            (locations.isEmpty() || locations.contains(location.locationId.toLower())))
            plan.perLocation[l].append(alternative);
    }
    // [I] Under By location the partition dimensions always split rows.
    if (!m_options.byProductId) {
        plan.groupBy.prepend(LocationId);
        plan.groupBy.prepend(SiteId);
    }
    return {run(plan), {}};
}

QueryOutcome QueryEngine::exactQuery(const QJsonObject &body, const QueryCall &call) const
{
    Common common;
    if (QString error = parseCommon(body, true, call, common); !error.isEmpty())
        return {{}, error};
    const auto dimensionNames = json::stringArray(json::value(common.filters, QLatin1String("dimensions")));
    if (!dimensionNames)
        return {{},
                QStringLiteral("filters.dimensions is required and must be an array of dimension names.")};
    QList<int> dimensions;
    for (const QString &name : *dimensionNames) {
        const int dimension = resolveDimension(name, common.source);
        if (dimension < 0)
            return {{}, QStringLiteral("filters.dimensions: '%1' is not a known dimension.").arg(name)};
        dimensions.append(dimension);
    }
    const qsizetype siteColumn = dimensions.indexOf(SiteId);
    const qsizetype locationColumn = dimensions.indexOf(LocationId);
    if (!m_options.byProductId && (siteColumn < 0 || locationColumn < 0))
        return {{},
                QStringLiteral(
                    "filters.dimensions must include siteId and locationId (partition rule By location).")};
    const QJsonValue values = json::value(common.filters, QLatin1String("values"));
    if (!values.isArray())
        return {{}, QStringLiteral("filters.values is required and must be an array of value arrays.")};
    const QJsonArray tuples = values.toArray();
    if (!call.apiVersion2 && tuples.size() > m_options.maxSiteLocations)
        return {{},
                QStringLiteral(
                    "filters.values lists %1 tuples; at most %2 site/location combinations are allowed "
                    "per query.")
                    .arg(tuples.size())
                    .arg(m_options.maxSiteLocations)};

    Plan &plan = common.plan;
    for (qsizetype i = 0; i < tuples.size(); ++i) {
        const auto tuple = json::stringArray(tuples[i]);
        if (!tuple || tuple->size() != dimensions.size())
            return {{},
                    QStringLiteral("filters.values[%1] must hold %2 values, aligned with filters.dimensions.")
                        .arg(i)
                        .arg(dimensions.size())};
        // A store we do not know simply has no rows. Under By product ID a tuple
        // may leave out site and location: it then covers every matching one.
        QList<int> matched;
        for (int l = 0; l < m_estate.locations().size(); ++l) {
            const EstateLocation &candidate = m_estate.locations()[l];
            if ((siteColumn < 0 ||
                 candidate.siteId.compare(tuple->at(siteColumn), Qt::CaseInsensitive) == 0) &&
                (locationColumn < 0 ||
                 candidate.locationId.compare(tuple->at(locationColumn), Qt::CaseInsensitive) == 0) &&
                (!call.onlyLocations || call.onlyLocations->contains(l)))
                matched.append(l);
        }
        Alternative alternative;
        for (qsizetype c = 0; c < dimensions.size(); ++c)
            if (c != siteColumn && c != locationColumn)
                alternative.append({dimensions[c], {tuple->at(c).toLower()}});
        for (const auto &[dimension, filterValues] : std::as_const(common.dimensionFilters))
            if (dimension != SiteId && dimension != LocationId)
                alternative.append({dimension, lowered(filterValues)});
        for (int location : std::as_const(matched))
            plan.perLocation[location].append(alternative);
    }
    plan.groupBy = dimensions + plan.groupBy; // filters.dimensions are auto-added (§9.4)
    return {run(plan), {}};
}

QString QueryEngine::dimensionValue(int dimension, int variant, int location) const
{
    switch (dimension) {
    case SiteId:
        return m_estate.locations()[location].siteId;
    case LocationId:
        return m_estate.locations()[location].locationId;
    case ColorId:
        return m_estate.catalogue().variants()[variant].colorId;
    case SizeId:
        return m_estate.catalogue().variants()[variant].sizeId;
    default:
        return {};
    }
}

QueryResult QueryEngine::run(const Plan &plan) const
{
    QList<int> groupBy;
    for (int dimension : plan.groupBy)
        if (!groupBy.contains(dimension))
            groupBy.append(dimension);
    if (!plan.organizationIds.contains(Estate::organizationId(), Qt::CaseInsensitive))
        return {}; // the estate has one legal entity; others hold nothing

    const Catalogue &catalogue = m_estate.catalogue();
    QList<int> products;
    if (plan.productIds.isEmpty()) {
        for (int p = 0; p < catalogue.products().size(); ++p)
            products.append(p);
    } else {
        for (const QString &id : plan.productIds)
            if (const int p = catalogue.findProduct(id); p >= 0)
                products.append(p);
    }

    // Rows keyed by product and group-by values; ordered, so answers are stable.
    struct RowSum
    {
        CellQuantities sum{};
        ScheduledChanges scheduled;
    };
    std::map<std::pair<int, QStringList>, RowSum> rows;
    const bool atp = plan.atp && m_options.schedules;
    for (int p : std::as_const(products)) {
        const CatalogueProduct &product = catalogue.products()[p];
        for (int v = product.firstVariant; v < product.firstVariant + product.variantCount; ++v) {
            for (int l = 0; l < plan.perLocation.size(); ++l) {
                const auto matches = [&](const Alternative &alternative) {
                    for (const auto &[dimension, allowed] : alternative)
                        if (!allowed.contains(dimensionValue(dimension, v, l).toLower()))
                            return false;
                    return true;
                };
                if (std::none_of(plan.perLocation[l].begin(), plan.perLocation[l].end(), matches))
                    continue;
                QStringList key;
                for (int dimension : std::as_const(groupBy))
                    key.append(dimensionValue(dimension, v, l));
                RowSum &row = rows.try_emplace({p, key}).first->second;
                const auto cell = m_estate.cell(v, l);
                for (std::size_t m = 0; m < row.sum.size(); ++m)
                    row.sum[m] += cell[m];
                if (const ScheduledChanges *scheduled = atp ? m_options.schedules(v, l) : nullptr)
                    for (const auto &[day, delta] : *scheduled)
                        for (std::size_t m = 0; m < delta.size(); ++m)
                            row.scheduled[day][m] += delta[m];
            }
        }
    }

    // No JSON here: the route hands these rows to RowJsonWriter, which writes
    // them straight as bytes (building a QJsonObject tree cost as much as serialising it).
    QueryResult out;
    for (int dimension : std::as_const(groupBy))
        out.dimensionNames.append(outputName(dimension));
    out.omitUntouched = bool(m_options.touched);
    const RowJsonWriter writer(m_model, out);
    out.rows.reserve(qsizetype(rows.size()));
    for (const auto &[key, row] : rows) {
        QueryRow result{catalogue.products()[key.first].productId, key.second, row.sum, ~0u, {}};
        if (m_options.touched) {
            result.shown = 0;
            for (int physical = 0; physical < PhysicalCount; ++physical)
                if (row.sum[std::size_t(physical)] != 0 || m_options.touched(key.first, physical))
                    result.shown |= 1u << physical;
        }
        if (!plan.returnNegative && writer.showsNegative(result))
            continue;
        if (atp)
            result.extraFields = Schedules::atpFields(m_model, m_options.atpMeasures, row.sum, row.scheduled,
                                                      Schedules::today(), m_options.schedulePeriodDays,
                                                      plan.atpFrom, plan.atpTo);
        out.rows.append(std::move(result));
    }
    return out;
}

} // namespace ivemu
