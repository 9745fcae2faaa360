// The two-hop sign-in for Inventory Visibility: an Entra client-credentials
// token, exchanged at the IV security service for an IV token. The IV token is
// cached and refreshed before it expires; concurrent callers share one fetch.
#pragma once

#include "auth/AccessToken.h"
#include "auth/ClientCredentials.h"
#include "auth/EntraTokenClient.h"
#include "auth/TokenCache.h"
#include "common/Result.h"

#include <QObject>
#include <functional>
#include <optional>

namespace ivcore {

class HttpClient;

class TokenProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = TokenCache::Callback;
    using Clock = TokenCache::Clock;

    TokenProvider(HttpClient *http, AuthEndpoints endpoints, QString environmentId,
                  ClientCredentials credentials, QObject *parent = nullptr);

    // Answers from the cache while the token is fresh, otherwise fetches a new
    // one; every caller waiting meanwhile gets the same result. `done` is
    // dropped if `context` (required) is destroyed before the answer.
    void requestToken(QObject *context, Callback done);

    // Forget the cached token (the service answered 401 to it).
    void invalidate() { m_cache.invalidate(); }

    std::optional<AccessToken> currentToken() const { return m_cache.token(); }
    int exchangesCompleted() const { return m_cache.fetchesCompleted(); }
    void setClock(Clock clock);

signals:
    void tokenRefreshed(const QDateTime &expiresAt);

private:
    void exchangeForIvToken(const AccessToken &entraToken);
    void complete(const Result<AccessToken> &result);

    HttpClient *m_http;
    EntraTokenClient m_entra;
    QUrl m_securityServiceTokenUrl;
    QString m_environmentId;
    TokenCache m_cache;
};

} // namespace ivcore
