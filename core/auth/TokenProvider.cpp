#include "auth/TokenProvider.h"

#include "auth/TokenResponses.h"
#include "common/Logging.h"
#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ivcore {

TokenProvider::TokenProvider(HttpClient *http, AuthEndpoints endpoints, QString environmentId,
                             ClientCredentials credentials, QObject *parent)
    : QObject(parent), m_http(http), m_entra(http, endpoints.authority, std::move(credentials)),
      m_securityServiceTokenUrl(std::move(endpoints.securityServiceTokenUrl)),
      m_environmentId(std::move(environmentId))
{}

void TokenProvider::setClock(Clock clock)
{
    m_entra.setClock(clock);
    m_cache.setClock(std::move(clock));
}

void TokenProvider::requestToken(QObject *context, Callback done)
{
    if (!m_cache.request(context, std::move(done)))
        return;
    qCDebug(lcAuth) << "requesting an Entra token for client" << m_entra.credentials().clientId;
    m_entra.requestToken(QString::fromLatin1(kIvResourceScope), this,
                         [this](const Result<AccessToken> &token) {
                             if (token)
                                 exchangeForIvToken(token.value());
                             else
                                 complete(token.problem());
                         });
}

void TokenProvider::exchangeForIvToken(const AccessToken &entraToken)
{
    QJsonObject body{
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
        {QStringLiteral("client_assertion_type"), QStringLiteral("aad_app")},
        {QStringLiteral("client_assertion"), QString::fromUtf8(entraToken.value)},
        {QStringLiteral("scope"), QString::fromLatin1(kIvServiceScope)},
        {QStringLiteral("context"), m_environmentId},
        {QStringLiteral("context_type"), QStringLiteral("finops-env")},
    };
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = m_securityServiceTokenUrl;
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("Api-Version"), QByteArrayLiteral("1.0")}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.retry = RetryPolicy::idempotent(); // a token request changes nothing
    m_http->send(request, this, [this](const HttpResponse &response) {
        if (!response.isSuccess()) {
            complete(problemFromTokenExchangeError(response, m_environmentId));
            return;
        }
        complete(parseTokenBody(response.body, m_cache.now(),
                                QStringLiteral("Could not get an Inventory Visibility token")));
    });
}

void TokenProvider::complete(const Result<AccessToken> &result)
{
    if (result)
        qCDebug(lcAuth) << "IV token valid until" << result.value().expiresAt;
    else
        qCWarning(lcAuth).noquote() << result.problem().summary() << result.problem().detail;
    m_cache.complete(result);
    if (result)
        emit tokenRefreshed(result.value().expiresAt);
}

} // namespace ivcore
