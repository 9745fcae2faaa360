// Simulated store traffic, like Commerce channels: POS sales and receipts
// through the day, plus online orders that soft-reserve, get edited,
// cancelled or fulfilled, and the odd return. Deterministic for a seed.
// With a writer set, every change goes through the data plane's write engine
// (and reservations through the reservation API), so the ledger sees it.
#pragma once

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace ivemu {

class Estate;
class Reservations;
class WriteEngine;

class TrafficSimulator : public QObject
{
    Q_OBJECT
public:
    TrafficSimulator(Estate &estate, quint32 seed, QObject *parent = nullptr);

    void start(int intervalMs) { m_timer.start(intervalMs); }
    void stop() { m_timer.stop(); }
    // Route changes through the data plane (both outlive the simulator's use of them).
    void setWriter(WriteEngine *writes, Reservations *reservations);

    // One tick: a handful of sales, sometimes a receipt, and some order activity.
    void tick();

    int openOrders() const { return int(m_orders.size()); }

private:
    struct Order
    {
        QString orderId;
        QString reservationId;
        int variant = 0;
        int location = 0;
        int quantity = 0;
    };
    int pickVariant();
    void post(const char *api, int variant, int location, int physical, int delta);
    void placeOrder(int variant, int location, int quantity);
    void release(Order &order, int quantity, const char *why);
    void orderActivity(const QList<int> &stores);

    Estate &m_estate;
    QRandomGenerator m_random;
    QTimer m_timer;
    WriteEngine *m_writes = nullptr;
    Reservations *m_reservations = nullptr;
    QList<Order> m_orders;
    qint64 m_tick = 0;
    qint64 m_events = 0;
};

} // namespace ivemu
