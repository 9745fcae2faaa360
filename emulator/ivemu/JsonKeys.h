// Lenient JSON reading, because the real service is lenient (§5.1): keys are
// matched case-insensitively and numbers may arrive as numeric strings.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <optional>

namespace ivemu::json {

// The value of `key` in `object`, compared case-insensitively; Undefined if absent.
QJsonValue value(const QJsonObject &object, QLatin1String key);

// A string, or a number written as a string ("2" for 2); nullopt for anything else.
std::optional<QString> scalarString(const QJsonValue &value);

// An array of scalars as strings; nullopt if not an array or an element is not a scalar.
std::optional<QStringList> stringArray(const QJsonValue &value);

// A number or a numeric string ("10").
std::optional<double> number(const QJsonValue &value);

// A bool or the strings "true"/"false" in any case.
std::optional<bool> boolean(const QJsonValue &value);

// A whole number (or numeric string) within ±1e9; the estate stores integers.
std::optional<qint64> wholeNumber(const QJsonValue &value);

} // namespace ivemu::json
