#include "ivemu/EntraTokenEndpoint.h"

#include "ivemu/DeviceCodeEndpoint.h"
#include "ivemu/Directory.h"
#include "ivemu/EntraErrors.h"
#include "ivemu/EntraRequest.h"
#include "ivemu/TokenRegistry.h"

#include <QJsonObject>

namespace ivemu {

namespace {

const QLatin1String kClientCredentials("client_credentials");
const QLatin1String kDeviceCodeGrant("urn:ietf:params:oauth:grant-type:device_code");
constexpr int kThrottleRetryAfterSeconds = 5;

HttpReply resourceNotFound(const QDateTime &now, const QString &resource, const QString &tenant)
{
    return entra::error(
        now, 400, QStringLiteral("invalid_resource"), 500011,
        QStringLiteral(
            "The resource principal named %1 was not found in the tenant named %2. This can happen if "
            "the application has not been installed by the administrator of the tenant or consented "
            "to by any user in the tenant. You might have sent your authentication request to the "
            "wrong tenant.")
            .arg(resource, tenant));
}

} // namespace

EntraTokenEndpoint::EntraTokenEndpoint(TokenRegistry &tokens, const TenantDirectory &directory,
                                       DeviceCodeEndpoint &deviceCodes, int lifetimeSeconds)
    : m_tokens(tokens), m_directory(directory), m_deviceCodes(deviceCodes), m_lifetimeSeconds(lifetimeSeconds)
{}

std::optional<HttpReply> EntraTokenEndpoint::refuse(const QHttpServerRequest &request, const QString &tenant)
{
    const QDateTime now = m_tokens.now();
    if (request.method() != QHttpServerRequest::Method::Post)
        return entra::postOnly(now, request);
    if (m_throttledRequests > 0) {
        --m_throttledRequests;
        // The §2.1 table gives no `error` for 90055; temporarily_unavailable is RFC 6749's word for it [I].
        HttpReply reply = entra::error(
            now, 429, QStringLiteral("temporarily_unavailable"), 90055,
            QStringLiteral("Too many requests to tenant '%1'. Please try again later.").arg(tenant));
        reply.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(kThrottleRetryAfterSeconds)});
        return reply;
    }
    return entra::checkTenant(now, tenant);
}

std::optional<HttpReply> EntraTokenEndpoint::authenticateClient(const EntraRequest &form,
                                                                const QString &tenant) const
{
    const QDateTime now = m_tokens.now();
    const QString grantType = form.field("grant_type");
    if (grantType.isEmpty())
        return entra::missingField(now, QStringLiteral("grant_type"));
    if (grantType != kClientCredentials)
        return entra::error(
            now, 400, QStringLiteral("unsupported_grant_type"), 70003,
            QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    if (form.clientId.isEmpty())
        return entra::missingField(now, QStringLiteral("client_id"));
    const AppRegistration *app = m_directory.findApp(form.clientId);
    if (!app)
        return entra::unknownClient(now, form.clientId, tenant);
    return entra::checkClientSecret(now, m_directory, *app, form.clientSecret);
}

HttpReply EntraTokenEndpoint::handle(const QHttpServerRequest &request, const QString &tenant)
{
    if (auto refusal = refuse(request, tenant))
        return *refusal;
    const EntraRequest form = EntraRequest::parse(request);
    if (form.field("grant_type") == kDeviceCodeGrant)
        return m_deviceCodes.redeem(form, tenant);
    if (auto failure = authenticateClient(form, tenant))
        return *failure;

    const QDateTime now = m_tokens.now();
    const QString scope = form.field("scope").trimmed();
    if (scope.isEmpty())
        return entra::missingField(now, QStringLiteral("scope"));
    if (!scope.endsWith(QLatin1String("/.default"), Qt::CaseInsensitive) || scope.contains(u' '))
        return entra::error(
            now, 400, QStringLiteral("invalid_scope"), 1002012,
            QStringLiteral(
                "The provided value for scope %1 is not valid. Client credential flows must have a "
                "scope value with /.default suffixed to the resource identifier (application ID "
                "URI).")
                .arg(scope));
    const QString resource = scope.chopped(int(qstrlen("/.default")));
    const QString audience = entra::audienceOfResource(resource);
    if (audience.isEmpty() && entra::isApplicationIdResource(resource))
        return resourceNotFound(now, resource, tenant);
    if (audience.isEmpty())
        return entra::error(
            now, 400, QStringLiteral("invalid_scope"), 70011,
            QStringLiteral(
                "The provided request must include a 'scope' input parameter. The provided value for "
                "the input parameter 'scope' is not valid. The scope %1 is not valid.")
                .arg(scope));

    const DemoCredentials demo = directory::demoCredentials();
    const QString token =
        m_tokens.issue({audience, demo.tenantId, m_directory.findApp(form.clientId)->clientId, {}, {}, {}},
                       m_lifetimeSeconds);
    const QJsonObject success{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                              {QStringLiteral("expires_in"), m_lifetimeSeconds},
                              {QStringLiteral("ext_expires_in"), m_lifetimeSeconds},
                              {QStringLiteral("access_token"), token}};
    return HttpReply::json(QJsonDocument(success));
}

HttpReply EntraTokenEndpoint::handleV1(const QHttpServerRequest &request, const QString &tenant)
{
    if (auto refusal = refuse(request, tenant))
        return *refusal;
    const EntraRequest form = EntraRequest::parse(request);
    if (auto failure = authenticateClient(form, tenant))
        return *failure;

    const QDateTime now = m_tokens.now();
    const QString resource = form.field("resource").trimmed();
    if (resource.isEmpty())
        return entra::missingField(now, QStringLiteral("resource"));
    const QString audience = entra::audienceOfResource(resource);
    if (audience.isEmpty())
        return resourceNotFound(now, resource, tenant);

    const DemoCredentials demo = directory::demoCredentials();
    const QString token =
        m_tokens.issue({audience, demo.tenantId, m_directory.findApp(form.clientId)->clientId, {}, {}, {}},
                       m_lifetimeSeconds);
    // v1 writes every number as a string, as the IV article prints `"expires_in": "3599"` (§2.1).
    const QString lifetime = QString::number(m_lifetimeSeconds);
    const QJsonObject success{
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), lifetime},
        {QStringLiteral("ext_expires_in"), lifetime},
        {QStringLiteral("expires_on"), QString::number(now.toSecsSinceEpoch() + m_lifetimeSeconds)},
        {QStringLiteral("not_before"), QString::number(now.toSecsSinceEpoch())},
        {QStringLiteral("resource"), resource},
        {QStringLiteral("access_token"), token}};
    return HttpReply::json(QJsonDocument(success));
}

} // namespace ivemu
