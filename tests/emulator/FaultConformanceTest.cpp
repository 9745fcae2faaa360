// Fault injection, observed the way a client sees it: a plain
// QNetworkAccessManager against the emulator over loopback HTTP.
#include "ConformanceFixture.h"
#include "ivemu/FaultInjector.h"
#include "ivemu/HttpServer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace conformance;

namespace {

// What HttpClient does, plus the network error and the time taken.
struct Outcome
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray contentType;
    qint64 elapsedMs = 0;
};

Outcome call(QNetworkAccessManager &network, const QUrl &url, const QByteArray &verb, const QByteArray &body,
             const QByteArray &token = {}, int timeoutMs = 0)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (timeoutMs > 0)
        request.setTransferTimeout(timeoutMs);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000);
    Outcome out;
    out.elapsedMs = clock.elapsed();
    if (finished) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.error = reply->error();
        out.body = reply->readAll();
        out.retryAfter = reply->rawHeader("Retry-After");
        out.contentType = reply->rawHeader("Content-Type");
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return out;
}

const QJsonObject kIndexQuery{
    {QStringLiteral("filters"),
     QJsonObject{{QStringLiteral("organizationId"), QJsonArray{QStringLiteral("usrt")}},
                 {QStringLiteral("productId"), QJsonArray{QStringLiteral("0140")}},
                 {QStringLiteral("siteId"), QJsonArray{QStringLiteral("1")}},
                 {QStringLiteral("locationId"), QJsonArray{QStringLiteral("S001")}}}},
    {QStringLiteral("groupByValues"), QJsonArray{QStringLiteral("ColorId"), QStringLiteral("SizeId")}},
    {QStringLiteral("returnNegative"), true}};

class IvemuFaultTest : public ConformanceTest
{
protected:
    QUrl ivUrl(const QString &rest) const
    {
        return at(QStringLiteral("/api/environment/%1/%2").arg(info.credentials.environmentId, rest));
    }
    Outcome indexQuery(const QString &token, int timeoutMs = 0)
    {
        return call(network, ivUrl(QStringLiteral("onhand/indexquery")), "POST",
                    QJsonDocument(kIndexQuery).toJson(QJsonDocument::Compact), token.toLatin1(), timeoutMs);
    }
    Outcome admin(const QByteArray &verb, const QString &path, const QJsonDocument &body = {})
    {
        return call(network, at(path), verb, body.isNull() ? QByteArray() : body.toJson());
    }
    qint64 routeCount(const char *route) const
    {
        return qint64(emulator.requestStats()[QLatin1String("routes")][QLatin1String(route)].toDouble());
    }

    QNetworkAccessManager network;
};

} // namespace

TEST_F(IvemuFaultTest, ThrottlingAnswers429WithRetryAfterForTheNextRequestsOnly)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=429:7x2")), QString());
    for (int i = 0; i < 2; ++i) {
        const Outcome throttled = indexQuery(token);
        EXPECT_EQ(throttled.status, 429);
        EXPECT_EQ(throttled.retryAfter, QByteArrayLiteral("7"));
        EXPECT_EQ(QJsonDocument::fromJson(throttled.body)[QLatin1String("statusCode")].toInt(), 429);
    }
    EXPECT_EQ(indexQuery(token).status, 200);
    EXPECT_EQ(routeCount("indexquery"), 3);
    EXPECT_EQ(emulator.requestStats()[QLatin1String("faults")][QLatin1String("429")].toInt(), 2);
}

TEST_F(IvemuFaultTest, ServerErrorsAndUnavailability)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("onhand=500x1")), QString());
    ASSERT_EQ(emulator.addFault(QStringLiteral("onhand=503:30x1")), QString());
    const Outcome error = indexQuery(token);
    EXPECT_EQ(error.status, 500);
    EXPECT_EQ(QJsonDocument::fromJson(error.body)[QLatin1String("processingStatus")].toString(),
              QStringLiteral("failure"));
    const Outcome unavailable = indexQuery(token);
    EXPECT_EQ(unavailable.status, 503);
    EXPECT_EQ(unavailable.retryAfter, QByteArrayLiteral("30"));
    EXPECT_EQ(indexQuery(token).status, 200);
}

TEST_F(IvemuFaultTest, PartitionWarmupComesAsPlainTextAndAsJson)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=warmup x1").remove(u' ')), QString());
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=warmup-jsonx1")), QString());
    const Outcome plain = indexQuery(token);
    EXPECT_EQ(plain.status, 500);
    EXPECT_TRUE(plain.body.contains("Waiting for partition")) << plain.body.toStdString();
    EXPECT_TRUE(plain.contentType.startsWith("text/plain"));
    const Outcome wrapped = indexQuery(token);
    EXPECT_EQ(wrapped.status, 500);
    EXPECT_TRUE(QJsonDocument::fromJson(wrapped.body)[QLatin1String("message")].toString().contains(
        QLatin1String("Waiting for partition")));
    EXPECT_EQ(indexQuery(token).status, 200);
}

TEST_F(IvemuFaultTest, ResetBeforeDropsTheConnectionAndIssuesNothing)
{
    ASSERT_EQ(emulator.addFault(QStringLiteral("token=reset-before")), QString());
    const Outcome reset = call(network, entraUrl(info.credentials.tenantId), "POST", "grant_type=x");
    EXPECT_EQ(reset.status, 0);
    EXPECT_NE(reset.error, QNetworkReply::NoError);
    EXPECT_GE(routeCount("token"), 1); // QNAM may resend once on a dropped connection
    emulator.clearFaults();
    EXPECT_FALSE(entraToken().isEmpty());
}

TEST(IvemuFaultServerTest, ResetAfterAppliesTheRequestThenDrops)
{
    ivemu::HttpServer server;
    ivemu::FaultInjector faults(1);
    server.setFaultInjector(&faults);
    ASSERT_NE(server.listenLoopback(0, nullptr), 0);
    int applied = 0;
    server.route(
        QStringLiteral("/apply"),
        [&applied](const QHttpServerRequest &, const QStringList &) {
            ++applied;
            return ivemu::HttpReply::empty(204);
        },
        QStringLiteral("apply"));
    QString error;
    faults.add(*ivemu::faults::parse(QStringLiteral("apply=reset-after"), &error));

    QNetworkAccessManager network;
    const Outcome dropped =
        call(network, QUrl(QStringLiteral("http://127.0.0.1:%1/apply").arg(server.port())), "POST", "{}");
    EXPECT_EQ(dropped.status, 0);
    EXPECT_NE(dropped.error, QNetworkReply::NoError);
    EXPECT_GE(applied, 1); // the effect stays although no reply came
    EXPECT_EQ(applied, faults.statsJson()[QLatin1String("routes")][QLatin1String("apply")].toInt());
}

TEST_F(IvemuFaultTest, ResetAfterOnTheExchangeStillIssuesTheToken)
{
    const QString entra = entraToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("exchange=reset-after")), QString());
    const Outcome dropped = call(network, info.endpoints.securityServiceTokenUrl, "POST",
                                 QJsonDocument(exchangeBody(entra)).toJson());
    EXPECT_EQ(dropped.status, 0);
    EXPECT_GE(routeCount("exchange"), 2); // the global name's 307 and the gateway's drop
}

TEST_F(IvemuFaultTest, AStallNeverAnswersButDoesNotBlockOtherRequests)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=stall:60000x1")), QString());
    QNetworkRequest request(ivUrl(QStringLiteral("onhand/indexquery")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setTransferTimeout(1500);
    QNetworkReply *stalled = network.post(request, QJsonDocument(kIndexQuery).toJson());

    // Meanwhile the emulator keeps serving (other connections).
    HttpClient other;
    EXPECT_EQ(other.postForm(entraUrl(info.credentials.tenantId), entraForm()).status, 200);
    EXPECT_FALSE(stalled->isFinished());

    ASSERT_TRUE(QTest::qWaitFor([stalled] { return stalled->isFinished(); }, 10000));
    EXPECT_EQ(stalled->error(), QNetworkReply::OperationCanceledError); // the client's timeout
    EXPECT_EQ(stalled->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    stalled->deleteLater();
    EXPECT_EQ(indexQuery(token).status, 200);
}

TEST_F(IvemuFaultTest, ATruncatedBodyEndsBeforeItsContentLength)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=truncatex1")), QString());
    const Outcome truncated = indexQuery(token);
    EXPECT_NE(truncated.error, QNetworkReply::NoError);
    EXPECT_TRUE(QJsonDocument::fromJson(truncated.body).isNull());
    EXPECT_EQ(indexQuery(token).status, 200);
}

TEST_F(IvemuFaultTest, MalformedJsonIsA200ThatDoesNotParse)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=malformed-jsonx1")), QString());
    const Outcome broken = indexQuery(token);
    EXPECT_EQ(broken.status, 200);
    EXPECT_FALSE(broken.body.isEmpty());
    QJsonParseError error;
    QJsonDocument::fromJson(broken.body, &error);
    EXPECT_NE(error.error, QJsonParseError::NoError);
}

TEST_F(IvemuFaultTest, EarlyTokenExpiryTurnsALiveTokenInto401)
{
    const QString token = ivToken();
    ASSERT_EQ(indexQuery(token).status, 200);
    ASSERT_EQ(emulator.addFault(QStringLiteral("indexquery=expire-tokensx1")), QString());
    EXPECT_EQ(indexQuery(token).status, 401);
    EXPECT_EQ(indexQuery(token).status, 401); // it stays expired
    EXPECT_EQ(indexQuery(ivToken()).status, 200);
}

TEST_F(IvemuFaultTest, A401StaysUntilTheRuleIsRemoved)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("iv=401")), QString());
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(indexQuery(ivToken()).status, 401);
    emulator.clearFaults();
    EXPECT_EQ(indexQuery(token).status, 200);
}

TEST_F(IvemuFaultTest, LatencyDelaysTheAnswer)
{
    const QString token = ivToken();
    ASSERT_EQ(emulator.addFault(QStringLiteral("/api/environment/*/onhand/indexquery=latency:400x1")),
              QString());
    const Outcome slow = indexQuery(token);
    EXPECT_EQ(slow.status, 200);
    EXPECT_GE(slow.elapsedMs, 390);
    EXPECT_FALSE(QJsonDocument::fromJson(slow.body).array().isEmpty());
}

TEST_F(IvemuFaultTest, ProbabilityIsDeterministicForASeed)
{
    const auto statuses = [this](ivemu::Emulator &target) {
        HttpClient client;
        QUrl url = target.info().endpoints.authority;
        url.setPath(u'/' + info.credentials.tenantId + QStringLiteral("/oauth2/v2.0/token"));
        QList<int> out;
        for (int i = 0; i < 16; ++i)
            out.append(client.postForm(url, entraForm()).status);
        return out;
    };
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false;
    config.faults = QStringList{QStringLiteral("token=503@0.5")};
    ivemu::Emulator first, second;
    ASSERT_EQ(first.start(config), QString());
    ASSERT_EQ(second.start(config), QString());
    const QList<int> sequence = statuses(first);
    EXPECT_EQ(sequence, statuses(second));
    EXPECT_TRUE(sequence.contains(200));
    EXPECT_TRUE(sequence.contains(503));
}

TEST_F(IvemuFaultTest, AdminEndpointAddsListsAndRemovesRules)
{
    const Outcome added =
        admin("POST", QStringLiteral("/_emulator/faults"),
              QJsonDocument(QJsonObject{{QStringLiteral("route"), QStringLiteral("configuration")},
                                        {QStringLiteral("kind"), QStringLiteral("429")},
                                        {QStringLiteral("param"), 3},
                                        {QStringLiteral("count"), 5}}));
    ASSERT_EQ(added.status, 201) << added.body.toStdString();
    const Outcome spec =
        admin("POST", QStringLiteral("/_emulator/faults"),
              QJsonDocument(QJsonObject{{QStringLiteral("spec"), QStringLiteral("*=latency:10")}}));
    ASSERT_EQ(spec.status, 201);
    const QJsonArray rules = QJsonDocument::fromJson(admin("GET", QStringLiteral("/_emulator/faults")).body)
                                 .object()[QLatin1String("faults")]
                                 .toArray();
    ASSERT_EQ(rules.size(), 2);
    EXPECT_EQ(rules[0][QLatin1String("kind")].toString(), QStringLiteral("429"));
    EXPECT_EQ(rules[0][QLatin1String("count")].toInt(), 5);
    EXPECT_EQ(rules[1][QLatin1String("route")].toString(), QStringLiteral("*"));

    const Outcome throttled =
        call(network, ivUrl(QStringLiteral("configuration")), "GET", {}, ivToken().toLatin1());
    EXPECT_EQ(throttled.status, 429);
    EXPECT_EQ(QJsonDocument::fromJson(admin("GET", QStringLiteral("/_emulator/faults")).body)
                  .object()[QLatin1String("faults")][0][QLatin1String("count")]
                  .toInt(),
              4);

    const int id = rules[0][QLatin1String("id")].toInt();
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_emulator/faults/%1").arg(id)).status, 200);
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_emulator/faults/%1").arg(id)).status, 404);
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_emulator/faults")).status, 200);
    EXPECT_TRUE(emulator.requestStats()[QLatin1String("routes")][QLatin1String("admin")].isUndefined());
}

TEST_F(IvemuFaultTest, AdminEndpointRejectsBadRulesNamingTheProblem)
{
    const Outcome kind =
        admin("POST", QStringLiteral("/_emulator/faults"),
              QJsonDocument(QJsonObject{{QStringLiteral("route"), QStringLiteral("*")},
                                        {QStringLiteral("kind"), QStringLiteral("explode")}}));
    EXPECT_EQ(kind.status, 400);
    EXPECT_TRUE(kind.body.contains("kind")) << kind.body.toStdString();
    const Outcome probability =
        admin("POST", QStringLiteral("/_emulator/faults"),
              QJsonDocument(QJsonObject{{QStringLiteral("spec"), QStringLiteral("*=500@2")}}));
    EXPECT_EQ(probability.status, 400);
    EXPECT_TRUE(probability.body.contains("probability"));
    EXPECT_EQ(call(network, at(QStringLiteral("/_emulator/faults")), "POST", "{not json").status, 400);
    EXPECT_EQ(admin("GET", QStringLiteral("/_emulator/faults")).body, QByteArrayLiteral("{\"faults\":[]}"));
}

TEST_F(IvemuFaultTest, StatsCountRequestsPerRouteSoLoopsShow)
{
    const QString token = ivToken(); // token, exchange (307) and exchange (gateway)
    indexQuery(token);
    indexQuery(token);
    const QJsonObject stats =
        QJsonDocument::fromJson(admin("GET", QStringLiteral("/_emulator/stats")).body).object();
    EXPECT_EQ(stats[QLatin1String("routes")][QLatin1String("token")].toInt(), 1);
    EXPECT_EQ(stats[QLatin1String("routes")][QLatin1String("exchange")].toInt(), 2);
    EXPECT_EQ(stats[QLatin1String("routes")][QLatin1String("indexquery")].toInt(), 2);
    EXPECT_EQ(stats[QLatin1String("requests")].toInt(), 5);
    EXPECT_EQ(admin("DELETE", QStringLiteral("/_emulator/stats")).status, 200);
    EXPECT_EQ(emulator.requestStats()[QLatin1String("requests")].toInt(), 0);
}

TEST(IvemuFaultConfigTest, AnInvalidRuleOnTheCommandLineStopsTheStart)
{
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false;
    config.faults = QStringList{QStringLiteral("indexquery=teapot")};
    ivemu::Emulator emulator;
    const QString error = emulator.start(config);
    EXPECT_TRUE(error.contains(QLatin1String("teapot"))) << error.toStdString();
    EXPECT_FALSE(emulator.isRunning());
}
