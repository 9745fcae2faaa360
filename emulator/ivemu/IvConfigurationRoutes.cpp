// IvApiEndpoint's configuration and admin routes (§4 rows 24–30, §14).
#include "ivemu/IvApiEndpoint.h"
#include "ivemu/Partitions.h"
#include "ivemu/WriteEngine.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace ivemu {

namespace {

HttpReply success(const QString &message = {})
{
    return HttpReply::json(QJsonDocument(WriteEngine::statusBody(QString(), 200, message)));
}

} // namespace

// 404 means "not a configuration route".
HttpReply IvApiEndpoint::configurationRoute(const QHttpServerRequest &request, const QString &route)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const QUrlQuery parameters(request.url());
    const auto wrongMethod = [&](const char *expected) {
        return HttpReply::ivError(405, QStringLiteral("Use %1 for %2.").arg(QLatin1String(expected), route));
    };

    if (route == QLatin1String("configuration")) {
        if (method != Method::Get)
            return wrongMethod("GET");
        return HttpReply::json(QJsonDocument(m_configuration.document()));
    }
    if (route == QLatin1String("configuration/hardupdate")) {
        if (method != Method::Post)
            return wrongMethod("POST");
        const QJsonDocument document = QJsonDocument::fromJson(request.body());
        if (!document.isObject())
            return HttpReply::ivError(400, QStringLiteral("The configuration must be a JSON object."));
        if (QString error =
                m_configuration.replace(document.object(), m_environmentId, partitions::hasData(m_estate));
            !error.isEmpty())
            return HttpReply::ivError(400, error);
        applyConfiguration();
        return HttpReply::json(QJsonDocument(m_configuration.document()));
    }
    if (route == QLatin1String("allpartitionids")) {
        if (method != Method::Get)
            return wrongMethod("GET");
        return HttpReply::json(QJsonDocument(
            QJsonArray::fromStringList(partitions::ids(m_estate, m_configuration.byProductId()))));
    }
    if (route == QLatin1String("partitions/cleanupalldata") || route == QLatin1String("cleanupalldata")) {
        if (method != Method::Delete)
            return wrongMethod("DELETE");
        const QJsonDocument body = QJsonDocument::fromJson(request.body());
        const bool everything =
            request.body().trimmed().isEmpty() && route == QLatin1String("cleanupalldata");
        if (!everything && !body.isArray())
            return HttpReply::ivError(400, QStringLiteral("The body must be a JSON array of partition IDs."));
        QStringList ids;
        for (const QJsonValue &id : body.array())
            ids.append(id.toString());
        const int cleaned = partitions::clean(m_estate, m_configuration.byProductId(), ids, everything);
        return success(QStringLiteral("%1 partitions cleaned.").arg(cleaned));
    }
    if (route == QLatin1String("updatepartitionschema")) {
        if (method != Method::Post)
            return wrongMethod("POST");
        if (QString error = m_configuration.updatePartitionSchema(
                parameters.queryItemValue(QStringLiteral("newversion")), partitions::hasData(m_estate));
            !error.isEmpty())
            return HttpReply::ivError(400, error);
        return success();
    }
    if (route == QLatin1String("updateenvidinconfig")) {
        if (method != Method::Post)
            return wrongMethod("POST");
        if (QString error = m_configuration.updateEnvironmentId(
                parameters.queryItemValue(QStringLiteral("oldEnvironmentId")), m_environmentId);
            !error.isEmpty())
            return HttpReply::ivError(400, error);
        return success();
    }
    return HttpReply::empty(404);
}

} // namespace ivemu
