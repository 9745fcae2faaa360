#include "ivemu/WriteRoutes.h"

#include <QJsonArray>

namespace ivemu::writeroutes {

namespace {

// The bulk body as an array of objects, or the reply that refuses it.
// The body as a JSON document, or the reply that names why it is not one.
std::optional<HttpReply> parseBody(const QHttpServerRequest &request, QJsonDocument &document)
{
    QJsonParseError error{};
    document = QJsonDocument::fromJson(request.body(), &error);
    if (error.error == QJsonParseError::NoError)
        return std::nullopt;
    return HttpReply::ivError(400, QStringLiteral("The request body is not valid JSON: %1 at offset %2.")
                                       .arg(error.errorString())
                                       .arg(error.offset));
}

std::optional<HttpReply> parseBulk(const QHttpServerRequest &request, QJsonArray &out)
{
    QJsonDocument document;
    if (auto refusal = parseBody(request, document))
        return refusal;
    if (!document.isArray())
        return HttpReply::ivError(400, QStringLiteral("A bulk request body must be a JSON array."));
    out = document.array();
    if (out.isEmpty()) // [I]
        return HttpReply::ivError(400, QStringLiteral("A bulk request needs at least one record."));
    if (out.size() > WriteEngine::kMaxBulk)
        return HttpReply::ivError(400,
                                  QStringLiteral("The bulk request holds %1 records; at most %2 records are "
                                                 "allowed per bulk request.")
                                      .arg(out.size())
                                      .arg(WriteEngine::kMaxBulk));
    for (qsizetype i = 0; i < out.size(); ++i)
        if (!out[i].isObject())
            return HttpReply::ivError(
                400, QStringLiteral("Element %1 of the bulk array is not a JSON object.").arg(i));
    return std::nullopt;
}

} // namespace

HttpReply single(const QHttpServerRequest &request, const Apply &apply)
{
    QJsonDocument document;
    if (auto refusal = parseBody(request, document))
        return *refusal;
    if (!document.isObject())
        return HttpReply::ivError(400, QStringLiteral("The request body must be a JSON object."));
    const WriteResult result = apply(document.object());
    return HttpReply::json(QJsonDocument(result.response), result.status);
}

HttpReply bulk(const QHttpServerRequest &request, const Apply &apply)
{
    QJsonArray events;
    if (auto refused = parseBulk(request, events))
        return *refused;
    QJsonArray success, failure;
    for (const QJsonValue &event : std::as_const(events)) {
        const WriteResult result = apply(event.toObject());
        if (result.status == 200)
            success.append(result.id);
        else
            failure.append(QJsonObject{{QStringLiteral("id"), result.id},
                                       {QStringLiteral("message"), result.message},
                                       {QStringLiteral("statusCode"), result.status}});
    }
    return HttpReply::json(QJsonDocument(
        QJsonObject{{QStringLiteral("success"), success}, {QStringLiteral("failure"), failure}}));
}

HttpReply bulkOfResponses(const QHttpServerRequest &request, const Apply &apply)
{
    QJsonArray events;
    if (auto refused = parseBulk(request, events))
        return *refused;
    QJsonArray responses;
    for (const QJsonValue &event : std::as_const(events))
        responses.append(apply(event.toObject()).response);
    return HttpReply::json(QJsonDocument(responses));
}

} // namespace ivemu::writeroutes
