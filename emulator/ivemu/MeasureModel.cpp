#include "ivemu/MeasureModel.h"

#include <QJsonArray>

namespace ivemu {

MeasureModel::MeasureModel()
{
    const auto name = [this](int index, const char *text) {
        m_physicalNames[index] = QLatin1String(text);
    };
    name(FnoAvailPhysical, "availphysical");
    name(FnoPhysicalInvent, "physicalinvent");
    name(FnoReservPhysical, "reservphysical");
    name(FnoOrdered, "ordered");
    name(FnoOnOrder, "onorder");
    name(PosInbound, "inbound");
    name(PosOutbound, "outbound");
    name(IvSoftReservPhysical, "softreservphysical");
    name(IvAtAllocated, "@allocated");

    // Calculated measures may not reference calculated measures (§15.4), so the
    // chained definitions are written out in physical terms:
    //   onhand             = fno.physicalinvent + pos.inbound - pos.outbound
    //   availabletoreserve = onhand - iv.softreservphysical
    //   totalavailable     = availabletoreserve + fno.ordered
    const QList<int> onhandAdd{FnoPhysicalInvent, PosInbound};
    const QList<int> onhandSub{PosOutbound};
    const QList<CalculatedMeasure> ivCalculated{
        {QStringLiteral("onhand"), onhandAdd, onhandSub},
        {QStringLiteral("availabletoreserve"), onhandAdd, onhandSub + QList<int>{IvSoftReservPhysical}},
        {QStringLiteral("totalavailable"), onhandAdd + QList<int>{FnoOrdered},
         onhandSub + QList<int>{IvSoftReservPhysical}},
    };
    const QList<QPair<QString, QString>> fnoMappings{
        {QStringLiteral("inventsiteid"), QStringLiteral("siteid")},
        {QStringLiteral("inventlocationid"), QStringLiteral("locationid")},
        {QStringLiteral("inventcolorid"), QStringLiteral("colorid")},
        {QStringLiteral("inventsizeid"), QStringLiteral("sizeid")},
        {QStringLiteral("inventstyleid"), QStringLiteral("styleid")}};
    m_sources = {
        {QStringLiteral("fno"),
         {FnoAvailPhysical, FnoPhysicalInvent, FnoReservPhysical, FnoOrdered, FnoOnOrder},
         {},
         fnoMappings,
         {}},
        {QStringLiteral("pos"), {PosInbound, PosOutbound}, {}, {}, {}},
        {QStringLiteral("iv"),
         {IvSoftReservPhysical},
         ivCalculated,
         {},
         {{QStringLiteral("softreservphysical"), QStringLiteral("iv.availabletoreserve")}}},
        {QStringLiteral("@iv"), {IvAtAllocated}, {}, {}, {}},
    };
}

const DataSource *MeasureModel::source(const QString &name) const
{
    for (const DataSource &candidate : m_sources)
        if (candidate.name.compare(name, Qt::CaseInsensitive) == 0)
            return &candidate;
    return nullptr;
}

qint64 MeasureModel::value(const CalculatedMeasure &measure, std::span<const qint64> cell)
{
    qint64 total = 0;
    for (int index : measure.add)
        total += cell[std::size_t(index)];
    for (int index : measure.subtract)
        total -= cell[std::size_t(index)];
    return total;
}

std::optional<qint64> MeasureModel::evaluate(const QString &qualifiedName, std::span<const qint64> cell) const
{
    const qsizetype dot = qualifiedName.indexOf(u'.');
    const DataSource *owner = dot > 0 ? source(qualifiedName.left(dot)) : nullptr;
    if (!owner)
        return std::nullopt;
    const QString measure = qualifiedName.mid(dot + 1);
    for (int index : owner->physical)
        if (m_physicalNames[index].compare(measure, Qt::CaseInsensitive) == 0)
            return cell[std::size_t(index)];
    for (const CalculatedMeasure &calculated : owner->calculated)
        if (calculated.name.compare(measure, Qt::CaseInsensitive) == 0)
            return value(calculated, cell);
    return std::nullopt;
}

QJsonObject MeasureModel::quantities(std::span<const qint64> cell) const
{
    QJsonObject out;
    for (const DataSource &source : m_sources) {
        QJsonObject measures;
        for (int index : source.physical)
            measures.insert(m_physicalNames[index], cell[std::size_t(index)]);
        for (const CalculatedMeasure &calculated : source.calculated)
            measures.insert(calculated.name, value(calculated, cell));
        out.insert(source.name, measures);
    }
    return out;
}

int MeasureModel::physicalIndex(const QString &sourceName, const QString &measure) const
{
    if (const DataSource *owner = source(sourceName))
        for (int index : owner->physical)
            if (m_physicalNames[index].compare(measure, Qt::CaseInsensitive) == 0)
                return index;
    return -1;
}

QString MeasureModel::reservationMapping(int physical) const
{
    for (const DataSource &owner : m_sources)
        if (owner.physical.contains(physical))
            for (const auto &[measure, target] : owner.reservMappings)
                if (measure.compare(m_physicalNames[physical], Qt::CaseInsensitive) == 0)
                    return target;
    return {};
}

QJsonObject MeasureModel::quantities(std::span<const qint64> cell,
                                     const std::function<bool(int physical)> &wanted) const
{
    const auto kept = [&](int index) {
        return cell[std::size_t(index)] != 0 || wanted(index);
    };
    QJsonObject out;
    for (const DataSource &source : m_sources) {
        QJsonObject measures;
        for (int index : source.physical)
            if (kept(index))
                measures.insert(m_physicalNames[index], cell[std::size_t(index)]);
        for (const CalculatedMeasure &calculated : source.calculated)
            if (std::any_of(calculated.add.begin(), calculated.add.end(), kept) ||
                std::any_of(calculated.subtract.begin(), calculated.subtract.end(), kept))
                measures.insert(calculated.name, value(calculated, cell));
        if (!measures.isEmpty())
            out.insert(source.name, measures);
    }
    return out;
}

QStringList MeasureModel::physicalNames() const
{
    QStringList names;
    for (int index = 0; index < PhysicalCount; ++index)
        names.append(qualifiedName(index));
    return names;
}

QString MeasureModel::qualifiedName(int physical) const
{
    for (const DataSource &source : m_sources)
        if (source.physical.contains(physical))
            return source.name + u'.' + m_physicalNames[physical];
    return {};
}

QJsonObject MeasureModel::configuration(const QString &environmentId) const
{
    const auto keys = [](std::initializer_list<const char *> names) {
        QJsonArray array;
        for (const char *name : names)
            array.append(QLatin1String(name));
        return array;
    };
    const auto names = [this](const QList<int> &indices) {
        QJsonArray array;
        for (int index : indices)
            array.append(qualifiedName(index));
        return array;
    };
    QJsonObject systems;
    for (const DataSource &source : m_sources) {
        QJsonArray physical;
        for (int index : source.physical)
            physical.append(m_physicalNames[index]);
        QJsonObject calculated;
        for (const CalculatedMeasure &measure : source.calculated)
            calculated.insert(measure.name,
                              QJsonObject{{QStringLiteral("additionModifiers"), names(measure.add)},
                                          {QStringLiteral("subtractionModifiers"), names(measure.subtract)}});
        QJsonObject mappings;
        for (const auto &[from, to] : source.dimensionMappings)
            mappings.insert(from, to);
        QJsonObject reservMappings;
        for (const auto &[measure, target] : source.reservMappings)
            reservMappings.insert(measure, target);
        systems.insert(source.name, QJsonObject{{QStringLiteral("dataSourceName"), source.name},
                                                {QStringLiteral("dimensionMappings"), mappings},
                                                {QStringLiteral("physicalMeasures"), physical},
                                                {QStringLiteral("calculatedMeasures"), calculated},
                                                {QStringLiteral("reservMappings"), reservMappings}});
    }
    // Partition rule "By location"; one index set ColorId, SizeId, StyleId (§15.5, §15.6).
    const QJsonObject index{
        {QStringLiteral("version"), 0},
        {QStringLiteral("partitionKeyAttributes"),
         QJsonObject{{QStringLiteral("setNumber"), 0},
                     {QStringLiteral("keys"), keys({"siteid", "locationid"})}}},
        {QStringLiteral("indexAttributeSets"),
         QJsonArray{QJsonObject{{QStringLiteral("setNumber"), 1},
                                {QStringLiteral("keys"), keys({"colorid", "sizeid", "styleid"})}}}}};
    return {{QStringLiteral("environmentId"), environmentId},
            {QStringLiteral("isUninstalled"), false},
            {QStringLiteral("configurationVersion"), 1},
            {QStringLiteral("indexConfiguration"), index},
            {QStringLiteral("inventorySystemConfigurations"), systems},
            {QStringLiteral("cachePartitionIdVersion"), QStringLiteral("ByLocationAndProductIdMod64")},
            {QStringLiteral("isWHSEnabled"), false},
            {QStringLiteral("entityVersion"), 1},
            {QStringLiteral("reservConfiguration"),
             QJsonObject{{QStringLiteral("isReservEnabled"), true},
                         {QStringLiteral("version"), 0},
                         {QStringLiteral("keys"), keys({"siteid", "locationid"})}}},
            {QStringLiteral("partitionConfiguration"),
             QJsonObject{{QStringLiteral("useProductId"), true}, {QStringLiteral("useDimensions"), true}}}};
}

} // namespace ivemu
