// The on-hand write APIs of one environment: change events (§6), set on-hand
// (§7) and business-layer adjustments (§13.1). Each event is applied at most
// once per ID (§5.3) and recorded in the ledger with what it changed.
#pragma once

#include "ivemu/WriteLedger.h"
#include "ivemu/WriteTarget.h"

#include <QJsonObject>
#include <QSet>
#include <optional>

namespace ivemu {

class Estate;
class MeasureModel;

// The outcome of one event: HTTP-style status plus the body the caller sees.
struct WriteResult
{
    QString id;
    int status = 200; // 200 applied (or a duplicate), else 400
    QString message;
    bool duplicate = false;
    QJsonObject response; // the single-event response body
};

class WriteEngine
{
public:
    WriteEngine(Estate &estate, const MeasureModel &model, WriteLedger &ledger);

    WriteResult changeEvent(const QJsonObject &event);
    WriteResult setOnHand(const QJsonObject &event, const QString &inventorySystem);
    WriteResult adjustment(const QJsonObject &line, bool createWithIVSync);

    // An event generated inside the emulator (traffic, SCM sync): applied and recorded without parsing.
    struct CellDelta
    {
        int variant = 0;
        int location = 0;
        int physical = 0;
        qint64 delta = 0;
    };
    void applyEvent(const QString &api, const QString &eventId, const QList<CellDelta> &deltas);

    // Moves a physical measure of one cell and describes the move for the ledger.
    LedgerChange apply(int variant, int location, int physical, qint64 delta);
    // Whether any write ever moved `physical` for `product` (for omitting untouched measures, §24).
    bool touched(int product, int physical) const;

    WriteLedger &ledger() { return m_ledger; }
    Estate &estate() { return m_estate; }
    const MeasureModel &model() const { return m_model; }

    static constexpr int kMaxBulk = 512;

    // {"id","processingStatus","message","statusCode"} (§5.7 shape, [I] for writes).
    static QJsonObject statusBody(const QString &id, int statusCode, const QString &message,
                                  const QString &processingStatus = {});

    struct Delta
    {
        int physical = -1;
        qint64 value = 0;
    };
    // Parses the event's {"source": {"measure": n}} into physical measures; "" on success.
    QString parseQuantities(const QJsonObject &event, QList<Delta> &out) const;

private:
    // What every write checks first: an id, a replay of one already applied,
    // and one variant at one location. A result means: answer with it.
    std::optional<WriteResult> admit(const QString &api, const QString &id, const QJsonObject &event,
                                     WriteTarget &target) const;
    WriteResult reject(const QString &id, const QString &message) const;
    WriteResult replay(const LedgerEntry &entry) const;

    Estate &m_estate;
    const MeasureModel &m_model;
    WriteLedger &m_ledger;
    QSet<qint64> m_touched; // product * PhysicalCount + physical
};

} // namespace ivemu
