#include "ivemu/TokenExchangeEndpoint.h"

#include "ivemu/Directory.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/TokenRegistry.h"

#include <QJsonObject>
#include <QUrl>

namespace ivemu {

namespace {

// Failure bodies of this hop are undocumented (§23.2); shape and statuses are
// the reference's [I] proposal, plus the observed wrong-audience 400 (§24).
HttpReply failure(int status, const QString &error, const QString &description)
{
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), error},
                                                     {QStringLiteral("error_description"), description}}),
                           status);
}

} // namespace

TokenExchangeEndpoint::TokenExchangeEndpoint(TokenRegistry &tokens, int lifetimeSeconds)
    : m_tokens(tokens), m_lifetimeSeconds(lifetimeSeconds)
{}

HttpReply TokenExchangeEndpoint::redirect(const QUrl &gatewayTokenUrl)
{
    HttpReply reply = HttpReply::empty(307);
    reply.headers.append({QByteArrayLiteral("Location"), gatewayTokenUrl.toEncoded()});
    return reply;
}

HttpReply TokenExchangeEndpoint::handle(const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post)
        return failure(405, QStringLiteral("invalid_request"), QStringLiteral("Only POST is supported."));
    const QByteArray apiVersion = headerValue(request, "Api-Version");
    if (!apiVersion.isEmpty() && apiVersion != "1.0") // optional: Microsoft's own tests omit it (§2.2)
        return failure(400, QStringLiteral("invalid_request"),
                       QStringLiteral("Unsupported Api-Version '%1'.").arg(QString::fromLatin1(apiVersion)));

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (!document.isObject())
        return failure(400, QStringLiteral("invalid_request"),
                       QStringLiteral("The body must be a JSON object."));
    const QJsonObject body = document.object();
    const auto field = [&body](const char *key) {
        return json::scalarString(json::value(body, QLatin1String(key))).value_or(QString());
    };

    if (field("grant_type") != QLatin1String("client_credentials"))
        return failure(400, QStringLiteral("unsupported_grant_type"),
                       QStringLiteral("grant_type must be client_credentials."));
    if (field("client_assertion_type") != QLatin1String("aad_app"))
        return failure(400, QStringLiteral("invalid_request"),
                       QStringLiteral("client_assertion_type must be aad_app."));
    if (field("scope").compare(directory::ivExchangeScope(), Qt::CaseInsensitive) != 0)
        return failure(400, QStringLiteral("invalid_scope"),
                       QStringLiteral("scope must be %1.").arg(directory::ivExchangeScope()));
    if (field("context_type").compare(QLatin1String("finops-env"), Qt::CaseInsensitive) != 0)
        return failure(400, QStringLiteral("invalid_request"),
                       QStringLiteral("context_type must be finops-env."));

    const auto assertion = m_tokens.find(field("client_assertion"));
    if (!assertion)
        return failure(401, QStringLiteral("invalid_client"),
                       QStringLiteral("The client assertion is not a valid Entra token or has expired."));
    if (assertion->audience != directory::ivAudience())
        return failure(
            400, QStringLiteral("invalid_client"),
            QStringLiteral("Expected aud %1 but found %2").arg(directory::ivAudience(), assertion->audience));

    const QString environment = field("context");
    const DemoCredentials demo = directory::demoCredentials();
    if (environment.compare(directory::unboundEnvironmentId(), Qt::CaseInsensitive) == 0)
        return failure(401, QStringLiteral("invalid_client"),
                       QStringLiteral("Application %1 is not bound to environment %2.")
                           .arg(assertion->clientId, environment));
    if (environment.compare(demo.environmentId, Qt::CaseInsensitive) != 0 ||
        assertion->tenantId != demo.tenantId)
        return failure(
            401, QStringLiteral("invalid_client"),
            QStringLiteral("Environment '%1' was not found or Inventory Visibility is not installed in it.")
                .arg(environment));

    const QString token = m_tokens.issue(
        {QStringLiteral("iv"), assertion->tenantId, assertion->clientId, demo.environmentId, {}},
        m_lifetimeSeconds);
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("access_token"), token},
                                                     {QStringLiteral("token_type"), QStringLiteral("bearer")},
                                                     {QStringLiteral("expires_in"), m_lifetimeSeconds}}));
}

} // namespace ivemu
