#include "ivemu/Configuration.h"

#include "ivemu/Dimensions.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"

#include <QJsonArray>

namespace ivemu {

namespace {

const QLatin1String kReservConfiguration("reservConfiguration");

bool isPartitionDimension(int dimension)
{
    return dimension == dimensions::SiteId || dimension == dimensions::LocationId;
}

} // namespace

Configuration::Configuration(MeasureModel &model, const QString &environmentId) : m_model(model)
{
    m_document = model.configuration(environmentId);
    // §8.4's default reservation hierarchy: SiteId, LocationId, ColorId, SizeId.
    m_reservationHierarchy = {dimensions::ColorId, dimensions::SizeId};
    QJsonObject reserv = m_document.value(kReservConfiguration).toObject();
    reserv.insert(QStringLiteral("keys"), QJsonArray{QStringLiteral("siteid"), QStringLiteral("locationid"),
                                                     QStringLiteral("colorid"), QStringLiteral("sizeid")});
    m_document.insert(kReservConfiguration, reserv);
    // [I] ATP on the demo's available-to-reserve measure, 7-day legacy period (§10.2).
    m_document.insert(QStringLiteral("scheduleConfiguration"),
                      QJsonObject{{QStringLiteral("isScheduleEnabled"), true},
                                  {QStringLiteral("isScheduleV2"), false},
                                  {QStringLiteral("schedulePeriodInDays"), 7},
                                  {QStringLiteral("atpCalculatedMeasures"),
                                   QJsonObject{{QStringLiteral("iv"),
                                                QJsonObject{{QStringLiteral("availabletoreserve"), 7}}}}}});
}

QString Configuration::replace(const QJsonObject &document, const QString &pathEnvironmentId, bool hasData)
{
    const QJsonValue systems = json::value(document, QLatin1String("inventorySystemConfigurations"));
    if (!systems.isObject())
        return QStringLiteral("inventorySystemConfigurations is required and must be an object.");
    QString error;
    const auto model = MeasureModel::fromConfiguration(systems.toObject(), &error);
    if (!model)
        return error;

    const QJsonValue index = json::value(document, QLatin1String("indexConfiguration"));
    if (!index.isObject())
        return QStringLiteral("indexConfiguration is required and must be an object.");
    const QJsonValue sets = json::value(index.toObject(), QLatin1String("indexAttributeSets"));
    if (!sets.isUndefined() && !sets.isArray())
        return QStringLiteral("indexConfiguration.indexAttributeSets must be an array.");
    bool hasIndex = false;
    for (const QJsonValue &set : sets.toArray()) {
        const auto keys = json::stringArray(json::value(set.toObject(), QLatin1String("keys")));
        if (!keys)
            return QStringLiteral("Each index attribute set needs keys: an array of dimension names.");
        for (const QString &key : *keys) {
            const int dimension = dimensions::resolve(key, nullptr);
            if (dimension < 0)
                return QStringLiteral("Index key '%1' is not a base dimension.").arg(key);
            if (isPartitionDimension(dimension))
                return QStringLiteral(
                           "Index key '%1' is a partition dimension; partition dimensions must not "
                           "appear in index sets (§15.6).")
                    .arg(key);
        }
        hasIndex = hasIndex || !keys->isEmpty();
    }

    const QJsonObject partition = json::value(document, QLatin1String("partitionConfiguration")).toObject();
    const auto useDimensions = json::boolean(json::value(partition, QLatin1String("useDimensions")));
    const bool byProductId = useDimensions ? !*useDimensions : m_byProductId;
    if (byProductId != m_byProductId && hasData) // F9
        return QStringLiteral(
            "The partition rule cannot change while inventory data exists: delete all inventory "
            "data first (DELETE cleanupalldata), then update the configuration.");

    const QJsonObject reserv = json::value(document, kReservConfiguration).toObject();
    QList<int> hierarchy;
    for (const QString &key :
         json::stringArray(json::value(reserv, QLatin1String("keys"))).value_or(QStringList())) {
        const int dimension = dimensions::resolve(key, nullptr);
        if (dimension < 0)
            return QStringLiteral("reservConfiguration key '%1' is not a base dimension.").arg(key);
        if (!isPartitionDimension(dimension))
            hierarchy.append(dimension);
    }

    const int previousVersion = m_document.value(QLatin1String("configurationVersion")).toInt();
    m_model = *model;
    m_document = document;
    if (json::value(document, QLatin1String("environmentId")).isUndefined())
        m_document.insert(QStringLiteral("environmentId"), pathEnvironmentId);
    m_document.insert(QStringLiteral("configurationVersion"), previousVersion + 1);
    m_byProductId = byProductId;
    m_hasIndexHierarchy = hasIndex;
    m_reservationHierarchy = hierarchy;
    m_reservationVersion =
        json::number(json::value(reserv, QLatin1String("version"))).value_or(0) >= 1 ? 1 : 0;
    return {};
}

QString Configuration::updateEnvironmentId(const QString &oldEnvironmentId, const QString &newEnvironmentId)
{
    const QString current = json::value(m_document, QLatin1String("environmentId")).toString();
    if (oldEnvironmentId.isEmpty())
        return QStringLiteral("oldEnvironmentId is required.");
    if (current.compare(oldEnvironmentId, Qt::CaseInsensitive) != 0)
        return QStringLiteral("The configuration belongs to environment '%1', not '%2'.")
            .arg(current, oldEnvironmentId);
    m_document.insert(QStringLiteral("environmentId"), newEnvironmentId);
    return {};
}

QString Configuration::updatePartitionSchema(const QString &newVersion, bool hasData)
{
    if (newVersion != QLatin1String("2"))
        return QStringLiteral("newversion must be 2.");
    if (hasData)
        return QStringLiteral("Delete all inventory data before switching the partition schema.");
    m_document.insert(QStringLiteral("cachePartitionIdVersion"),
                      QStringLiteral("ByLocationAndProductIdMod64"));
    return {};
}

} // namespace ivemu
