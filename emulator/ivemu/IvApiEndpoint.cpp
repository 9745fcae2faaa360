#include "ivemu/IvApiEndpoint.h"

#include "ivemu/JsonKeys.h"
#include "ivemu/MeasureModel.h"
#include "ivemu/TokenRegistry.h"
#include "ivemu/WriteRoutes.h"

#include <QUrlQuery>

namespace ivemu {

namespace {

bool isMethod(const QHttpServerRequest &request, QHttpServerRequest::Method method)
{
    return request.method() == method;
}

// 308 with the address of the environment on its own island (§3). [I] The
// query string is dropped, as the reference says the real service may do.
HttpReply permanentRedirect(const QHttpServerRequest &request, const QString &prefix,
                            const QString &environmentId, const QString &rest)
{
    QUrl location = request.url();
    location.setQuery(QString());
    location.setPath(prefix + QStringLiteral("/api/environment/") + environmentId + u'/' + rest);
    HttpReply reply = HttpReply::empty(308);
    reply.headers.append({QByteArrayLiteral("Location"), location.toEncoded()});
    return reply;
}

} // namespace

IvApiEndpoint::IvApiEndpoint(const TokenRegistry &tokens, Estate &estate, MeasureModel &model,
                             QString environmentId)
    : m_tokens(tokens), m_estate(estate), m_model(model), m_configuration(model, environmentId),
      m_queries(estate, model), m_writes(estate, model, m_ledger), m_reservations(m_writes),
      m_schedules(m_writes), m_environmentId(std::move(environmentId))
{
    applyConfiguration();
}

void IvApiEndpoint::setSwitches(bool legacyQueryLimits, bool omitUntouchedMeasures)
{
    m_legacyQueryLimits = legacyQueryLimits;
    m_omitUntouchedMeasures = omitUntouchedMeasures;
    applyConfiguration();
}

void IvApiEndpoint::applyConfiguration()
{
    QueryOptions options;
    if (m_legacyQueryLimits) {
        options.maxProducts = 100;
        options.maxSiteLocations = 100;
    }
    options.byProductId = m_configuration.byProductId();
    options.hasIndexHierarchy = m_configuration.hasIndexHierarchy();
    if (m_omitUntouchedMeasures)
        options.touched = [this](int product, int physical) {
            return m_writes.touched(product, physical);
        };
    // Change schedules and ATP (§10) follow scheduleConfiguration.
    const QJsonObject schedule =
        json::value(m_configuration.document(), QLatin1String("scheduleConfiguration")).toObject();
    m_schedules.periodDays = qBound(
        1, int(json::number(json::value(schedule, QLatin1String("schedulePeriodInDays"))).value_or(7)), 180);
    m_schedules.atpMeasures.clear();
    const QJsonObject atp = json::value(schedule, QLatin1String("atpCalculatedMeasures")).toObject();
    for (auto source = atp.constBegin(); source != atp.constEnd(); ++source)
        for (const QString &measure : source.value().toObject().keys())
            m_schedules.atpMeasures.append(source.key().toLower() + u'.' + measure.toLower());
    options.schedules = [this](int variant, int location) {
        return m_schedules.at(variant, location);
    };
    options.atpMeasures = m_schedules.atpMeasures;
    options.schedulePeriodDays = m_schedules.periodDays;
    m_queries.setOptions(std::move(options));
    m_reservations.hierarchy = m_configuration.reservationHierarchy();
    m_reservations.hierarchyVersion = m_configuration.reservationVersion();
}

HttpReply IvApiEndpoint::authenticate(const QHttpServerRequest &request, const QString &environmentId) const
{
    // Missing, unknown or expired token: 401 with no body (§2.3, F1). The
    // scheme is case-insensitive: Microsoft's tests send "bearer".
    const QByteArray authorization = headerValue(request, "Authorization").trimmed();
    const bool isBearer = authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    const auto grant =
        isBearer ? m_tokens.find(QString::fromLatin1(authorization.mid(7).trimmed())) : std::nullopt;
    if (!grant || grant->audience != QLatin1String("iv") ||
        grant->environmentId.compare(environmentId, Qt::CaseInsensitive) != 0) {
        HttpReply reply = HttpReply::empty(401);
        reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return reply;
    }
    return HttpReply::empty(200);
}

HttpReply IvApiEndpoint::handle(const QHttpServerRequest &request, const QString &environmentId,
                                const QString &rest)
{
    // The wrong island knows where the environment lives before it knows the caller (§3, F4).
    if (environmentId.compare(otherIslandEnvironmentId(), Qt::CaseInsensitive) == 0)
        return permanentRedirect(request, otherIslandPrefix(), otherIslandEnvironmentId(), rest);
    if (environmentId.compare(m_environmentId, Qt::CaseInsensitive) != 0) {
        if (HttpReply denied = authenticate(request, m_environmentId); denied.status != 200)
            return denied;
        return HttpReply::ivError(404, QStringLiteral("Environment '%1' was not found.").arg(environmentId));
    }
    if (HttpReply denied = authenticate(request, environmentId); denied.status != 200)
        return denied;
    return dispatch(request, rest);
}

HttpReply IvApiEndpoint::handleOnOtherIsland(const QHttpServerRequest &request, const QString &environmentId,
                                             const QString &rest)
{
    if (environmentId.compare(m_environmentId, Qt::CaseInsensitive) == 0)
        return permanentRedirect(request, QString(), m_environmentId, rest);
    // [I] The demo app is not bound to the island-2 environment: its tokens are refused there.
    return authenticate(request, environmentId);
}

HttpReply IvApiEndpoint::dispatch(const QHttpServerRequest &request, const QString &rest)
{
    const QString route = rest.toLower();
    using Method = QHttpServerRequest::Method;
    if (HttpReply reply = configurationRoute(request, route); reply.status != 404)
        return reply;
    if (route == QLatin1String("onhand/indexquery") || route == QLatin1String("onhand/exactquery") ||
        (route == QLatin1String("onhand") && isMethod(request, Method::Get)))
        return query(request, route);

    const auto post = [&](const std::function<HttpReply()> &handler) {
        if (!isMethod(request, Method::Post))
            return HttpReply::ivError(405, QStringLiteral("Use POST for %1.").arg(rest));
        return handler();
    };
    using namespace writeroutes;
    const auto change = [this](const QJsonObject &event) {
        return m_writes.changeEvent(event);
    };
    const auto reserve = [this](const QJsonObject &event) {
        return m_reservations.reserve(event);
    };
    const auto unreserve = [this](const QJsonObject &event) {
        return m_reservations.unreserve(event);
    };
    if (route == QLatin1String("onhand"))
        return post([&] { return single(request, change); });
    if (route == QLatin1String("onhand/bulk"))
        return post([&] { return bulk(request, change); });
    const auto schedule = [this](const QJsonObject &event) {
        return m_schedules.add(event);
    };
    if (route == QLatin1String("onhand/changeschedule"))
        return post([&] { return single(request, schedule); });
    if (route == QLatin1String("onhand/changeschedule/bulk"))
        return post([&] { return bulk(request, schedule); });
    if (route == QLatin1String("onhand/reserve"))
        return post([&] { return single(request, reserve); });
    if (route == QLatin1String("onhand/reserve/bulk"))
        return post([&] { return bulkOfResponses(request, reserve); });
    if (route == QLatin1String("onhand/unreserve"))
        return post([&] { return single(request, unreserve); });
    if (route == QLatin1String("onhand/unreserve/bulk"))
        return post([&] { return bulkOfResponses(request, unreserve); });
    if (route == QLatin1String("transaction/adjustment/bulk")) {
        const QString sync = QUrlQuery(request.url()).queryItemValue(QStringLiteral("createWithIVSync"));
        const bool ivSync = sync.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        return post([&] {
            return bulk(request, [this, ivSync](const QJsonObject &line) {
                return m_writes.adjustment(line, ivSync);
            });
        });
    }
    static const QRegularExpression setOnHand(QStringLiteral("^setonhand/([^/]+)/bulk$"));
    if (const auto match = setOnHand.match(route); match.hasMatch()) {
        const QString system = match.captured(1);
        if (system == QLatin1String("fno"))
            return HttpReply::ivError(400,
                                      QStringLiteral("Data source fno is read-only: its quantities only come "
                                                     "from Supply Chain Management."));
        if (!m_model.source(system))
            return HttpReply::ivError(400,
                                      QStringLiteral("'%1' is not a configured data source.").arg(system));
        return post([&] {
            return bulk(request, [this, system](const QJsonObject &event) {
                return m_writes.setOnHand(event, system);
            });
        });
    }
    return HttpReply::ivError(404,
                              QStringLiteral("No API at /api/environment/%1/%2.").arg(m_environmentId, rest));
}

} // namespace ivemu
