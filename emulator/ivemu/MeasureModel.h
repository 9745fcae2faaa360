// Data sources, physical measures and calculated measures of the demo
// environment, as configuration data (§15.3, §15.4). Only physical measures
// are stored; calculated ones are evaluated whenever a query asks.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <span>

namespace ivemu {

// Storage order of the physical measures of one (variant, location) cell.
enum Physical : int
{
    FnoAvailPhysical,
    FnoPhysicalInvent,
    FnoReservPhysical,
    FnoOrdered,
    FnoOnOrder,
    PosInbound,
    PosOutbound,
    IvSoftReservPhysical,
    IvAtAllocated,
    PhysicalCount
};

struct CalculatedMeasure
{
    QString name;
    QList<int> add;      // Physical indices
    QList<int> subtract; // Physical indices
};

struct DataSource
{
    QString name;
    QList<int> physical; // Physical indices owned by this source
    QList<CalculatedMeasure> calculated;
    QList<QPair<QString, QString>> dimensionMappings; // source dimension -> base dimension, lowercase
    QList<QPair<QString, QString>> reservMappings;    // physical measure -> "source.calculated" (AFR)
};

class MeasureModel
{
public:
    MeasureModel(); // the demo configuration

    // A model from §14's `inventorySystemConfigurations`, or nullopt with *error
    // naming the problem. Physical measures must be among the emulator's stored
    // ones; calculated measures may refer only to configured physical measures.
    static std::optional<MeasureModel> fromConfiguration(const QJsonObject &systems, QString *error);

    const QList<DataSource> &sources() const { return m_sources; }
    const DataSource *source(const QString &name) const; // case-insensitive

    // "source.measure" (any case) for a physical or calculated measure; nullopt if unknown.
    std::optional<qint64> evaluate(const QString &qualifiedName, std::span<const qint64> cell) const;

    // {source: {measure: value}} for a row, every configured measure included.
    QJsonObject quantities(std::span<const qint64> cell) const;
    // The same, leaving out a physical measure that is zero and not `wanted`, and a
    // calculated measure all of whose operands were left out (§24).
    QJsonObject quantities(std::span<const qint64> cell,
                           const std::function<bool(int physical)> &wanted) const;

    // Physical index of `measure` in data source `source` (any case); -1 if it is not physical there.
    int physicalIndex(const QString &source, const QString &measure) const;

    // "source.measure" of the available-for-reservation measure mapped to a physical measure; "" if none.
    QString reservationMapping(int physical) const;

    // The stored physical measures' names, in storage order.
    QStringList physicalNames() const;

    // Lowercase "source.measure" of a physical index.
    QString qualifiedName(int physical) const;
    // The bare name of a physical index ("availphysical"); the row writer encodes it once per query.
    const QString &physicalName(int physical) const { return m_physicalNames[physical]; }
    // A calculated measure's value for a cell (its operands are physical, §15.4).
    static qint64 value(const CalculatedMeasure &measure, std::span<const qint64> cell);

    // The §14 configuration document.
    QJsonObject configuration(const QString &environmentId) const;

private:
    QList<DataSource> m_sources;
    QString m_physicalNames[PhysicalCount];
};

} // namespace ivemu
