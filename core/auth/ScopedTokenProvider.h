// An Entra client-credentials token for one fixed scope (e.g. Key Vault's
// https://vault.azure.net/.default, reference §2.5): one hop, cached until
// 80 % of its lifetime, and one fetch shared by every caller waiting for it.
#pragma once

#include "auth/EntraTokenClient.h"
#include "auth/TokenCache.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <optional>

namespace ivcore {

class ScopedTokenProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = EntraTokenClient::Callback;
    using Clock = EntraTokenClient::Clock;

    ScopedTokenProvider(HttpClient *http, QUrl authority, ClientCredentials credentials, QString scope,
                        QObject *parent = nullptr);

    // Answers from the cache while the token is fresh, otherwise fetches; every
    // caller waiting meanwhile gets the same result. `done` is dropped if
    // `context` (required) is destroyed before the answer.
    void requestToken(QObject *context, Callback done);

    // Forget the cached token (the service answered 401 to it).
    void invalidate() { m_cache.invalidate(); }

    const QString &scope() const { return m_scope; }
    const ClientCredentials &credentials() const { return m_entra.credentials(); }
    int fetchesCompleted() const { return m_cache.fetchesCompleted(); }
    std::optional<AccessToken> currentToken() const { return m_cache.token(); }
    void setClock(Clock clock);

private:
    void complete(const Result<AccessToken> &result);

    EntraTokenClient m_entra;
    QString m_scope;
    TokenCache m_cache;
};

} // namespace ivcore
