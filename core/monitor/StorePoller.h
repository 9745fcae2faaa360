// Polls the on-hand of one store at a steady interval: at most one request in
// flight, a failed poll backs off with jitter, and an answer that arrives for
// a store no longer selected is dropped.
#pragma once

#include "common/Problem.h"
#include "monitor/Snapshot.h"
#include "profile/Profile.h"

#include <QObject>
#include <QTimer>
#include <chrono>
#include <memory>

namespace ivcore {

class IvClient;

class StorePoller : public QObject
{
    Q_OBJECT
public:
    explicit StorePoller(IvClient *client, QObject *parent = nullptr);

    void setStore(const StoreLocation &store, const QStringList &groupBy);
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }

    void start(); // polls now, then every interval
    void pause();
    void refreshNow(); // skipped while a poll is in flight
    bool isPaused() const { return m_paused; }
    bool isPolling() const { return m_inFlight; }
    int consecutiveFailures() const { return m_failures; }
    // When the next poll is due; invalid while paused or polling.
    QDateTime nextPollAt() const;

signals:
    void pollStarted(const ivcore::StoreLocation &store);
    void snapshotReady(const ivcore::StoreLocation &store, std::shared_ptr<const ivcore::Snapshot> snapshot);
    void pollFailed(const ivcore::StoreLocation &store, const ivcore::Problem &problem);

private:
    void poll();
    void scheduleNext(std::chrono::milliseconds delay);
    std::chrono::milliseconds backoffDelay() const;

    IvClient *m_client;
    StoreLocation m_store;
    QStringList m_groupBy;
    std::chrono::milliseconds m_interval{30000};
    QTimer m_timer;
    QDateTime m_nextPollAt;
    quint64 m_generation = 0; // bumped when the store changes
    bool m_inFlight = false;
    bool m_paused = true;
    int m_failures = 0;
};

} // namespace ivcore
