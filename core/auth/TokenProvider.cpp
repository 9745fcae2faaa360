#include "auth/TokenProvider.h"

#include "auth/TokenResponses.h"
#include "common/Logging.h"
#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ivcore {

namespace {

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

} // namespace

TokenProvider::TokenProvider(HttpClient *http, AuthEndpoints endpoints, QString environmentId,
                             ClientCredentials credentials, QObject *parent)
    : QObject(parent), m_http(http), m_endpoints(std::move(endpoints)),
      m_environmentId(std::move(environmentId)), m_credentials(std::move(credentials)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void TokenProvider::requestToken(QObject *context, Callback done)
{
    Q_ASSERT_X(context, "TokenProvider::requestToken", "a context object is required");
    if (m_token && m_token->isUsableAt(m_clock())) {
        done(*m_token);
        return;
    }
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (!m_fetching) {
        m_fetching = true;
        fetchEntraToken();
    }
}

void TokenProvider::invalidate()
{
    m_token.reset();
}

void TokenProvider::fetchEntraToken()
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    QUrl url = m_endpoints.authority;
    const QString base = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    url.setPath(base + QLatin1Char('/') + m_credentials.tenantId + QStringLiteral("/oauth2/v2.0/token"));
    request.url = url;
    request.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};
    request.body = formField("client_id", m_credentials.clientId) + '&' +
                   formField("client_secret", m_credentials.clientSecret) + '&' +
                   formField("grant_type", QStringLiteral("client_credentials")) + '&' +
                   formField("scope", QString::fromLatin1(kIvResourceScope));
    request.retry = RetryPolicy::idempotent(); // a token request changes nothing
    qCDebug(lcAuth) << "requesting an Entra token for client" << m_credentials.clientId;
    m_http->send(request, this, [this](const HttpResponse &response) {
        if (!response.isSuccess()) {
            complete(problemFromEntraError(response));
            return;
        }
        const auto token =
            parseTokenBody(response.body, m_clock(), QStringLiteral("Could not sign in to Microsoft Entra"));
        if (!token) {
            complete(token.problem());
            return;
        }
        exchangeForIvToken(token.value());
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
    request.url = m_endpoints.securityServiceTokenUrl;
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("Api-Version"), QByteArrayLiteral("1.0")}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.retry = RetryPolicy::idempotent();
    m_http->send(request, this, [this](const HttpResponse &response) {
        if (!response.isSuccess()) {
            complete(problemFromTokenExchangeError(response, m_environmentId));
            return;
        }
        complete(parseTokenBody(response.body, m_clock(),
                                QStringLiteral("Could not get an Inventory Visibility token")));
    });
}

void TokenProvider::complete(const Result<AccessToken> &result)
{
    m_fetching = false;
    if (result) {
        m_token = result.value();
        ++m_exchangesCompleted;
        qCDebug(lcAuth) << "IV token valid until" << m_token->expiresAt;
        emit tokenRefreshed(m_token->expiresAt);
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
