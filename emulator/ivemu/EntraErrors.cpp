#include "ivemu/EntraErrors.h"

#include "ivemu/Directory.h"
#include "ivemu/EntraRequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace ivemu::entra {

HttpReply error(const QDateTime &now, int status, const QString &error, int code, const QString &description)
{
    const QString timestamp = now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u'Z';
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

HttpReply missingField(const QDateTime &now, const QString &name)
{
    return error(now, 400, QStringLiteral("invalid_request"), 900144,
                 QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
}

std::optional<HttpReply> checkTenant(const QDateTime &now, const QString &tenant)
{
    if (!looksLikeTenant(tenant))
        return error(
            now, 400, QStringLiteral("invalid_request"), 900023,
            QStringLiteral("Specified tenant identifier '%1' is neither a valid DNS name, nor a valid "
                           "external domain.")
                .arg(tenant));
    if (!TenantDirectory::isTenant(tenant))
        return error(
            now, 400, QStringLiteral("invalid_request"), 90002,
            QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                           "and are signing into the correct cloud.")
                .arg(tenant));
    return std::nullopt;
}

HttpReply unknownClient(const QDateTime &now, const QString &clientId, const QString &tenant)
{
    return error(
        now, 400, QStringLiteral("unauthorized_client"), 700016,
        QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can "
                       "happen if the application has not been installed by the administrator of the "
                       "tenant or consented to by any user in the tenant. You may have sent your "
                       "authentication request to the wrong tenant.")
            .arg(clientId, tenant));
}

std::optional<HttpReply> checkClientSecret(const QDateTime &now, const TenantDirectory &directory,
                                           const AppRegistration &app, const QString &secret)
{
    if (secret.isEmpty())
        return error(
            now, 401, QStringLiteral("invalid_client"), 7000218,
            QStringLiteral("The request body must contain the following parameter: 'client_assertion' "
                           "or 'client_secret'."));
    switch (directory.checkSecret(app, secret, now)) {
    case SecretCheck::Valid:
        return std::nullopt;
    case SecretCheck::Expired:
        return error(
            now, 401, QStringLiteral("invalid_client"), 7000222,
            QStringLiteral(
                "The provided client secret keys for app '%1' are expired. Visit the Azure portal to "
                "create new keys for your app: https://aka.ms/NewClientSecret, or consider using "
                "certificate credentials for added security: https://aka.ms/certCreds.")
                .arg(app.clientId));
    case SecretCheck::Wrong:
        break;
    }
    return error(
        now, 401, QStringLiteral("invalid_client"), 7000215,
        QStringLiteral(
            "Invalid client secret provided. Ensure the secret being sent in the request is the client "
            "secret value, not the client secret ID, for a secret added to app '%1'.")
            .arg(app.clientId));
}

HttpReply postOnly(const QDateTime &now, const QHttpServerRequest &request)
{
    return error(now, 400, QStringLiteral("invalid_request"), 900561,
                 QStringLiteral("The endpoint only accepts POST requests. Received a %1 request.")
                     .arg(request.method() == QHttpServerRequest::Method::Get ? QStringLiteral("GET")
                                                                              : QStringLiteral("non-POST")));
}

} // namespace ivemu::entra
