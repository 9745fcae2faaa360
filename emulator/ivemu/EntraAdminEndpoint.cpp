#include "ivemu/EntraAdminEndpoint.h"

#include "ivemu/Directory.h"
#include "ivemu/EntraTokenEndpoint.h"

#include <QJsonObject>

namespace ivemu {

namespace {

HttpReply adminError(int status, const QString &message)
{
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}), status);
}

} // namespace

HttpReply entraAdmin(const QHttpServerRequest &request, const QString &action, TenantDirectory &directory,
                     EntraTokenEndpoint &entra, const QDateTime &now)
{
    if (request.method() != QHttpServerRequest::Method::Post)
        return adminError(405, QStringLiteral("Use POST."));
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isObject())
        return adminError(400, QStringLiteral("The body must be a JSON object."));
    const QJsonObject body = document.object();
    if (action.compare(QLatin1String("expire-secret"), Qt::CaseInsensitive) == 0) {
        const QString clientId = body.value(QLatin1String("client_id")).toString();
        if (clientId.isEmpty())
            return adminError(400, QStringLiteral("\"client_id\" is missing."));
        if (!directory.setSecretEndDate(clientId, now))
            return adminError(404, QStringLiteral("No app %1 in this tenant.").arg(clientId));
        return HttpReply::json(
            QJsonDocument(QJsonObject{{QStringLiteral("client_id"), clientId},
                                      {QStringLiteral("secretsEnd"), now.toString(Qt::ISODate)}}));
    }
    if (action.compare(QLatin1String("throttle"), Qt::CaseInsensitive) == 0) {
        const QJsonValue requests = body.value(QLatin1String("requests"));
        if (!requests.isDouble() || requests.toInt(-1) < 0)
            return adminError(400, QStringLiteral("\"requests\" must be a number of requests, 0 or more."));
        entra.throttle(requests.toInt());
        return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("requests"), requests.toInt()}}));
    }
    return adminError(404, QStringLiteral("Unknown action %1: use expire-secret or throttle.").arg(action));
}

} // namespace ivemu
