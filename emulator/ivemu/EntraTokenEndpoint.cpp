#include "ivemu/EntraTokenEndpoint.h"

#include "ivemu/Directory.h"
#include "ivemu/TokenRegistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

namespace ivemu {

namespace {

// Resources this tenant knows, by the identifier used in a scope, with the
// audience their tokens carry. Vault and Graph exist so a client can obtain a
// token for the wrong resource, as users do (§24).
QString audienceOfResource(const QString &resource)
{
    const QString iv = directory::ivResourceId();
    if (resource.compare(iv, Qt::CaseInsensitive) == 0 ||
        resource.compare(QStringLiteral("api://") + iv, Qt::CaseInsensitive) == 0 ||
        resource.compare(directory::ivAudience(), Qt::CaseInsensitive) == 0)
        return directory::ivAudience();
    for (const QString &known :
         {QStringLiteral("https://vault.azure.net"), QStringLiteral("https://graph.microsoft.com")})
        if (resource.compare(known, Qt::CaseInsensitive) == 0)
            return known;
    return {};
}

bool looksLikeTenant(const QString &tenant)
{
    static const QRegularExpression domain(QStringLiteral("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"));
    return !QUuid::fromString(tenant).isNull() || domain.match(tenant).hasMatch();
}

} // namespace

EntraTokenEndpoint::EntraTokenEndpoint(TokenRegistry &tokens, int lifetimeSeconds)
    : m_tokens(tokens), m_lifetimeSeconds(lifetimeSeconds)
{}

HttpReply EntraTokenEndpoint::handle(const QHttpServerRequest &request, const QString &tenant)
{
    const DemoCredentials demo = directory::demoCredentials();
    if (request.method() != QHttpServerRequest::Method::Post)
        return error(400, QStringLiteral("invalid_request"), 900561,
                     QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                         .arg(request.method() == QHttpServerRequest::Method::Get
                                  ? QStringLiteral("GET")
                                  : QStringLiteral("non-POST")));
    if (!looksLikeTenant(tenant))
        return error(
            400, QStringLiteral("invalid_request"), 900023,
            QStringLiteral("Specified tenant identifier '%1' is neither a valid DNS name, nor a valid "
                           "external domain.")
                .arg(tenant));
    if (tenant.compare(demo.tenantId, Qt::CaseInsensitive) != 0 &&
        tenant.compare(directory::tenantDomain(), Qt::CaseInsensitive) != 0)
        return error(
            400, QStringLiteral("invalid_request"), 90002,
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and "
                           "are signing into the correct cloud.")
                .arg(tenant));

    // Form encoding writes spaces as '+', which QUrlQuery would keep literally.
    QByteArray body = request.body();
    body.replace('+', "%20");
    const QUrlQuery form(QString::fromUtf8(body));
    const auto field = [&form](const char *name) {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    QString clientId = field("client_id");
    QString secret = field("client_secret");
    // RFC 6749 §2.3.1: HTTP Basic with URL-encoded id and secret.
    const QByteArray authorization = headerValue(request, "Authorization");
    if (authorization.left(6).compare("basic ", Qt::CaseInsensitive) == 0) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        if (colon > 0) {
            clientId = QUrl::fromPercentEncoding(pair.left(colon));
            secret = QUrl::fromPercentEncoding(pair.mid(colon + 1));
        }
    }

    const auto missing = [this](const QString &name) {
        return error(
            400, QStringLiteral("invalid_request"), 900144,
            QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
    };
    const QString grantType = field("grant_type");
    if (grantType.isEmpty())
        return missing(QStringLiteral("grant_type"));
    if (grantType != QLatin1String("client_credentials"))
        return error(400, QStringLiteral("unsupported_grant_type"), 70003,
                     QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    if (clientId.isEmpty())
        return missing(QStringLiteral("client_id"));
    if (clientId.compare(demo.clientId, Qt::CaseInsensitive) != 0)
        return error(
            400, QStringLiteral("unauthorized_client"), 700016,
            QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can "
                           "happen if the application has not been installed by the administrator of the "
                           "tenant or consented to by any user in the tenant. You may have sent your "
                           "authentication request to the wrong tenant.")
                .arg(clientId, tenant));
    if (secret.isEmpty())
        return error(
            401, QStringLiteral("invalid_client"), 7000218,
            QStringLiteral("The request body must contain the following parameter: 'client_assertion' or "
                           "'client_secret'."));
    if (secret != demo.clientSecret)
        return error(
            401, QStringLiteral("invalid_client"), 7000215,
            QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is "
                           "the client secret value, not the client secret ID, for a secret added to app "
                           "'%1'.")
                .arg(clientId));

    const QString scope = field("scope").trimmed();
    if (scope.isEmpty())
        return missing(QStringLiteral("scope"));
    if (!scope.endsWith(QLatin1String("/.default"), Qt::CaseInsensitive) || scope.contains(u' '))
        return error(
            400, QStringLiteral("invalid_scope"), 1002012,
            QStringLiteral("The provided value for scope %1 is not valid. Client credential flows must have "
                           "a scope value with /.default suffixed to the resource identifier (application "
                           "ID URI).")
                .arg(scope));
    const QString audience = audienceOfResource(scope.chopped(int(qstrlen("/.default"))));
    if (audience.isEmpty())
        return error(
            400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral("The provided request must include a 'scope' input parameter. The provided value "
                           "for the input parameter 'scope' is not valid. The scope %1 is not valid.")
                .arg(scope));

    const QString token = m_tokens.issue({audience, demo.tenantId, demo.clientId, {}, {}}, m_lifetimeSeconds);
    const QJsonObject success{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                              {QStringLiteral("expires_in"), m_lifetimeSeconds},
                              {QStringLiteral("ext_expires_in"), m_lifetimeSeconds},
                              {QStringLiteral("access_token"), token}};
    return HttpReply::json(QJsonDocument(success));
}

HttpReply EntraTokenEndpoint::error(int status, const QString &error, int code,
                                    const QString &description) const
{
    const QString timestamp = m_tokens.now().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u'Z';
    const QString traceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject body{{QStringLiteral("error"), error},
                           {QStringLiteral("error_description"),
                            QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\n"
                                           "Timestamp: %5")
                                .arg(QString::number(code), description, traceId, correlationId, timestamp)},
                           {QStringLiteral("error_codes"), QJsonArray{code}},
                           {QStringLiteral("timestamp"), timestamp},
                           {QStringLiteral("trace_id"), traceId},
                           {QStringLiteral("correlation_id"), correlationId},
                           {QStringLiteral("error_uri"),
                            QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}};
    return HttpReply::json(QJsonDocument(body), status);
}

} // namespace ivemu
