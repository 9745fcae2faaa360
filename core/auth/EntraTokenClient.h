// One Entra client-credentials request (hop 1 of reference §2.1) for any
// scope. No cache: ScopedTokenProvider (and later TokenProvider) keep the
// tokens; this only knows how to ask for one and read the answer.
#pragma once

#include "auth/AccessToken.h"
#include "auth/ClientCredentials.h"
#include "common/Result.h"

#include <QDateTime>
#include <QUrl>
#include <functional>

class QObject;

namespace ivcore {

class HttpClient;

class EntraTokenClient
{
public:
    using Callback = std::function<void(const Result<AccessToken> &)>;
    using Clock = std::function<QDateTime()>;

    EntraTokenClient(HttpClient *http, QUrl authority, ClientCredentials credentials);

    // POSTs {authority}/{tenant}/oauth2/v2.0/token with `scope`; `done` is
    // dropped if `context` is destroyed first. Errors go through
    // problemFromEntraError, so AADSTS codes become advice.
    void requestToken(const QString &scope, QObject *context, Callback done) const;

    const ClientCredentials &credentials() const { return m_credentials; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

private:
    QUrl tokenUrl() const;

    HttpClient *m_http;
    QUrl m_authority;
    ClientCredentials m_credentials;
    Clock m_clock;
};

} // namespace ivcore
