#include "ivemu/WriteTarget.h"

#include "ivemu/Dimensions.h"
#include "ivemu/Estate.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"

namespace ivemu {

WriteTarget resolveWriteTarget(const Estate &estate, const MeasureModel &model, const QJsonObject &event)
{
    WriteTarget target;
    const auto fail = [&target](const QString &message) {
        target.error = message;
        return target;
    };
    const auto organization = json::scalarString(json::value(event, QLatin1String("organizationId")));
    if (!organization || organization->isEmpty())
        return fail(QStringLiteral("organizationId is required."));
    if (organization->compare(Estate::organizationId(), Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("organizationId '%1' is not a legal entity of this environment.")
                        .arg(*organization));
    const auto productId = json::scalarString(json::value(event, QLatin1String("productId")));
    if (!productId || productId->isEmpty())
        return fail(QStringLiteral("productId is required."));
    target.product = estate.catalogue().findProduct(*productId);
    if (target.product < 0)
        return fail(QStringLiteral("productId '%1' is not in the emulator's catalogue.").arg(*productId));

    const DataSource *source = nullptr;
    const QJsonValue sourceName = json::value(event, QLatin1String("dimensionDataSource"));
    if (sourceName.isString() && !sourceName.toString().isEmpty()) {
        source = model.source(sourceName.toString());
        if (!source)
            return fail(QStringLiteral("dimensionDataSource '%1' is not a configured data source.")
                            .arg(sourceName.toString()));
    }
    const QJsonValue dimensionsValue = json::value(event, QLatin1String("dimensions"));
    if (!dimensionsValue.isObject())
        return fail(QStringLiteral("dimensions is required and must be a JSON object."));
    const QJsonObject named = dimensionsValue.toObject();
    QString values[dimensions::StyleId + 1];
    bool given[dimensions::StyleId + 1] = {};
    for (auto it = named.constBegin(); it != named.constEnd(); ++it) {
        const int dimension = dimensions::resolve(it.key(), source);
        const auto value = json::scalarString(it.value());
        if (!value)
            return fail(QStringLiteral("dimensions.%1 must be a string.").arg(it.key()));
        if (dimension < 0 || value->isEmpty())
            continue;
        if (dimension != dimensions::SiteId && dimension != dimensions::LocationId)
            target.namedDimensions.append(dimension);
        if (dimension <= dimensions::StyleId) {
            values[dimension] = *value;
            given[dimension] = true;
        }
    }
    if (!given[dimensions::SiteId] || !given[dimensions::LocationId]) {
        target.missingPartition = true;
        return fail(
            QStringLiteral("dimensions must include siteId and locationId (partition rule By location)."));
    }
    target.location = estate.findLocation(values[dimensions::SiteId], values[dimensions::LocationId]);
    if (target.location < 0)
        return fail(QStringLiteral("siteId '%1' / locationId '%2' is not a store or warehouse of the estate.")
                        .arg(values[dimensions::SiteId], values[dimensions::LocationId]));

    const CatalogueProduct &product = estate.catalogue().products()[target.product];
    for (int v = product.firstVariant; v < product.firstVariant + product.variantCount; ++v) {
        const CatalogueVariant &variant = estate.catalogue().variants()[v];
        if (given[dimensions::ColorId] &&
            variant.colorId.compare(values[dimensions::ColorId], Qt::CaseInsensitive) != 0)
            continue;
        if (given[dimensions::SizeId] &&
            variant.sizeId.compare(values[dimensions::SizeId], Qt::CaseInsensitive) != 0)
            continue;
        if (given[dimensions::StyleId])
            continue; // the estate has no styles
        target.variants.append(v);
    }
    if (target.variants.isEmpty())
        return fail(QStringLiteral("Product '%1' has no variant with the given ColorId/SizeId/StyleId.")
                        .arg(*productId));
    return target;
}

} // namespace ivemu
