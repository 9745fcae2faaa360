// What a fault rule is and how it is written: on the command line as
// "route=kind[:param][@probability][xcount]" and over the admin endpoint as
// JSON. Pure data; FaultInjector decides when a rule fires.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace ivemu {

enum class FaultKind
{
    Latency,       // answer after param ms (the handler runs at once)
    Throttle,      // 429 with Retry-After: param s (default 1)
    ServerError,   // 500 with the IV error body
    Unavailable,   // 503, Retry-After: param s when param > 0
    Warmup,        // 500 whose plain-text body says "Waiting for partition" (§24)
    WarmupJson,    // the same text inside the IV error body
    ResetBefore,   // abort the connection; the request is not applied
    ResetAfter,    // run the handler (effects stay), then abort without a reply
    Stall,         // never answer; close after param ms (default 120,000)
    Truncate,      // Content-Length promises more than is sent, then close
    MalformedJson, // 200 with a body that is not valid JSON
    ExpireTokens,  // expire every IV token now, then handle normally
    Unauthorized   // 401 with WWW-Authenticate, whatever the token
};

struct FaultRule
{
    int id = 0;    // assigned by FaultInjector
    QString route; // "*", a route name ("indexquery", "token", ...) or a path glob starting with '/'
    FaultKind kind = FaultKind::ServerError;
    int param = 0; // meaning depends on kind (see FaultKind); 0 = the kind's default
    double probability = 1.0;
    int remaining = -1; // requests left to fault; -1 = no limit

    QJsonObject toJson() const;
};

namespace faults {

// "indexquery=429:5@0.5x3" -> rule; nullopt with *error naming the problem.
std::optional<FaultRule> parse(const QString &spec, QString *error);

// {"route":…, "kind":…, "param":…, "probability":…, "count":…}; the same errors as parse().
std::optional<FaultRule> fromJson(const QJsonObject &object, QString *error);

QString kindName(FaultKind kind);
std::optional<FaultKind> kindFromName(const QString &name);

// One line per kind, for --help and the README.
QString syntaxHelp();

} // namespace faults

} // namespace ivemu
