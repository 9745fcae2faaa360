// On-hand change schedules and ATP (§10): dated changes per cell that never
// touch actual on-hand, and the projected/ATP figures a QueryATP query adds.
#pragma once

#include "ivemu/MeasureModel.h"
#include "ivemu/WriteEngine.h"

#include <QDate>
#include <QHash>
#include <array>
#include <map>

namespace ivemu {

using CellQuantities = std::array<qint64, PhysicalCount>;
using ScheduledChanges = std::map<QDate, CellQuantities>; // day -> physical deltas

class Schedules
{
public:
    explicit Schedules(WriteEngine &writes) : m_writes(writes) {}

    // One change schedule (§10.1); the date must lie in [today, today + period - 1].
    WriteResult add(const QJsonObject &schedule);
    const ScheduledChanges *at(int variant, int location) const;

    int periodDays = 7;      // scheduleConfiguration.schedulePeriodInDays
    QStringList atpMeasures; // "source.calculated" measures ATP is computed for

    // §10.4 for one row: `quantitiesByDate` and `atpQuantities`, dates within [from, to] (invalid = open).
    static QJsonObject atpFields(const MeasureModel &model, const QStringList &atpMeasures,
                                 const CellQuantities &now, const ScheduledChanges &changes, QDate today,
                                 int periodDays, QDate from, QDate to);
    static QDate today() { return QDateTime::currentDateTimeUtc().date(); }

private:
    WriteEngine &m_writes;
    QHash<qint64, ScheduledChanges> m_cells; // variant * 65536 + location
};

} // namespace ivemu
