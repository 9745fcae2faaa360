#include "auth/ScopedTokenProvider.h"

#include "common/Logging.h"

namespace ivcore {

ScopedTokenProvider::ScopedTokenProvider(HttpClient *http, QUrl authority, ClientCredentials credentials,
                                         QString scope, QObject *parent)
    : QObject(parent), m_entra(http, std::move(authority), std::move(credentials)), m_scope(std::move(scope)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void ScopedTokenProvider::setClock(Clock clock)
{
    m_clock = clock;
    m_entra.setClock(std::move(clock));
}

void ScopedTokenProvider::requestToken(QObject *context, Callback done)
{
    Q_ASSERT_X(context, "ScopedTokenProvider::requestToken", "a context object is required");
    if (m_token && m_token->isUsableAt(m_clock())) {
        done(*m_token);
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_fetching)
        return;
    m_fetching = true;
    m_entra.requestToken(m_scope, this, [this](const Result<AccessToken> &result) { complete(result); });
}

void ScopedTokenProvider::complete(const Result<AccessToken> &result)
{
    m_fetching = false;
    if (result) {
        m_token = result.value();
        ++m_fetchesCompleted;
        qCDebug(lcAuth) << "token for" << m_scope << "valid until" << m_token->expiresAt;
    } else {
        qCWarning(lcAuth).noquote() << result.problem().summary() << result.problem().detail;
    }
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, done] : waiting) {
        if (context)
            done(result);
    }
}

} // namespace ivcore
