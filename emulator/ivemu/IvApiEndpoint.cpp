#include "ivemu/IvApiEndpoint.h"

#include "ivemu/MeasureModel.h"
#include "ivemu/TokenRegistry.h"

namespace ivemu {

IvApiEndpoint::IvApiEndpoint(const TokenRegistry &tokens, const Estate &estate, const MeasureModel &model,
                             QString environmentId)
    : m_tokens(tokens), m_model(model), m_queries(estate, model), m_environmentId(std::move(environmentId))
{}

HttpReply IvApiEndpoint::handle(const QHttpServerRequest &request, const QString &environmentId,
                                const QString &rest)
{
    // Missing, unknown or expired token: 401 with no body (§2.3, F1). The
    // scheme is case-insensitive: Microsoft's tests send "bearer".
    const QByteArray authorization = headerValue(request, "Authorization").trimmed();
    const bool isBearer = authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    const auto grant =
        isBearer ? m_tokens.find(QString::fromLatin1(authorization.mid(7).trimmed())) : std::nullopt;
    if (!grant || grant->audience != QLatin1String("iv")) {
        HttpReply reply = HttpReply::empty(401);
        reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return reply;
    }
    if (environmentId.compare(m_environmentId, Qt::CaseInsensitive) != 0)
        return HttpReply::ivError(404, QStringLiteral("Environment '%1' was not found.").arg(environmentId));
    if (grant->environmentId.compare(environmentId, Qt::CaseInsensitive) != 0)
        return HttpReply::empty(401);

    const QString route = rest.toLower();
    const bool isPost = request.method() == QHttpServerRequest::Method::Post;
    const bool isQuery =
        route == QLatin1String("onhand/indexquery") || route == QLatin1String("onhand/exactquery");
    if (route == QLatin1String("configuration")) {
        if (request.method() != QHttpServerRequest::Method::Get)
            return HttpReply::ivError(405, QStringLiteral("Use GET for configuration."));
        return HttpReply::json(QJsonDocument(m_model.configuration(m_environmentId)));
    }
    if (!isQuery)
        return HttpReply::ivError(
            404, QStringLiteral("No API at /api/environment/%1/%2.").arg(environmentId, rest));
    if (!isPost)
        return HttpReply::ivError(405, QStringLiteral("Use POST for %1.").arg(rest));

    const QByteArray apiVersion = headerValue(request, "Api-Version").trimmed();
    if (apiVersion == "2.0")
        return HttpReply::ivError(400,
                                  QStringLiteral("Api-Version 2.0 is not supported by this emulator yet."));
    if (!apiVersion.isEmpty() && apiVersion != "1.0")
        return HttpReply::ivError(
            400, QStringLiteral("Unsupported Api-Version '%1'.").arg(QString::fromLatin1(apiVersion)));

    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isObject())
        return HttpReply::ivError(400, QStringLiteral("The request body must be a JSON object."));
    const QueryOutcome outcome = route.endsWith(QLatin1String("indexquery"))
                                     ? m_queries.indexQuery(document.object())
                                     : m_queries.exactQuery(document.object());
    if (!outcome.error.isEmpty())
        return HttpReply::ivError(400, outcome.error);
    return HttpReply::json(QJsonDocument(outcome.rows));
}

} // namespace ivemu
