#include "auth/TokenCache.h"

#include <utility>

namespace ivcore {

TokenCache::TokenCache() : m_clock([] { return QDateTime::currentDateTimeUtc(); }) {}

bool TokenCache::request(QObject *context, Callback done)
{
    Q_ASSERT_X(context, "TokenCache::request", "a context object is required");
    if (m_token && m_token->isUsableAt(m_clock())) {
        done(*m_token);
        return false;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_fetching)
        return false;
    m_fetching = true;
    return true;
}

void TokenCache::complete(const Result<AccessToken> &result)
{
    m_fetching = false;
    if (result) {
        m_token = result.value();
        ++m_fetchesCompleted;
    }
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, done] : waiting) {
        if (context)
            done(result);
    }
}

} // namespace ivcore
