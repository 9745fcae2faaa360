#include "ivemu/FaultInjector.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ivemu {

int FaultInjector::add(FaultRule rule)
{
    rule.id = m_nextId++;
    m_rules.append(rule);
    return rule.id;
}

bool FaultInjector::remove(int id)
{
    return m_rules.removeIf([id](const FaultRule &rule) { return rule.id == id; }) > 0;
}

QJsonObject FaultInjector::rulesJson() const
{
    QJsonArray list;
    for (const FaultRule &rule : m_rules)
        list.append(rule.toJson());
    return {{QStringLiteral("faults"), list}};
}

bool FaultInjector::matches(const FaultRule &rule, const QStringList &names, const QString &path)
{
    if (rule.route == QLatin1String("*"))
        return true;
    if (rule.route.startsWith(u'/')) {
        // Anchored and path-aware: '*' does not cross a '/'.
        const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(rule.route),
                                      QRegularExpression::CaseInsensitiveOption);
        return glob.match(path).hasMatch();
    }
    return names.contains(rule.route.toLower());
}

FaultDecision FaultInjector::onRequest(const QStringList &names, const QString &path)
{
    ++m_requests;
    for (const QString &name : names)
        ++m_perRoute[name];

    FaultDecision decision;
    for (FaultRule &rule : m_rules) {
        const bool composable = rule.kind == FaultKind::Latency || rule.kind == FaultKind::ExpireTokens;
        if (decision.fault && !composable)
            continue; // one breaking fault per request; later rules keep their counts
        if (!matches(rule, names, path))
            continue;
        if (rule.probability < 1.0 && m_random.generateDouble() >= rule.probability)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        ++m_fired[faults::kindName(rule.kind)];
        if (rule.kind == FaultKind::Latency)
            decision.latencyMs += rule.param;
        else if (rule.kind == FaultKind::ExpireTokens)
            decision.expireTokens = true;
        else
            decision.fault = rule;
    }
    // A rule whose count is used up is gone, as if deleted.
    m_rules.removeIf([](const FaultRule &rule) { return rule.remaining == 0; });
    return decision;
}

QJsonObject FaultInjector::statsJson() const
{
    QJsonObject routes, fired;
    for (auto it = m_perRoute.cbegin(); it != m_perRoute.cend(); ++it)
        routes.insert(it.key(), it.value());
    for (auto it = m_fired.cbegin(); it != m_fired.cend(); ++it)
        fired.insert(it.key(), it.value());
    return {{QStringLiteral("requests"), m_requests},
            {QStringLiteral("routes"), routes},
            {QStringLiteral("faults"), fired}};
}

void FaultInjector::resetStats()
{
    m_requests = 0;
    m_perRoute.clear();
    m_fired.clear();
}

} // namespace ivemu
