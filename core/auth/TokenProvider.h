// The two-hop sign-in for Inventory Visibility: an Entra client-credentials
// token, exchanged at the IV security service for an IV token. The IV token is
// cached and refreshed before it expires; concurrent callers share one fetch.
#pragma once

#include "auth/AccessToken.h"
#include "auth/ClientCredentials.h"
#include "common/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace ivcore {

class HttpClient;

class TokenProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<AccessToken> &)>;
    using Clock = std::function<QDateTime()>;

    TokenProvider(HttpClient *http, AuthEndpoints endpoints, QString environmentId,
                  ClientCredentials credentials, QObject *parent = nullptr);

    // Answers from the cache while the token is fresh, otherwise fetches a new
    // one; every caller waiting meanwhile gets the same result. `done` is
    // dropped if `context` (required) is destroyed before the answer.
    void requestToken(QObject *context, Callback done);

    // Forget the cached token (the service answered 401 to it).
    void invalidate();

    std::optional<AccessToken> currentToken() const { return m_token; }
    int exchangesCompleted() const { return m_exchangesCompleted; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

signals:
    void tokenRefreshed(const QDateTime &expiresAt);

private:
    void fetchEntraToken();
    void exchangeForIvToken(const AccessToken &entraToken);
    void complete(const Result<AccessToken> &result);

    HttpClient *m_http;
    AuthEndpoints m_endpoints;
    QString m_environmentId;
    ClientCredentials m_credentials;
    Clock m_clock;
    std::optional<AccessToken> m_token;
    bool m_fetching = false;
    int m_exchangesCompleted = 0;
    QList<QPair<QPointer<QObject>, Callback>> m_waiting;
};

} // namespace ivcore
