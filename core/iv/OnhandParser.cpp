#include "iv/OnhandParser.h"

#include "common/JsonValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ivcore {

namespace {

QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15); // ids sent as numbers
    return {};
}

OnhandRow parseRow(const QJsonObject &object, int index, QStringList &warnings)
{
    OnhandRow row;
    row.productId = textOf(valueIgnoringCase(object, QLatin1String("productId")));
    const QJsonObject dimensions = valueIgnoringCase(object, QLatin1String("dimensions")).toObject();
    for (auto it = dimensions.constBegin(); it != dimensions.constEnd(); ++it)
        row.dimensions.insert(it.key().toLower(), textOf(it.value()));

    const QJsonObject sources = valueIgnoringCase(object, QLatin1String("quantities")).toObject();
    for (auto source = sources.constBegin(); source != sources.constEnd(); ++source) {
        const QJsonObject measures = source.value().toObject();
        for (auto measure = measures.constBegin(); measure != measures.constEnd(); ++measure) {
            const auto number = jsonNumber(measure.value());
            if (!number) {
                if (!measure.value().isNull())
                    warnings << QStringLiteral("Row %1 (%2): %3.%4 is not a number.")
                                    .arg(index)
                                    .arg(row.productId, source.key(), measure.key());
                continue;
            }
            row.quantities.insert(OnhandRow::measureKey(source.key(), measure.key()), *number);
        }
    }
    return row;
}

} // namespace

OnhandParseResult parseOnhandResponse(const QByteArray &body)
{
    OnhandParseResult result;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("The answer is not valid JSON: %1 at character %2.")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    QJsonArray rows;
    if (document.isArray()) {
        rows = document.array();
    } else {
        const QJsonValue envelope = valueIgnoringCase(document.object(), QLatin1String("value"));
        if (!envelope.isArray()) {
            result.error = QStringLiteral("The answer is neither a list of rows nor a paged envelope.");
            return result;
        }
        rows = envelope.toArray();
    }
    result.rows.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows.at(i).isObject()) {
            result.warnings << QStringLiteral("Row %1 is not an object and was skipped.").arg(i);
            continue;
        }
        result.rows.append(parseRow(rows.at(i).toObject(), static_cast<int>(i), result.warnings));
    }
    return result;
}

} // namespace ivcore
