#include "ivemu/QueryEngine.h"

#include "ivemu/Estate.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"

#include <array>
#include <map>

namespace ivemu {

namespace {

// The base dimensions (§15.2) in canonical case. The estate carries values for
// the first five; the others exist but are empty everywhere.
enum : int
{
    SiteId,
    LocationId,
    ColorId,
    SizeId,
    StyleId
};
const QStringList &baseDimensions()
{
    static const QStringList names = [] {
        QStringList list{
            QStringLiteral("SiteId"),        QStringLiteral("LocationId"),  QStringLiteral("ColorId"),
            QStringLiteral("SizeId"),        QStringLiteral("StyleId"),     QStringLiteral("ConfigId"),
            QStringLiteral("BatchId"),       QStringLiteral("SerialId"),    QStringLiteral("StatusId"),
            QStringLiteral("WMSLocationId"), QStringLiteral("WMSPalletId"), QStringLiteral("LicensePlateId"),
            QStringLiteral("VersionId"),     QStringLiteral("Empty")};
        for (int i = 1; i <= 12; ++i)
            list.append(QStringLiteral("InventDimension%1").arg(i));
        for (int i = 1; i <= 8; ++i)
            list.append(QStringLiteral("ExtendedDimension%1").arg(i));
        return list;
    }();
    return names;
}

// Response casing (§5.2): partition dimensions lowercase, the others canonical.
QString outputName(int dimension)
{
    return dimension <= LocationId ? baseDimensions()[dimension].toLower() : baseDimensions()[dimension];
}

// A request's dimension name, case-insensitive, through the optional
// dimensionDataSource's mappings; -1 if unknown.
int resolveDimension(const QString &name, const DataSource *source)
{
    QString base = name;
    if (source)
        for (const auto &[from, to] : source->dimensionMappings)
            if (from.compare(name, Qt::CaseInsensitive) == 0)
                base = to;
    for (int i = 0; i < baseDimensions().size(); ++i)
        if (baseDimensions()[i].compare(base, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
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

QString QueryEngine::parseCommon(const QJsonObject &body, bool exact, Common &out) const
{
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
            if (values->size() != 1)
                return QStringLiteral(
                           "filters.organizationId must hold exactly one value with Api-Version 1.0; "
                           "it holds %1.")
                    .arg(values->size());
            out.plan.organizationId = values->first();
            hasOrganization = true;
        } else if (is("productId")) {
            out.plan.productIds = *values;
            out.plan.productIds.removeDuplicates();
            if (out.plan.productIds.size() > kMaxProducts)
                return QStringLiteral(
                           "filters.productId lists %1 product IDs; at most %2 product IDs are allowed "
                           "per query.")
                    .arg(out.plan.productIds.size())
                    .arg(kMaxProducts);
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
    out.plan.perLocation.resize(m_estate.locations().size());
    return {};
}

QueryOutcome QueryEngine::indexQuery(const QJsonObject &body) const
{
    Common common;
    if (QString error = parseCommon(body, false, common); !error.isEmpty())
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
    if (plan.productIds.isEmpty() && (sites.isEmpty() || locations.isEmpty()))
        return {
            {},
            QStringLiteral("filters.productId may be empty only when filters.siteId and filters.locationId "
                           "are both given (partition rule By location).")};
    const qint64 combinations =
        qint64(qMax<qsizetype>(1, sites.size())) * qMax<qsizetype>(1, locations.size());
    if (combinations > kMaxSiteLocations)
        return {
            {},
            QStringLiteral("filters.siteId x filters.locationId gives %1 site/location combinations; at most "
                           "%2 site/location combinations are allowed per query.")
                .arg(combinations)
                .arg(kMaxSiteLocations)};
    // Cartesian product of sites and locations (§9.1).
    for (int l = 0; l < m_estate.locations().size(); ++l) {
        const EstateLocation &location = m_estate.locations()[l];
        if ((sites.isEmpty() || sites.contains(location.siteId.toLower())) &&
            (locations.isEmpty() || locations.contains(location.locationId.toLower())))
            plan.perLocation[l].append(alternative);
    }
    // [I] Under By location the partition dimensions always split rows.
    plan.groupBy.prepend(LocationId);
    plan.groupBy.prepend(SiteId);
    return {run(plan), {}};
}

QueryOutcome QueryEngine::exactQuery(const QJsonObject &body) const
{
    Common common;
    if (QString error = parseCommon(body, true, common); !error.isEmpty())
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
    if (siteColumn < 0 || locationColumn < 0)
        return {{},
                QStringLiteral(
                    "filters.dimensions must include siteId and locationId (partition rule By location).")};
    const QJsonValue values = json::value(common.filters, QLatin1String("values"));
    if (!values.isArray())
        return {{}, QStringLiteral("filters.values is required and must be an array of value arrays.")};
    const QJsonArray tuples = values.toArray();
    if (tuples.size() > kMaxSiteLocations)
        return {{},
                QStringLiteral(
                    "filters.values lists %1 tuples; at most %2 site/location combinations are allowed "
                    "per query.")
                    .arg(tuples.size())
                    .arg(kMaxSiteLocations)};

    Plan &plan = common.plan;
    for (qsizetype i = 0; i < tuples.size(); ++i) {
        const auto tuple = json::stringArray(tuples[i]);
        if (!tuple || tuple->size() != dimensions.size())
            return {{},
                    QStringLiteral("filters.values[%1] must hold %2 values, aligned with filters.dimensions.")
                        .arg(i)
                        .arg(dimensions.size())};
        const int location = m_estate.findLocation(tuple->at(siteColumn), tuple->at(locationColumn));
        if (location < 0)
            continue; // a store we do not know simply has no rows
        Alternative alternative;
        for (qsizetype c = 0; c < dimensions.size(); ++c)
            if (c != siteColumn && c != locationColumn)
                alternative.append({dimensions[c], {tuple->at(c).toLower()}});
        for (const auto &[dimension, filterValues] : std::as_const(common.dimensionFilters))
            if (dimension != SiteId && dimension != LocationId)
                alternative.append({dimension, lowered(filterValues)});
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

QJsonArray QueryEngine::run(const Plan &plan) const
{
    QList<int> groupBy;
    for (int dimension : plan.groupBy)
        if (!groupBy.contains(dimension))
            groupBy.append(dimension);
    if (plan.organizationId.compare(Estate::organizationId(), Qt::CaseInsensitive) != 0)
        return {};

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
    std::map<std::pair<int, QStringList>, std::array<qint64, PhysicalCount>> rows;
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
                auto &sum = rows.try_emplace({p, key}, std::array<qint64, PhysicalCount>{}).first->second;
                const auto cell = m_estate.cell(v, l);
                for (std::size_t m = 0; m < sum.size(); ++m)
                    sum[m] += cell[m];
            }
        }
    }

    QJsonArray out;
    for (const auto &[key, sum] : rows) {
        const QJsonObject quantities = m_model.quantities(sum);
        if (!plan.returnNegative) {
            bool negative = false;
            for (const QJsonValue &source : quantities)
                for (const QJsonValue &value : source.toObject())
                    negative = negative || value.toDouble() < 0;
            if (negative)
                continue;
        }
        QJsonObject dimensions;
        for (qsizetype i = 0; i < groupBy.size(); ++i)
            dimensions.insert(outputName(groupBy[i]), key.second[i]);
        out.append(QJsonObject{{QStringLiteral("productId"), catalogue.products()[key.first].productId},
                               {QStringLiteral("dimensions"), dimensions},
                               {QStringLiteral("quantities"), quantities}});
    }
    return out;
}

} // namespace ivemu
