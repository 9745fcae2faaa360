// Lenient reading of JSON values as IV and Entra send them: numbers that may
// arrive as strings, keys that may arrive in any casing.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <optional>

namespace ivcore {

// A number, or a string holding one ("3599", " 80.0 "); nullopt otherwise.
std::optional<double> jsonNumber(const QJsonValue &value);

// object[key], matching the key exactly first and then ignoring case.
QJsonValue valueIgnoringCase(const QJsonObject &object, QLatin1String key);

} // namespace ivcore
