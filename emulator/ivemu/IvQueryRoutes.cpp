// IvApiEndpoint's on-hand queries: v1 (§9.1, §9.4), v2 with paging by
// warehouse and several organizations (§9.2, §9.4), and the GET query (§9.3).
#include "ivemu/Estate.h"
#include "ivemu/IvApiEndpoint.h"
#include "ivemu/JsonKeys.h"
#include "ivemu/RowJsonWriter.h"

#include <QUrlQuery>
#include <algorithm>

namespace ivemu {

namespace {

// The rows are written as bytes by RowJsonWriter, never as a QJsonArray (docs/BENCHMARKS.md).
HttpReply jsonReply(QByteArray body)
{
    return {200, QByteArrayLiteral("application/json; charset=utf-8"), std::move(body), {}};
}

// [I] v2 answers: {"Value":[rows],"nextLink":...}, keys in the order QJsonObject wrote them.
QByteArray v2Envelope(const QByteArray &rowsArray, const QString &nextLink)
{
    QByteArray body;
    body.reserve(rowsArray.size() + nextLink.size() + 32);
    body += "{\"Value\":";
    body += rowsArray;
    body += ",\"nextLink\":";
    RowJsonWriter::appendString(body, nextLink);
    body += '}';
    return body;
}

// §9.3: repeated keys and comma lists both give several values (iv-observed §5).
QJsonObject bodyFromUrl(const QUrlQuery &query)
{
    QJsonObject filters;
    QJsonObject body;
    QJsonArray groupBy;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        QStringList values = value.split(u',', Qt::SkipEmptyParts);
        for (QString &part : values)
            part = part.trimmed();
        const auto is = [&key](const char *name) {
            return key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
        };
        if (is("groupBy")) {
            for (const QString &part : std::as_const(values))
                groupBy.append(part);
        } else if (is("returnNegative") || is("dimensionDataSource")) {
            body.insert(key, value);
        } else if (is("QueryATP") || is("ATPFromDate") || is("ATPToDate")) {
            continue; // ATP is not emulated yet
        } else {
            QString existing = key;
            for (auto it = filters.constBegin(); it != filters.constEnd(); ++it)
                if (it.key().compare(key, Qt::CaseInsensitive) == 0)
                    existing = it.key();
            QJsonArray array = filters.value(existing).toArray();
            for (const QString &part : std::as_const(values))
                array.append(part);
            filters.insert(existing, array);
        }
    }
    body.insert(QStringLiteral("filters"), filters);
    body.insert(QStringLiteral("groupByValues"), groupBy);
    return body;
}

// v2 exact query: organizationId moves into filters.keys; the emulator's one
// legal entity becomes a v1 body, other organizations hold nothing.
std::optional<QJsonObject> exactBodyFromV2(const QJsonObject &body, QString *error)
{
    const QJsonObject filters = json::value(body, QLatin1String("filters")).toObject();
    const auto keys = json::stringArray(json::value(filters, QLatin1String("keys")));
    const QJsonArray values = json::value(filters, QLatin1String("values")).toArray();
    const qsizetype organization =
        keys ? keys->indexOf(QRegularExpression(QStringLiteral("^organizationid$"),
                                                QRegularExpression::CaseInsensitiveOption))
             : -1;
    if (organization < 0) {
        *error =
            QStringLiteral("filters.keys must be an array of dimension names that includes organizationId "
                           "(Api-Version 2.0).");
        return std::nullopt;
    }
    QJsonArray dimensions;
    for (qsizetype i = 0; i < keys->size(); ++i)
        if (i != organization)
            dimensions.append(keys->at(i));
    QJsonArray tuples;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const auto tuple = json::stringArray(values[i]);
        if (!tuple || tuple->size() != keys->size()) {
            *error = QStringLiteral("filters.values[%1] must hold %2 values, aligned with filters.keys.")
                         .arg(i)
                         .arg(keys->size());
            return std::nullopt;
        }
        if (tuple->at(organization).compare(Estate::organizationId(), Qt::CaseInsensitive) != 0)
            continue;
        QJsonArray rest;
        for (qsizetype c = 0; c < tuple->size(); ++c)
            if (c != organization)
                rest.append(tuple->at(c));
        tuples.append(rest);
    }
    QJsonObject v1Filters;
    for (auto it = filters.constBegin(); it != filters.constEnd(); ++it)
        if (it.key().compare(QLatin1String("keys"), Qt::CaseInsensitive) != 0 &&
            it.key().compare(QLatin1String("values"), Qt::CaseInsensitive) != 0)
            v1Filters.insert(it.key(), it.value());
    v1Filters.insert(QStringLiteral("organizationId"), QJsonArray{Estate::organizationId()});
    v1Filters.insert(QStringLiteral("dimensions"), dimensions);
    v1Filters.insert(QStringLiteral("values"), tuples);
    QJsonObject v1 = body;
    v1.insert(QStringLiteral("filters"), v1Filters);
    return v1;
}

} // namespace

HttpReply IvApiEndpoint::query(const QHttpServerRequest &request, const QString &route)
{
    const QByteArray apiVersion = headerValue(request, "Api-Version").trimmed();
    if (!apiVersion.isEmpty() && apiVersion != "1.0" && apiVersion != "2.0")
        return HttpReply::ivError(
            400, QStringLiteral("Unsupported Api-Version '%1'.").arg(QString::fromLatin1(apiVersion)));
    const bool v2 = apiVersion == "2.0";
    const QUrlQuery parameters(request.url());

    if (request.method() == QHttpServerRequest::Method::Get) { // route "onhand"
        if (v2)
            return HttpReply::ivError(400, QStringLiteral("The GET query supports Api-Version 1.0 only."));
        const QueryOutcome outcome = m_queries.indexQuery(bodyFromUrl(parameters));
        if (!outcome.error.isEmpty())
            return HttpReply::ivError(400, outcome.error);
        return jsonReply(RowJsonWriter(m_model, outcome.result).array(outcome.result.rows));
    }
    if (request.method() != QHttpServerRequest::Method::Post)
        return HttpReply::ivError(405, QStringLiteral("Use POST for %1.").arg(route));
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isObject())
        return HttpReply::ivError(400, QStringLiteral("The request body must be a JSON object."));
    const bool index = route.endsWith(QLatin1String("indexquery"));
    QueryCall call;
    call.apiVersion2 = v2;

    if (!index) {
        QJsonObject body = document.object();
        if (v2) {
            QString error;
            const auto converted = exactBodyFromV2(body, &error);
            if (!converted)
                return HttpReply::ivError(400, error);
            body = *converted;
        }
        const QueryOutcome outcome = m_queries.exactQuery(body, call);
        if (!outcome.error.isEmpty())
            return HttpReply::ivError(400, outcome.error);
        QByteArray rows = RowJsonWriter(m_model, outcome.result).array(outcome.result.rows);
        // [I] v2 answers in the same envelope as the paged index query, in one page.
        return jsonReply(v2 ? v2Envelope(rows, QString()) : std::move(rows));
    }

    const QueryOutcome outcome = m_queries.indexQuery(document.object(), call);
    if (!outcome.error.isEmpty())
        return HttpReply::ivError(400, outcome.error);
    const RowJsonWriter writer(m_model, outcome.result);
    if (!v2)
        return jsonReply(writer.array(outcome.result.rows));

    // v2: rows ordered by warehouse; a page holds pageSize warehouses (§9.2).
    bool numberOk = true, sizeOk = true;
    const QString pageText = parameters.queryItemValue(QStringLiteral("pageNumber"));
    const QString sizeText = parameters.queryItemValue(QStringLiteral("pageSize"));
    const int pageNumber = pageText.isEmpty() ? 1 : pageText.toInt(&numberOk);
    // A row without a locationid dimension sorts as "" (what the QJsonObject lookup gave).
    const qsizetype locationColumn = outcome.result.dimensionNames.lastIndexOf(QStringLiteral("locationid"));
    const auto locationOf = [locationColumn](const QueryRow *row) {
        return locationColumn < 0 ? QString() : row->dimensions[locationColumn];
    };
    QList<const QueryRow *> rows;
    rows.reserve(outcome.result.rows.size());
    for (const QueryRow &row : outcome.result.rows)
        rows.append(&row);
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const QueryRow *a, const QueryRow *b) { return locationOf(a) < locationOf(b); });
    QStringList warehouses;
    for (const QueryRow *row : std::as_const(rows))
        if (warehouses.isEmpty() || warehouses.last() != locationOf(row))
            warehouses.append(locationOf(row));
    const int pageSize =
        sizeText.isEmpty() ? int(qMax<qsizetype>(1, warehouses.size())) : sizeText.toInt(&sizeOk);
    if (!numberOk || !sizeOk || pageNumber < 1 || pageSize < 1)
        return HttpReply::ivError(400,
                                  QStringLiteral("pageNumber and pageSize must be positive whole numbers."));
    const qsizetype first = qsizetype(pageNumber - 1) * pageSize;
    const QStringList page = warehouses.mid(first, pageSize);
    QByteArray value = "[";
    for (const QueryRow *row : std::as_const(rows)) {
        if (!page.contains(locationOf(row)))
            continue;
        if (value.size() > 1)
            value += ',';
        writer.appendRow(value, *row);
    }
    value += ']';
    const bool more = first + pageSize < warehouses.size();
    const QString nextLink =
        more ? QStringLiteral("onhand/indexquery?pageNumber=%1&pageSize=%2").arg(pageNumber + 1).arg(pageSize)
             : QString();
    return jsonReply(v2Envelope(value, nextLink));
}

} // namespace ivemu
