#include "ivemu/FaultPlan.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <array>
#include <cmath>

namespace ivemu {

namespace {

struct KindInfo
{
    FaultKind kind;
    const char *name;
    const char *help;
};

constexpr std::array kKinds{
    KindInfo{FaultKind::Latency, "latency", "latency:MS      answer MS milliseconds late"},
    KindInfo{FaultKind::Throttle, "429", "429[:SEC]       429 Too Many Requests, Retry-After SEC (1)"},
    KindInfo{FaultKind::ServerError, "500", "500             500 with the IV error body"},
    KindInfo{FaultKind::Unavailable, "503", "503[:SEC]       503, with Retry-After SEC if given"},
    KindInfo{FaultKind::Warmup, "warmup", "warmup          500, plain-text body \"Waiting for partition\""},
    KindInfo{FaultKind::WarmupJson, "warmup-json", "warmup-json     the same inside the IV error body"},
    KindInfo{FaultKind::ResetBefore, "reset-before",
             "reset-before    drop the connection, request not applied"},
    KindInfo{FaultKind::ResetAfter, "reset-after",
             "reset-after     apply the request, then drop the connection"},
    KindInfo{FaultKind::Stall, "stall", "stall[:MS]      never answer; close after MS (120000)"},
    KindInfo{FaultKind::Truncate, "truncate",
             "truncate        send half the body under a full Content-Length"},
    KindInfo{FaultKind::MalformedJson, "malformed-json", "malformed-json  200 with a body that is not JSON"},
    KindInfo{FaultKind::ExpireTokens, "expire-tokens",
             "expire-tokens   expire every IV token now, then answer"},
    KindInfo{FaultKind::Unauthorized, "401", "401             401 whatever the token"},
};

bool takesParam(FaultKind kind)
{
    return kind == FaultKind::Latency || kind == FaultKind::Throttle || kind == FaultKind::Unavailable ||
           kind == FaultKind::Stall;
}

// Shared by both notations so that they reject the same things.
std::optional<FaultRule> validated(FaultRule rule, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    rule.route = rule.route.trimmed();
    if (rule.route.isEmpty())
        return fail(QStringLiteral("A fault needs a route: \"*\", a route name or a path starting with /."));
    if (rule.param < 0 || rule.param > 3'600'000)
        return fail(QStringLiteral("A fault's parameter must be 0..3600000."));
    if (rule.param != 0 && !takesParam(rule.kind))
        return fail(QStringLiteral("The fault kind %1 takes no parameter.").arg(faults::kindName(rule.kind)));
    if (rule.kind == FaultKind::Latency && rule.param == 0)
        return fail(QStringLiteral("latency needs milliseconds, e.g. latency:250."));
    if (!(rule.probability > 0.0 && rule.probability <= 1.0))
        return fail(QStringLiteral("A fault's probability must be in (0, 1]."));
    if (rule.remaining == 0 || rule.remaining < -1)
        return fail(QStringLiteral("A fault's count must be a positive number of requests."));
    return rule;
}

} // namespace

QJsonObject FaultRule::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("route"), route},
                       {QStringLiteral("kind"), faults::kindName(kind)},
                       {QStringLiteral("probability"), probability}};
    if (param > 0)
        object.insert(QStringLiteral("param"), param);
    if (remaining >= 0)
        object.insert(QStringLiteral("count"), remaining);
    return object;
}

namespace faults {

QString kindName(FaultKind kind)
{
    for (const KindInfo &info : kKinds)
        if (info.kind == kind)
            return QLatin1String(info.name);
    return {};
}

std::optional<FaultKind> kindFromName(const QString &name)
{
    for (const KindInfo &info : kKinds)
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.kind;
    return std::nullopt;
}

QString syntaxHelp()
{
    QString text = QStringLiteral(
        "ROUTE=KIND[:PARAM][@PROBABILITY][xCOUNT]\n"
        "  ROUTE: * (every route), a route name (token, exchange, iv, onhand, indexquery, exactquery,\n"
        "         configuration, ...: the route's name or any segment of its variable path part),\n"
        "         or a path glob starting with / (/api/environment/*/onhand/*)\n"
        "  PROBABILITY: 0..1, drawn from the emulator's seed (default 1)\n"
        "  COUNT: fault only the next COUNT matching requests (default: all)\n"
        "  KIND:\n");
    for (const KindInfo &info : kKinds)
        text += QStringLiteral("    ") + QLatin1String(info.help) + u'\n';
    return text;
}

std::optional<FaultRule> parse(const QString &spec, QString *error)
{
    static const QRegularExpression grammar(
        QStringLiteral("^([^=]+)=([a-z0-9-]+?)(?::(\\d+))?(?:@([0-9.]+))?(?:x(\\d+))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = grammar.match(spec.trimmed());
    if (!match.hasMatch()) {
        if (error)
            *error = QStringLiteral("'%1' is not ROUTE=KIND[:PARAM][@PROBABILITY][xCOUNT].").arg(spec);
        return std::nullopt;
    }
    const auto kind = kindFromName(match.captured(2));
    if (!kind) {
        if (error)
            *error = QStringLiteral("'%1' is not a fault kind.").arg(match.captured(2));
        return std::nullopt;
    }
    FaultRule rule;
    rule.route = match.captured(1);
    rule.kind = *kind;
    bool ok = true;
    if (match.hasCaptured(3))
        rule.param = match.captured(3).toInt(&ok);
    if (ok && match.hasCaptured(4))
        rule.probability = match.captured(4).toDouble(&ok);
    if (ok && match.hasCaptured(5))
        rule.remaining = match.captured(5).toInt(&ok);
    if (!ok) {
        if (error)
            *error = QStringLiteral("'%1' has a number out of range.").arg(spec);
        return std::nullopt;
    }
    return validated(rule, error);
}

std::optional<FaultRule> fromJson(const QJsonObject &object, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto kind = kindFromName(object.value(QLatin1String("kind")).toString());
    if (!kind)
        return fail(QStringLiteral("kind must be one of: latency, 429, 500, 503, warmup, warmup-json, "
                                   "reset-before, reset-after, stall, truncate, malformed-json, "
                                   "expire-tokens, 401."));
    if (!object.value(QLatin1String("route")).isString())
        return fail(QStringLiteral("route must be a string."));
    // Whole numbers only: a JSON double that is not integral would be truncated silently.
    const auto integer = [&object](const char *key, int fallback) -> std::optional<int> {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return fallback;
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 1e9)
            return std::nullopt;
        return int(number);
    };
    FaultRule rule;
    rule.route = object.value(QLatin1String("route")).toString();
    rule.kind = *kind;
    const auto param = integer("param", 0);
    const auto count = integer("count", -1);
    if (!param || !count)
        return fail(QStringLiteral("param and count must be whole numbers."));
    rule.param = *param;
    rule.remaining = *count;
    const QJsonValue probability = object.value(QLatin1String("probability"));
    if (!probability.isUndefined() && !probability.isDouble())
        return fail(QStringLiteral("probability must be a number in (0, 1]."));
    rule.probability = probability.toDouble(1.0);
    return validated(rule, error);
}

} // namespace faults

} // namespace ivemu
