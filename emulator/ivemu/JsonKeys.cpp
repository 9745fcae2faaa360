#include "ivemu/JsonKeys.h"

#include <QJsonArray>
#include <cmath>

namespace ivemu::json {

QJsonValue value(const QJsonObject &object, QLatin1String key)
{
    if (const auto exact = object.constFind(key); exact != object.constEnd())
        return *exact;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

std::optional<QString> scalarString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return std::nullopt;
}

std::optional<QStringList> stringArray(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &element : array) {
        const auto text = scalarString(element);
        if (!text)
            return std::nullopt;
        out.append(*text);
    }
    return out;
}

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

std::optional<bool> boolean(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    const auto parsed = number(value);
    if (!parsed || std::floor(*parsed) != *parsed || std::abs(*parsed) > 1e9)
        return std::nullopt;
    return qint64(*parsed);
}

} // namespace ivemu::json
