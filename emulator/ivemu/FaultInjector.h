// The active fault rules and the per-route request counters, shared by every
// listener of one emulator. HttpServer asks it once per request what to do;
// handlers never know about faults.
#pragma once

#include "ivemu/FaultPlan.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QStringList>
#include <optional>

namespace ivemu {

// What one request gets: any number of latency and token-expiry rules, and at
// most one fault that replaces or breaks the reply (the first that fires).
struct FaultDecision
{
    int latencyMs = 0;
    bool expireTokens = false;
    std::optional<FaultRule> fault;
};

class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed) : m_random(seed ^ 0xfa017u) {}

    int add(FaultRule rule); // returns the rule's id
    bool remove(int id);
    void clear() { m_rules.clear(); }
    const QList<FaultRule> &rules() const { return m_rules; }
    QJsonObject rulesJson() const; // {"faults":[...]}

    // Counts the request under each of its route names, then decides. A rule
    // matches "*", one of `names` (lowercase) or, for a rule starting with '/',
    // the path as a glob. Probabilities are drawn from the seeded generator.
    FaultDecision onRequest(const QStringList &names, const QString &path);

    // {"requests": n, "routes": {name: n}, "faults": {kind: n}}
    QJsonObject statsJson() const;
    void resetStats();

private:
    static bool matches(const FaultRule &rule, const QStringList &names, const QString &path);

    QList<FaultRule> m_rules;
    int m_nextId = 1;
    QRandomGenerator m_random;
    qint64 m_requests = 0;
    QMap<QString, qint64> m_perRoute;
    QMap<QString, qint64> m_fired;
};

} // namespace ivemu
