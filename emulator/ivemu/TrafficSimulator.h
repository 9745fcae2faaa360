// Simulated store traffic: sales through the day and the odd receipt, so the
// demo's numbers move every second. Deterministic for a seed.
#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace ivemu {

class Estate;

class TrafficSimulator : public QObject
{
    Q_OBJECT
public:
    TrafficSimulator(Estate &estate, quint32 seed, QObject *parent = nullptr);

    void start(int intervalMs) { m_timer.start(intervalMs); }
    void stop() { m_timer.stop(); }

    // One tick: a handful of sales, sometimes a receipt.
    void tick();

private:
    int pickVariant();

    Estate &m_estate;
    QRandomGenerator m_random;
    QTimer m_timer;
};

} // namespace ivemu
