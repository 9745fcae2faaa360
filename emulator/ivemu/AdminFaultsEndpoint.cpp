#include "ivemu/AdminFaultsEndpoint.h"

#include "ivemu/FaultInjector.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ivemu {

namespace {

using Method = QHttpServerRequest::Method;

HttpReply adminError(int status, const QString &message)
{
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}), status);
}

// Every notation POST accepts, as one list of rules; an error names the first bad one.
std::optional<QList<FaultRule>> rulesOf(const QJsonDocument &document, QString *error)
{
    QJsonArray items;
    if (document.isArray()) {
        items = document.array();
    } else if (document.isObject()) {
        const QJsonObject object = document.object();
        if (object.contains(QLatin1String("faults")))
            items = object.value(QLatin1String("faults")).toArray();
        else if (object.contains(QLatin1String("specs")))
            items = object.value(QLatin1String("specs")).toArray();
        else
            items.append(object.contains(QLatin1String("spec")) ? object.value(QLatin1String("spec"))
                                                                : QJsonValue(object));
    } else {
        *error = QStringLiteral("The body must be JSON: a fault rule, a list of them or {\"spec\":\"...\"}.");
        return std::nullopt;
    }
    if (items.isEmpty()) {
        *error = QStringLiteral("The body names no fault rule.");
        return std::nullopt;
    }
    QList<FaultRule> rules;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        QString reason;
        const std::optional<FaultRule> rule = item.isString()   ? faults::parse(item.toString(), &reason)
                                              : item.isObject() ? faults::fromJson(item.toObject(), &reason)
                                                                : std::nullopt;
        if (!rule) {
            *error =
                QStringLiteral("Fault %1: %2")
                    .arg(i)
                    .arg(reason.isEmpty() ? QStringLiteral("must be an object or a spec string.") : reason);
            return std::nullopt;
        }
        rules.append(*rule);
    }
    return rules;
}

} // namespace

void AdminFaultsEndpoint::addRoutes(HttpServer &server)
{
    server.adminRoute(
        QStringLiteral("/_emulator/faults"),
        [this](const QHttpServerRequest &request, const QStringList &) { return faults(request); });
    server.adminRoute(QStringLiteral("/_emulator/faults/([^/]+)"),
                      [this](const QHttpServerRequest &request, const QStringList &captures) {
                          return fault(request, captures.at(0));
                      });
    server.adminRoute(
        QStringLiteral("/_emulator/stats"),
        [this](const QHttpServerRequest &request, const QStringList &) { return stats(request); });
}

HttpReply AdminFaultsEndpoint::faults(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case Method::Get:
        return HttpReply::json(QJsonDocument(m_faults.rulesJson()));
    case Method::Delete:
        m_faults.clear();
        return HttpReply::json(QJsonDocument(m_faults.rulesJson()));
    case Method::Post: {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return adminError(400, QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                                       .arg(parseError.errorString())
                                       .arg(parseError.offset));
        QString error;
        const auto rules = rulesOf(document, &error);
        if (!rules)
            return adminError(400, error);
        QJsonArray added;
        for (const FaultRule &rule : *rules)
            added.append(m_faults.add(rule));
        QJsonObject out = m_faults.rulesJson();
        out.insert(QStringLiteral("added"), added);
        return HttpReply::json(QJsonDocument(out), 201);
    }
    default:
        return adminError(405, QStringLiteral("Use GET, POST or DELETE on /_emulator/faults."));
    }
}

HttpReply AdminFaultsEndpoint::fault(const QHttpServerRequest &request, const QString &id)
{
    if (request.method() != Method::Delete)
        return adminError(405, QStringLiteral("Use DELETE on /_emulator/faults/{id}."));
    bool ok = false;
    const int number = id.toInt(&ok);
    if (!ok || !m_faults.remove(number))
        return adminError(404, QStringLiteral("There is no fault rule %1.").arg(id));
    return HttpReply::json(QJsonDocument(m_faults.rulesJson()));
}

HttpReply AdminFaultsEndpoint::stats(const QHttpServerRequest &request)
{
    if (request.method() == Method::Delete)
        m_faults.resetStats();
    else if (request.method() != Method::Get)
        return adminError(405, QStringLiteral("Use GET or DELETE on /_emulator/stats."));
    return HttpReply::json(QJsonDocument(m_faults.statsJson()));
}

} // namespace ivemu
