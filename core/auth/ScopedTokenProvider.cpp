#include "auth/ScopedTokenProvider.h"

#include "common/Logging.h"

namespace ivcore {

ScopedTokenProvider::ScopedTokenProvider(HttpClient *http, QUrl authority, ClientCredentials credentials,
                                         QString scope, QObject *parent)
    : QObject(parent), m_entra(http, std::move(authority), std::move(credentials)), m_scope(std::move(scope))
{}

void ScopedTokenProvider::setClock(Clock clock)
{
    m_entra.setClock(clock);
    m_cache.setClock(std::move(clock));
}

void ScopedTokenProvider::requestToken(QObject *context, Callback done)
{
    if (!m_cache.request(context, std::move(done)))
        return;
    m_entra.requestToken(m_scope, this, [this](const Result<AccessToken> &result) {
        if (result)
            qCDebug(lcAuth) << "token for" << m_scope << "valid until" << result.value().expiresAt;
        else
            qCWarning(lcAuth).noquote() << result.problem().summary() << result.problem().detail;
        m_cache.complete(result);
    });
}

} // namespace ivcore
