// The cache behind every token provider: hands out a token while it is fresh
// (80 % of its lifetime), and makes concurrent callers share one fetch.
#pragma once

#include "auth/AccessToken.h"
#include "common/Result.h"

#include <QList>
#include <QPointer>
#include <functional>
#include <optional>

namespace ivcore {

class TokenCache
{
public:
    using Callback = std::function<void(const Result<AccessToken> &)>;
    using Clock = std::function<QDateTime()>;

    TokenCache();

    // Answers at once from a fresh token; otherwise queues `done` (dropped if
    // `context`, required, dies first) and returns true when the caller must
    // start the one fetch.
    bool request(QObject *context, Callback done);
    // Stores a fetched token (or not) and answers everyone who waited.
    void complete(const Result<AccessToken> &result);
    void invalidate() { m_token.reset(); }

    std::optional<AccessToken> token() const { return m_token; }
    int fetchesCompleted() const { return m_fetchesCompleted; }
    QDateTime now() const { return m_clock(); }
    void setClock(Clock clock) { m_clock = std::move(clock); }

private:
    Clock m_clock;
    std::optional<AccessToken> m_token;
    bool m_fetching = false;
    int m_fetchesCompleted = 0;
    QList<QPair<QPointer<QObject>, Callback>> m_waiting;
};

} // namespace ivcore
