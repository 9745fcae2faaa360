#include "auth/EntraTokenClient.h"

#include "auth/TokenResponses.h"
#include "common/Logging.h"
#include "net/HttpClient.h"

namespace ivcore {

namespace {

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

} // namespace

EntraTokenClient::EntraTokenClient(HttpClient *http, QUrl authority, ClientCredentials credentials)
    : m_http(http), m_authority(std::move(authority)), m_credentials(std::move(credentials)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

QUrl EntraTokenClient::tokenUrl() const
{
    QUrl url = m_authority;
    const QString base = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    url.setPath(base + QLatin1Char('/') + m_credentials.tenantId + QStringLiteral("/oauth2/v2.0/token"));
    return url;
}

void EntraTokenClient::requestToken(const QString &scope, QObject *context, Callback done) const
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = tokenUrl();
    request.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}};
    request.body = formField("client_id", m_credentials.clientId) + '&' +
                   formField("client_secret", m_credentials.clientSecret) + '&' +
                   formField("grant_type", QStringLiteral("client_credentials")) + '&' +
                   formField("scope", scope);
    request.retry = RetryPolicy::idempotent(); // a token request changes nothing
    qCDebug(lcAuth) << "requesting an Entra token for client" << m_credentials.clientId << "scope" << scope;
    // Copies only: the answer may arrive after this object is gone.
    m_http->send(request, context, [clock = m_clock, done = std::move(done)](const HttpResponse &response) {
        if (!response.isSuccess()) {
            done(problemFromEntraError(response));
            return;
        }
        done(parseTokenBody(response.body, clock(), QStringLiteral("Could not sign in to Microsoft Entra")));
    });
}

} // namespace ivcore
