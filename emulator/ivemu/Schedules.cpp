#include "ivemu/Schedules.h"

#include "ivemu/Estate.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/WriteTarget.h"

#include <QLocale>

namespace ivemu {

namespace {

qint64 cellKey(int variant, int location)
{
    return qint64(variant) * 65536 + location;
}

// yyyy-MM-dd, or JavaScript's toDateString() ("Thu Mar 06 2025"), which a test used successfully (§10.1).
QDate parseDay(const QString &text)
{
    QDate day = QDate::fromString(text.left(10), Qt::ISODate);
    if (!day.isValid())
        day = QLocale::c().toDate(text.simplified(), QStringLiteral("ddd MMM dd yyyy"));
    return day;
}

} // namespace

const ScheduledChanges *Schedules::at(int variant, int location) const
{
    const auto it = m_cells.constFind(cellKey(variant, location));
    return it == m_cells.constEnd() ? nullptr : &*it;
}

WriteResult Schedules::add(const QJsonObject &schedule)
{
    const QString id = json::scalarString(json::value(schedule, QLatin1String("id"))).value_or(QString());
    const auto reject = [&id](const QString &message) {
        return WriteResult{id, 400, message, false, WriteEngine::statusBody(id, 400, message)};
    };
    if (id.isEmpty())
        return reject(QStringLiteral("id is required."));
    if (const LedgerEntry *seen = m_writes.ledger().find(QStringLiteral("changeschedule"), id))
        return {id, 200, {}, true, seen->response};
    const WriteTarget target = resolveWriteTarget(m_writes.estate(), m_writes.model(), schedule);
    if (!target.error.isEmpty())
        return reject(target.error);
    if (target.variants.size() != 1)
        return reject(QStringLiteral("dimensions must name ColorId and SizeId of one variant."));
    const QJsonValue byDate = json::value(schedule, QLatin1String("quantitiesByDate"));
    if (!byDate.isObject() || byDate.toObject().isEmpty())
        return reject(
            QStringLiteral("quantitiesByDate is required: date -> data source -> measure -> number."));
    const QDate first = today(), last = first.addDays(periodDays - 1);
    std::map<QDate, CellQuantities> parsed;
    const QJsonObject dates = byDate.toObject();
    for (auto it = dates.constBegin(); it != dates.constEnd(); ++it) {
        const QDate day = parseDay(it.key());
        if (!day.isValid())
            return reject(
                QStringLiteral("quantitiesByDate key '%1' is not a date (yyyy-MM-dd).").arg(it.key()));
        if (day < first || day > last)
            return reject(
                QStringLiteral("Schedule date %1 is outside the schedule period %2 to %3.")
                    .arg(day.toString(Qt::ISODate), first.toString(Qt::ISODate), last.toString(Qt::ISODate)));
        QList<WriteEngine::Delta> deltas;
        if (QString error =
                m_writes.parseQuantities(QJsonObject{{QStringLiteral("quantities"), it.value()}}, deltas);
            !error.isEmpty())
            return reject(error);
        CellQuantities &sum = parsed[day];
        for (const WriteEngine::Delta &delta : std::as_const(deltas))
            sum[std::size_t(delta.physical)] += delta.value;
    }
    ScheduledChanges &cell = m_cells[cellKey(target.variants.first(), target.location)];
    for (const auto &[day, sum] : parsed)
        for (std::size_t m = 0; m < sum.size(); ++m)
            cell[day][m] += sum[m];
    LedgerEntry entry;
    entry.api = QStringLiteral("changeschedule");
    entry.eventId = id;
    entry.response = WriteEngine::statusBody(id, 200, {});
    m_writes.ledger().record(QStringLiteral("changeschedule"), entry);
    return {id, 200, {}, false, entry.response};
}

QJsonObject Schedules::atpFields(const MeasureModel &model, const QStringList &atpMeasures,
                                 const CellQuantities &now, const ScheduledChanges &changes, QDate today,
                                 int periodDays, QDate from, QDate to)
{
    const auto inRange = [&](QDate day) {
        return (!from.isValid() || day >= from) && (!to.isValid() || day <= to);
    };
    QJsonObject byDate;
    for (const auto &[day, delta] : changes)
        if (inRange(day))
            byDate.insert(day.toString(Qt::ISODate) + QStringLiteral("T00:00:00"), model.quantities(delta));

    // projected[d] = now + sum of the changes up to d; atp[d] = min of projected from d to the period's end.
    QList<QDate> days;
    for (int i = 0; i < periodDays; ++i)
        days.append(today.addDays(i));
    QJsonObject atp;
    for (const QString &measure : atpMeasures) {
        QList<qint64> projected;
        CellQuantities running = now;
        for (const QDate &day : std::as_const(days)) {
            if (const auto it = changes.find(day); it != changes.end())
                for (std::size_t m = 0; m < running.size(); ++m)
                    running[m] += it->second[m];
            projected.append(model.evaluate(measure, running).value_or(0));
        }
        for (qsizetype i = projected.size() - 2; i >= 0; --i)
            projected[i] = qMin(projected[i], projected[i + 1]);
        const qsizetype dot = measure.indexOf(u'.');
        for (qsizetype i = 0; i < days.size(); ++i) {
            if (!inRange(days[i]))
                continue;
            const QString key = days[i].toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
            QJsonObject perDay = atp.value(key).toObject();
            QJsonObject source = perDay.value(measure.left(dot)).toObject();
            source.insert(measure.mid(dot + 1), projected[i]);
            perDay.insert(measure.left(dot), source);
            atp.insert(key, perDay);
        }
    }
    return {{QStringLiteral("quantitiesByDate"), byDate}, {QStringLiteral("atpQuantities"), atp}};
}

} // namespace ivemu
