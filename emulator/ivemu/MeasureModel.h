// Data sources, physical measures and calculated measures of the demo
// environment, as configuration data (§15.3, §15.4). Only physical measures
// are stored; calculated ones are evaluated whenever a query asks.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
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
};

class MeasureModel
{
public:
    MeasureModel(); // the demo configuration

    const QList<DataSource> &sources() const { return m_sources; }
    const DataSource *source(const QString &name) const; // case-insensitive

    // "source.measure" (any case) for a physical or calculated measure; nullopt if unknown.
    std::optional<qint64> evaluate(const QString &qualifiedName, std::span<const qint64> cell) const;

    // {source: {measure: value}} for a row, every configured measure included.
    QJsonObject quantities(std::span<const qint64> cell) const;

    // Lowercase "source.measure" of a physical index.
    QString qualifiedName(int physical) const;

    // The §14 configuration document.
    QJsonObject configuration(const QString &environmentId) const;

private:
    static qint64 value(const CalculatedMeasure &measure, std::span<const qint64> cell);

    QList<DataSource> m_sources;
    QString m_physicalNames[PhysicalCount];
};

} // namespace ivemu
