// MeasureModel::fromConfiguration: reads §14's inventorySystemConfigurations.
#include "ivemu/Dimensions.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"

#include <QJsonArray>

namespace ivemu {

std::optional<MeasureModel> MeasureModel::fromConfiguration(const QJsonObject &systems, QString *error)
{
    const MeasureModel storage; // the emulator stores exactly the demo's physical measures
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    MeasureModel model;
    model.m_sources.clear();
    for (auto it = systems.constBegin(); it != systems.constEnd(); ++it) {
        if (!it.value().isObject())
            return fail(QStringLiteral("inventorySystemConfigurations.%1 must be an object.").arg(it.key()));
        const QJsonObject system = it.value().toObject();
        DataSource source;
        source.name = it.key().toLower();
        const auto physical = json::stringArray(json::value(system, QLatin1String("physicalMeasures")));
        if (!physical)
            return fail(
                QStringLiteral("inventorySystemConfigurations.%1.physicalMeasures must be an array of "
                               "names.")
                    .arg(it.key()));
        for (const QString &measure : *physical) {
            const int index = storage.physicalIndex(source.name, measure);
            if (index < 0)
                return fail(
                    QStringLiteral("Physical measure %1.%2 is not one the emulator stores (%3 only).")
                        .arg(source.name, measure, storage.physicalNames().join(QStringLiteral(", "))));
            source.physical.append(index);
        }
        const QJsonObject mappings = json::value(system, QLatin1String("dimensionMappings")).toObject();
        for (auto m = mappings.constBegin(); m != mappings.constEnd(); ++m) {
            if (dimensions::resolve(m.value().toString(), nullptr) < 0)
                return fail(
                    QStringLiteral("dimensionMappings.%1 maps to '%2', which is not a base dimension.")
                        .arg(m.key(), m.value().toString()));
            source.dimensionMappings.append({m.key().toLower(), m.value().toString().toLower()});
        }
        model.m_sources.append(source);
    }
    // Calculated measures and reservation mappings refer to physical measures of any source.
    for (auto it = systems.constBegin(); it != systems.constEnd(); ++it) {
        DataSource &source = model.m_sources[std::distance(systems.constBegin(), it)];
        const QJsonObject calculated =
            json::value(it.value().toObject(), QLatin1String("calculatedMeasures")).toObject();
        for (auto c = calculated.constBegin(); c != calculated.constEnd(); ++c) {
            CalculatedMeasure measure{c.key().toLower(), {}, {}};
            for (const auto &[key, target] :
                 {std::pair{QLatin1String("additionModifiers"), &measure.add},
                  std::pair{QLatin1String("subtractionModifiers"), &measure.subtract}}) {
                const auto references = json::stringArray(json::value(c.value().toObject(), key));
                for (const QString &reference : references.value_or(QStringList())) {
                    const qsizetype dot = reference.indexOf(u'.');
                    const int index =
                        dot > 0 ? model.physicalIndex(reference.left(dot), reference.mid(dot + 1)) : -1;
                    if (index < 0)
                        return fail(
                            QStringLiteral("Calculated measure %1.%2: '%3' is not a configured physical "
                                           "measure (use source.measure; calculated measures may not "
                                           "refer to calculated measures).")
                                .arg(source.name, measure.name, reference));
                    target->append(index);
                }
            }
            source.calculated.append(measure);
        }
    }
    for (auto it = systems.constBegin(); it != systems.constEnd(); ++it) {
        DataSource &source = model.m_sources[std::distance(systems.constBegin(), it)];
        const QJsonObject reserv =
            json::value(it.value().toObject(), QLatin1String("reservMappings")).toObject();
        for (auto r = reserv.constBegin(); r != reserv.constEnd(); ++r) {
            const QString target = r.value().toString().toLower();
            const qsizetype dot = target.indexOf(u'.');
            const DataSource *owner = dot > 0 ? model.source(target.left(dot)) : nullptr;
            const bool known = owner && std::any_of(owner->calculated.begin(), owner->calculated.end(),
                                                    [&](const CalculatedMeasure &m) {
                                                        return m.name == target.mid(dot + 1);
                                                    });
            if (model.physicalIndex(source.name, r.key()) < 0 || !known)
                return fail(
                    QStringLiteral("reservMappings.%1 must map a physical measure of %2 to a calculated "
                                   "measure (source.measure); '%3' is not one.")
                        .arg(r.key(), source.name, r.value().toString()));
            source.reservMappings.append({r.key().toLower(), target});
        }
    }
    return model;
}

} // namespace ivemu
