// Is the emulator fast enough to sit behind a dashboard benchmark? The goal
// (docs/BENCHMARKS.md): answering an exact query of N rows over loopback HTTP
// takes at most twice as long as serialising the same N rows with
// QJsonDocument alone. Both are measured here, side by side, on the same rows:
//
//   BM_SerialiseRowsWithQJsonDocument          QJsonDocument(rows).toJson(Compact), rows built beforehand
//   BM_BuildAndSerialiseRowsWithQJsonDocument  the same, building the QJsonObjects inside the loop
//   BM_EmulatorAnswersExactQuery               POST .../onhand/exactquery, wait, read the whole body
//   BM_WriteRowsByHand                         the same bytes written straight into a QByteArray: what
//                                              the emulator could cost if it did not build a QJsonDocument
//
// The rows of the others are rebuilt from the emulator's own answer, so they
// serialise to the very same bytes (checked once, outside timing).
// IVDESK_BENCH_ROWS sets N (default 100,000); the ratio is printed at the end.
#include "ivemu/Emulator.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr qint64 kDefaultRows = 100000;
constexpr int kMaxStores = 200; // EmulatorConfig::storeCount's ceiling
constexpr int kTransferTimeoutMs = 60000;

const char *const kSerialise = "BM_SerialiseRowsWithQJsonDocument";
const char *const kBuildAndSerialise = "BM_BuildAndSerialiseRowsWithQJsonDocument";
const char *const kEmulator = "BM_EmulatorAnswersExactQuery";
const char *const kByHand = "BM_WriteRowsByHand";

qint64 requestedRows()
{
    bool ok = false;
    const qint64 rows = qEnvironmentVariable("IVDESK_BENCH_ROWS").toLongLong(&ok);
    return ok && rows > 0 ? rows : kDefaultRows;
}

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QString error;
};

// The emulator answers on this thread, so the event loop must run while we wait.
HttpAnswer post(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray &body)
{
    request.setTransferTimeout(kTransferTimeoutMs);
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        answer.error = reply->errorString();
    return answer;
}

QNetworkRequest jsonRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return request;
}

// The rows of one answer as plain data (iv-protocol.md §9.5 shape), so that
// both sides serialise the same rows.
struct RowTable
{
    struct Source
    {
        QString name;
        QStringList measures;
    };
    struct Row
    {
        QString productId;
        QStringList dimensions;     // aligned with dimensionNames
        std::vector<qint64> values; // every source's measures, in order
    };
    QStringList dimensionNames;
    QList<Source> sources;
    std::vector<Row> rows;

    // Reads an answer whose rows all have the first row's keys.
    static std::optional<RowTable> fromAnswer(const QJsonArray &answer, QString *error)
    {
        RowTable table;
        if (answer.isEmpty()) {
            *error = QStringLiteral("the answer holds no rows");
            return std::nullopt;
        }
        const QJsonObject first = answer.first().toObject();
        table.dimensionNames = first.value(QLatin1String("dimensions")).toObject().keys();
        const QJsonObject firstQuantities = first.value(QLatin1String("quantities")).toObject();
        for (auto it = firstQuantities.constBegin(); it != firstQuantities.constEnd(); ++it)
            table.sources.append({it.key(), it.value().toObject().keys()});
        table.rows.reserve(std::size_t(answer.size()));
        for (const QJsonValue &value : answer) {
            const QJsonObject object = value.toObject();
            const QJsonObject dimensions = object.value(QLatin1String("dimensions")).toObject();
            const QJsonObject quantities = object.value(QLatin1String("quantities")).toObject();
            Row row;
            row.productId = object.value(QLatin1String("productId")).toString();
            for (const QString &name : std::as_const(table.dimensionNames))
                row.dimensions.append(dimensions.value(name).toString());
            for (const Source &source : std::as_const(table.sources)) {
                const QJsonObject measures = quantities.value(source.name).toObject();
                for (const QString &measure : source.measures) {
                    if (!measures.contains(measure)) {
                        *error = QStringLiteral("a row lacks %1.%2").arg(source.name, measure);
                        return std::nullopt;
                    }
                    row.values.push_back(measures.value(measure).toInteger());
                }
            }
            if (dimensions.size() != table.dimensionNames.size() ||
                quantities.size() != table.sources.size()) {
                *error = QStringLiteral("the rows do not all have the same keys");
                return std::nullopt;
            }
            table.rows.push_back(std::move(row));
        }
        return table;
    }

    // The rows as QJsonObjects, built the way a server builds them.
    QJsonArray build() const
    {
        QJsonArray out;
        for (const Row &row : rows) {
            QJsonObject dimensions;
            for (qsizetype i = 0; i < dimensionNames.size(); ++i)
                dimensions.insert(dimensionNames[i], row.dimensions[i]);
            QJsonObject quantities;
            std::size_t value = 0;
            for (const Source &source : sources) {
                QJsonObject measures;
                for (const QString &measure : source.measures)
                    measures.insert(measure, QJsonValue(row.values[value++]));
                quantities.insert(source.name, measures);
            }
            out.append(QJsonObject{{QStringLiteral("productId"), row.productId},
                                   {QStringLiteral("dimensions"), dimensions},
                                   {QStringLiteral("quantities"), quantities}});
        }
        return out;
    }

    // The same rows written straight as compact JSON, in QJsonDocument's key
    // order (QJsonObject keeps keys sorted): no intermediate objects.
    QByteArray writeByHand() const
    {
        QList<QByteArray> sourceKeys;
        QList<QList<QByteArray>> measureKeys;
        for (const Source &source : sources) {
            sourceKeys.append(jsonString(source.name) + ":{");
            QList<QByteArray> keys;
            for (const QString &measure : source.measures)
                keys.append(jsonString(measure) + ':');
            measureKeys.append(keys);
        }
        QList<QByteArray> dimensionKeys;
        for (const QString &name : dimensionNames)
            dimensionKeys.append(jsonString(name) + ':');

        QByteArray out;
        out += '[';
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const Row &row = rows[r];
            out += r == 0 ? "{\"dimensions\":{" : ",{\"dimensions\":{";
            for (qsizetype d = 0; d < dimensionKeys.size(); ++d) {
                if (d > 0)
                    out += ',';
                out += dimensionKeys[d];
                appendString(out, row.dimensions[d]);
            }
            out += "},\"productId\":";
            appendString(out, row.productId);
            out += ",\"quantities\":{";
            std::size_t value = 0;
            for (qsizetype s = 0; s < sourceKeys.size(); ++s) {
                if (s > 0)
                    out += ',';
                out += sourceKeys[s];
                for (qsizetype m = 0; m < measureKeys[s].size(); ++m) {
                    if (m > 0)
                        out += ',';
                    out += measureKeys[s][m];
                    char digits[24];
                    const auto end = std::to_chars(digits, digits + sizeof digits, row.values[value++]).ptr;
                    out.append(digits, end - digits);
                }
                out += '}';
            }
            out += "}}";
        }
        out += ']';
        return out;
    }

private:
    static void appendString(QByteArray &out, const QString &text)
    {
        if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x80; })) {
            // Not in this estate's IDs: let Qt write the UTF-8.
            out += QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
            return;
        }
        out += '"';
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                out += char(u);
            } else {
                out += '\\';
                switch (u) {
                case u'"':
                case u'\\':
                    out += char(u);
                    break;
                case u'\b':
                    out += 'b';
                    break;
                case u'\f':
                    out += 'f';
                    break;
                case u'\n':
                    out += 'n';
                    break;
                case u'\r':
                    out += 'r';
                    break;
                case u'\t':
                    out += 't';
                    break;
                default: {
                    static const char hex[] = "0123456789abcdef";
                    const char escaped[] = {'u', '0', '0', hex[(u >> 4) & 0xf], hex[u & 0xf]};
                    out.append(escaped, sizeof escaped);
                }
                }
            }
        }
        out += '"';
    }
    static QByteArray jsonString(const QString &text)
    {
        QByteArray out;
        appendString(out, text);
        return out;
    }
};

// One emulator, one IV token, one exact query and its rows, shared by the benchmarks.
class Bench
{
public:
    QString setUp(qint64 wanted);

    qint64 requested = 0;
    int stores = 0;
    int variants = 0;
    qint64 rows = 0;          // R: rows of one answer, the N of every benchmark
    qint64 answerBytes = 0;   // the emulator's body
    qint64 documentBytes = 0; // QJsonDocument's output for the same rows
    bool identicalBytes = false;
    bool byHandIdentical = false; // writeByHand() gives the emulator's bytes

    std::optional<RowTable> table;
    QJsonArray builtRows;
    QNetworkRequest queryRequest;
    QByteArray queryBody;
    std::unique_ptr<ivemu::Emulator> emulator;
    std::unique_ptr<QNetworkAccessManager> network; // after the emulator: destroyed first

private:
    QString ivToken(const ivemu::EmulatorInfo &info, QString *token);
};

QString Bench::ivToken(const ivemu::EmulatorInfo &info, QString *token)
{
    // Hop 1: Entra client credentials for the IV resource (§2.1).
    QUrl entra = info.endpoints.authority;
    entra.setPath(u'/' + info.credentials.tenantId + QStringLiteral("/oauth2/v2.0/token"));
    QByteArray form;
    const QList<QPair<QString, QString>> fields{
        {QStringLiteral("client_id"), info.credentials.clientId},
        {QStringLiteral("client_secret"), info.credentials.clientSecret},
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
        {QStringLiteral("scope"), QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default")}};
    for (const auto &[name, value] : fields)
        form += (form.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' +
                QUrl::toPercentEncoding(value);
    QNetworkRequest entraRequest(entra);
    entraRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                           QByteArrayLiteral("application/x-www-form-urlencoded"));
    const HttpAnswer first = post(*network, entraRequest, form);
    const QString assertion =
        QJsonDocument::fromJson(first.body).object().value(QLatin1String("access_token")).toString();
    if (first.status != 200 || assertion.isEmpty())
        return QStringLiteral("Entra token: HTTP %1 %2").arg(first.status).arg(QString::fromUtf8(first.body));

    // Hop 2: the token exchange; the global name answers 307, which QNetworkAccessManager follows (§2.2).
    const QJsonObject exchange{
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
        {QStringLiteral("client_assertion_type"), QStringLiteral("aad_app")},
        {QStringLiteral("client_assertion"), assertion},
        {QStringLiteral("scope"),
         QStringLiteral("https://inventoryservice.operations365.dynamics.com/.default")},
        {QStringLiteral("context"), info.credentials.environmentId},
        {QStringLiteral("context_type"), QStringLiteral("finops-env")}};
    const HttpAnswer second = post(*network, jsonRequest(info.endpoints.securityServiceTokenUrl),
                                   QJsonDocument(exchange).toJson(QJsonDocument::Compact));
    *token = QJsonDocument::fromJson(second.body).object().value(QLatin1String("access_token")).toString();
    if (second.status != 200 || token->isEmpty())
        return QStringLiteral("IV token exchange: HTTP %1 %2")
            .arg(second.status)
            .arg(QString::fromUtf8(second.body));
    return {};
}

QString Bench::setUp(qint64 wanted)
{
    requested = wanted;
    network = std::make_unique<QNetworkAccessManager>();
    network->setProxy(QNetworkProxy::NoProxy); // loopback only, whatever http_proxy says

    // The catalogue does not depend on the estate's size: count its variants
    // once, then size the estate so that one query over `stores` stores gives
    // stores x variants >= wanted rows.
    {
        ivemu::Emulator probe;
        ivemu::EmulatorConfig config;
        config.simulateTraffic = false;
        config.storeCount = 1;
        if (const QString error = probe.start(config); !error.isEmpty())
            return error;
        for (const ivemu::DemoProduct &product : probe.info().products)
            variants +=
                int(qMax<qsizetype>(1, product.colorIds.size()) * qMax<qsizetype>(1, product.sizeIds.size()));
    }
    if (variants <= 0)
        return QStringLiteral("the catalogue has no variants");
    stores = int(qBound(qint64(1), (wanted + variants - 1) / variants, qint64(kMaxStores)));

    emulator = std::make_unique<ivemu::Emulator>();
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false; // the estate stands still: every answer is the same
    config.storeCount = qMax(stores, 12);
    if (const QString error = emulator->start(config); !error.isEmpty())
        return error;
    const ivemu::EmulatorInfo info = emulator->info();

    QString token;
    if (const QString error = ivToken(info, &token); !error.isEmpty())
        return error;

    // Exact query v1 (§9.4): every product at `stores` stores, by colour and size.
    QJsonArray tuples;
    QString organizationId;
    for (const ivemu::EstateLocation &location : info.locations) {
        if (location.isDistributionCentre || tuples.size() >= stores)
            continue;
        tuples.append(QJsonArray{location.siteId, location.locationId});
        organizationId = location.organizationId;
    }
    if (tuples.size() != stores)
        return QStringLiteral("the estate has %1 stores, not %2").arg(tuples.size()).arg(stores);
    const QJsonObject query{
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("organizationId"), QJsonArray{organizationId}},
                     {QStringLiteral("productId"), QJsonArray()},
                     {QStringLiteral("dimensions"),
                      QJsonArray{QStringLiteral("siteId"), QStringLiteral("locationId")}},
                     {QStringLiteral("values"), tuples}}},
        {QStringLiteral("groupByValues"), QJsonArray{QStringLiteral("ColorId"), QStringLiteral("SizeId")}},
        {QStringLiteral("returnNegative"), true}};
    queryBody = QJsonDocument(query).toJson(QJsonDocument::Compact);
    QUrl url = info.endpoints.ivEndpoint;
    url.setPath(QStringLiteral("/api/environment/%1/onhand/exactquery").arg(info.credentials.environmentId));
    queryRequest = jsonRequest(url);
    queryRequest.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8());

    // One answer, outside timing: is it the rows we expect?
    const HttpAnswer answer = post(*network, queryRequest, queryBody);
    if (answer.status != 200)
        return QStringLiteral("exact query: HTTP %1 %2 %3")
            .arg(answer.status)
            .arg(answer.error, QString::fromUtf8(answer.body.left(300)));
    answerBytes = answer.body.size();
    rows = answer.body.count(QByteArrayView("\"productId\""));
    if (rows != qint64(stores) * variants)
        return QStringLiteral("the exact query gave %1 rows, not %2 stores x %3 variants")
            .arg(rows)
            .arg(stores)
            .arg(variants);

    // The same rows for QJsonDocument alone, rebuilt from the answer.
    QString error;
    table = RowTable::fromAnswer(QJsonDocument::fromJson(answer.body).array(), &error);
    if (!table)
        return QStringLiteral("reading the answer: %1").arg(error);
    if (qint64(table->rows.size()) != rows)
        return QStringLiteral("the answer parses to %1 rows, not %2").arg(table->rows.size()).arg(rows);
    builtRows = table->build();
    const QByteArray serialised = QJsonDocument(builtRows).toJson(QJsonDocument::Compact);
    documentBytes = serialised.size();
    identicalBytes = serialised == answer.body;
    byHandIdentical = table->writeByHand() == answer.body;
    return {};
}

Bench *g_bench = nullptr;

void setCounters(benchmark::State &state, qint64 bytes)
{
    state.SetBytesProcessed(int64_t(state.iterations()) * bytes);
    state.counters["rows"] = benchmark::Counter(double(g_bench->rows));
    state.counters["rows/s"] =
        benchmark::Counter(double(g_bench->rows), benchmark::Counter::kIsIterationInvariantRate);
}

void serialiseRows(benchmark::State &state)
{
    for (auto _ : state) {
        QByteArray json = QJsonDocument(g_bench->builtRows).toJson(QJsonDocument::Compact);
        benchmark::DoNotOptimize(json.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, g_bench->documentBytes);
}

void buildAndSerialiseRows(benchmark::State &state)
{
    for (auto _ : state) {
        QByteArray json = QJsonDocument(g_bench->table->build()).toJson(QJsonDocument::Compact);
        benchmark::DoNotOptimize(json.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, g_bench->documentBytes);
}

void writeRowsByHand(benchmark::State &state)
{
    for (auto _ : state) {
        QByteArray json = g_bench->table->writeByHand();
        benchmark::DoNotOptimize(json.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, g_bench->answerBytes);
}

void emulatorAnswers(benchmark::State &state)
{
    for (auto _ : state) {
        const HttpAnswer answer = post(*g_bench->network, g_bench->queryRequest, g_bench->queryBody);
        if (answer.status != 200 || answer.body.size() != g_bench->answerBytes) {
            state.SkipWithError("the exact query did not give the expected answer");
            break;
        }
        benchmark::DoNotOptimize(answer.body.data());
    }
    setCounters(state, g_bench->answerBytes);
}

// The console output, plus the median (else mean) real time per benchmark for the ratio.
class RatioReporter : public benchmark::ConsoleReporter
{
public:
    RatioReporter() : ConsoleReporter(OO_Tabular) {}

    void ReportRuns(const std::vector<Run> &reports) override
    {
        for (const Run &run : reports) {
            if (run.error_occurred) {
                failed = true;
                continue;
            }
            Times &times = m_times[run.run_name.function_name];
            if (run.run_type == Run::RT_Aggregate) {
                if (run.aggregate_name == "median")
                    times.median = run.GetAdjustedRealTime();
            } else {
                times.sum += run.GetAdjustedRealTime();
                ++times.count;
            }
        }
        ConsoleReporter::ReportRuns(reports);
    }

    // Real time per iteration in the benchmarks' unit (milliseconds), if it ran.
    std::optional<double> time(const std::string &function) const
    {
        const auto it = m_times.find(function);
        if (it == m_times.end())
            return std::nullopt;
        if (it->second.median)
            return it->second.median;
        if (it->second.count > 0)
            return it->second.sum / double(it->second.count);
        return std::nullopt;
    }

    bool failed = false;

private:
    struct Times
    {
        std::optional<double> median;
        double sum = 0;
        int count = 0;
    };
    std::map<std::string, Times> m_times;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    Bench bench;
    if (const QString error = bench.setUp(requestedRows()); !error.isEmpty()) {
        std::fprintf(stderr, "ivdesk bench: set-up failed: %s\n", qPrintable(error));
        return 1;
    }
    g_bench = &bench;

    benchmark::AddCustomContext("ivdesk_rows_requested", std::to_string(bench.requested));
    benchmark::AddCustomContext("ivdesk_rows_per_answer", std::to_string(bench.rows) + " (" +
                                                              std::to_string(bench.stores) + " stores x " +
                                                              std::to_string(bench.variants) + " variants)");
    benchmark::AddCustomContext("ivdesk_bytes", "emulator " + std::to_string(bench.answerBytes) +
                                                    ", QJsonDocument " + std::to_string(bench.documentBytes) +
                                                    (bench.identicalBytes ? " (identical)" : " (DIFFERENT)"));
    benchmark::AddCustomContext("ivdesk_bytes_by_hand", bench.byHandIdentical ? "identical" : "DIFFERENT");
    benchmark::AddCustomContext("ivdesk_qt", qVersion());

    const auto configure = [](benchmark::internal::Benchmark *b) {
        b->ArgName("rows")->Arg(g_bench->rows)->UseRealTime()->Unit(benchmark::kMillisecond);
    };
    configure(benchmark::RegisterBenchmark(kSerialise, serialiseRows));
    configure(benchmark::RegisterBenchmark(kBuildAndSerialise, buildAndSerialiseRows));
    configure(benchmark::RegisterBenchmark(kEmulator, emulatorAnswers));
    configure(benchmark::RegisterBenchmark(kByHand, writeRowsByHand));

    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const std::optional<double> serialise = reporter.time(kSerialise);
    const std::optional<double> buildAndSerialise = reporter.time(kBuildAndSerialise);
    const std::optional<double> emulator = reporter.time(kEmulator);
    const std::optional<double> byHand = reporter.time(kByHand);
    std::printf(
        "\nRows per answer: %lld (%d stores x %d variants); bytes: emulator %lld, QJsonDocument %lld%s\n",
        static_cast<long long>(bench.rows), bench.stores, bench.variants,
        static_cast<long long>(bench.answerBytes), static_cast<long long>(bench.documentBytes),
        bench.identicalBytes ? " (identical)" : " (different!)");
    if (emulator && serialise)
        std::printf("Ratio emulator / serialise only:    %.2f  (goal <= 2.00: %s)\n", *emulator / *serialise,
                    *emulator <= 2.0 * *serialise ? "met" : "NOT met");
    if (emulator && buildAndSerialise)
        std::printf("Ratio emulator / build + serialise: %.2f\n", *emulator / *buildAndSerialise);
    if (byHand && serialise)
        std::printf("Ratio written by hand / serialise:  %.2f  (same bytes: %s)\n", *byHand / *serialise,
                    bench.byHandIdentical ? "yes" : "NO");
    return reporter.failed ? 1 : 0;
}
