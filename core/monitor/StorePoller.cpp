#include "monitor/StorePoller.h"

#include "common/Logging.h"
#include "iv/IvClient.h"

#include <QRandomGenerator>
#include <algorithm>

namespace ivcore {

namespace {
constexpr std::chrono::milliseconds kMaxBackoff = std::chrono::minutes(5);
}

StorePoller::StorePoller(IvClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StorePoller::poll);
}

void StorePoller::setStore(const StoreLocation &store, const QStringList &groupBy)
{
    m_store = store;
    m_groupBy = groupBy;
    ++m_generation;
    m_inFlight = false; // an answer for the old store will be dropped
    m_failures = 0;
    if (!m_paused)
        scheduleNext(std::chrono::milliseconds(0));
}

void StorePoller::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(500));
}

void StorePoller::start()
{
    m_paused = false;
    scheduleNext(std::chrono::milliseconds(0));
}

void StorePoller::pause()
{
    m_paused = true;
    m_timer.stop();
    m_nextPollAt = {};
}

void StorePoller::refreshNow()
{
    if (!m_inFlight)
        scheduleNext(std::chrono::milliseconds(0));
}

QDateTime StorePoller::nextPollAt() const
{
    return m_inFlight ? QDateTime() : m_nextPollAt;
}

void StorePoller::scheduleNext(std::chrono::milliseconds delay)
{
    m_nextPollAt = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
    m_timer.start(delay);
}

std::chrono::milliseconds StorePoller::backoffDelay() const
{
    // Exponential from the interval, capped, with ±20 % jitter so that many
    // clients do not come back in step.
    const int exponent = std::min(m_failures - 1, 6);
    const auto base = std::min<std::chrono::milliseconds>(m_interval * (1 << exponent), kMaxBackoff);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(static_cast<qint64>(static_cast<double>(base.count()) * jitter));
}

void StorePoller::poll()
{
    if (m_inFlight || m_store.locationId.isEmpty())
        return;
    m_inFlight = true;
    m_nextPollAt = {};
    const quint64 generation = m_generation;
    const StoreLocation store = m_store;
    const QStringList groupBy = m_groupBy;
    emit pollStarted(store);

    ExactOnhandQuery query;
    query.organizationId = store.organizationId;
    query.locations = {store.key()};
    query.groupBy = groupBy;
    m_client->exactQuery(query, this, [this, generation, store, groupBy](const Result<OnhandAnswer> &answer) {
        if (generation != m_generation)
            return; // the user moved on to another store
        m_inFlight = false;
        if (!answer) {
            ++m_failures;
            if (!m_paused)
                scheduleNext(backoffDelay());
            emit pollFailed(store, answer.problem());
            return;
        }
        m_failures = 0;
        if (!m_paused)
            scheduleNext(m_interval);
        auto snapshot = std::make_shared<const Snapshot>(
            makeSnapshot(answer.value().rows, groupBy, answer.value().receivedAt));
        emit snapshotReady(store, snapshot);
    });
}

} // namespace ivcore
