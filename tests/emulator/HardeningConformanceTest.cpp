// Bad requests get a 4xx naming the problem; none crashes or hangs the
// emulator, which must still answer a good request afterwards.
#include "ConformanceFixture.h"

#include <QTest>

using namespace conformance;

namespace {

struct Garbage
{
    const char *label;
    QByteArray body;
};

QList<Garbage> garbage()
{
    QByteArray deep(5000, '[');
    deep += QByteArray(5000, ']');
    QByteArray deepObject;
    for (int i = 0; i < 3000; ++i)
        deepObject += "{\"a\":";
    deepObject += "1" + QByteArray(3000, '}');
    return {
        {"empty", {}},
        {"not JSON", "hello, emulator"},
        {"array instead of object", "[1,2,3]"},
        {"string instead of object", "\"filters\""},
        {"huge number",
         "{\"filters\":{\"organizationId\":[1e999999],\"productId\":[123456789012345678901234567890]}}"},
        {"wrong types",
         "{\"filters\":{\"organizationId\":{\"a\":1},\"productId\":true},\"groupByValues\":7}"},
        {"deeply nested arrays", deep},
        {"deeply nested objects", deepObject},
        {"invalid UTF-8", "{\"filters\":{\"organizationId\":[\"\xff\xfe\xfd\"]}}"},
        {"truncated JSON", "{\"filters\":{\"organizationId\":[\"usrt\""},
        {"NUL bytes", QByteArray("{\"a\":\"\0\0\"}", 11)},
    };
}

class IvemuHardeningTest : public ConformanceTest
{
protected:
    int send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &token = {},
             QByteArray *reply = nullptr)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *answer = network.sendCustomRequest(request, verb, body);
        const bool finished = QTest::qWaitFor([answer] { return answer->isFinished(); }, 15000);
        const int status =
            finished ? answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : -1;
        if (reply)
            *reply = answer->readAll();
        answer->abort();
        answer->deleteLater();
        return status;
    }
    QUrl iv(const QString &rest) const
    {
        return at(QStringLiteral("/api/environment/%1/%2").arg(info.credentials.environmentId, rest));
    }

    QNetworkAccessManager network;
};

} // namespace

TEST_F(IvemuHardeningTest, GarbageAtEveryRouteGets4xxAndTheServerLivesOn)
{
    const QByteArray token = ivToken().toLatin1();
    const QList<QUrl> routes{
        entraUrl(info.credentials.tenantId),     info.endpoints.securityServiceTokenUrl,
        iv(QStringLiteral("onhand/indexquery")), iv(QStringLiteral("onhand/exactquery")),
        iv(QStringLiteral("configuration")),     iv(QStringLiteral("no/such/api")),
        at(QStringLiteral("/_emulator/faults")), at(QStringLiteral("/nothing/here")),
    };
    for (const QUrl &url : routes) {
        for (const Garbage &item : garbage()) {
            QByteArray body;
            const int status = send("POST", url, item.body, token, &body);
            // 307 is the global token name sending the client on; everything else must refuse.
            EXPECT_TRUE((status >= 400 && status < 500) || status == 307)
                << url.path().toStdString() << " / " << item.label << ": " << status;
            if (status >= 400 && status != 401) {
                EXPECT_FALSE(body.isEmpty()) << url.path().toStdString() << " / " << item.label;
            }
        }
    }
    EXPECT_EQ(
        query(QStringLiteral("indexquery"),
              QJsonObject{{QStringLiteral("filters"),
                           QJsonObject{{QStringLiteral("organizationId"), QJsonArray{QStringLiteral("usrt")}},
                                       {QStringLiteral("productId"), QJsonArray{QStringLiteral("0140")}}}}},
              QString::fromLatin1(token))
            .status,
        200);
}

TEST_F(IvemuHardeningTest, EveryMethodAtEveryRouteIsAnsweredWithoutHanging)
{
    const QByteArray token = ivToken().toLatin1();
    const QList<QUrl> routes{entraUrl(info.credentials.tenantId), info.endpoints.securityServiceTokenUrl,
                             iv(QStringLiteral("onhand/indexquery")), iv(QStringLiteral("configuration")),
                             at(QStringLiteral("/_emulator/stats"))};
    for (const QUrl &url : routes)
        for (const char *verb : {"GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"}) {
            const int status = send(verb, url, "{}", token);
            EXPECT_GT(status, 0) << url.path().toStdString() << ' ' << verb; // answered, not hung
            EXPECT_LT(status, 500) << url.path().toStdString() << ' ' << verb;
        }
    EXPECT_EQ(send("GET", iv(QStringLiteral("configuration")), {}, token), 200);
}

TEST_F(IvemuHardeningTest, IvErrorsNameTheProblem)
{
    const QByteArray token = ivToken().toLatin1();
    QByteArray body;
    EXPECT_EQ(send("POST", iv(QStringLiteral("onhand/indexquery")), "[1]", token, &body), 400);
    EXPECT_TRUE(
        QJsonDocument::fromJson(body)[QLatin1String("message")].toString().contains(QLatin1String("JSON")))
        << body.toStdString();
    EXPECT_EQ(send("POST", iv(QStringLiteral("onhand/indexquery")),
                   "{\"filters\":{\"organizationId\":[\"usrt\"],\"productId\":true}}", token, &body),
              400);
    EXPECT_TRUE(body.contains("productId")) << body.toStdString();
}

TEST(IvemuBodyLimitTest, ABodyOverTheCapGets413NamingTheCap)
{
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false;
    config.maxBodyBytes = 4096;
    ivemu::Emulator emulator;
    ASSERT_EQ(emulator.start(config), QString());
    const ivemu::EmulatorInfo info = emulator.info();
    QUrl url = info.endpoints.ivEndpoint;
    url.setPath(QStringLiteral("/api/environment/%1/onhand/indexquery").arg(info.credentials.environmentId));
    HttpClient http;
    const HttpResult tooLarge =
        http.post(url, QByteArray(5000, ' ') + "{}",
                  {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}});
    EXPECT_EQ(tooLarge.status, 413);
    const QString message = tooLarge.json()[QLatin1String("message")].toString();
    EXPECT_TRUE(message.contains(QLatin1String("4096"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QLatin1String("5002"))) << message.toStdString();
    // Just under the cap it is an ordinary (unauthenticated) request again.
    EXPECT_EQ(http.post(url, QByteArray(4000, ' ') + "{}",
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}})
                  .status,
              401);
}

TEST(IvemuBodyLimitTest, TheDefaultCapIsEightMebibytes)
{
    ivemu::Emulator emulator;
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false;
    ASSERT_EQ(emulator.start(config), QString());
    QUrl url = emulator.info().endpoints.authority;
    url.setPath(QStringLiteral("/any/oauth2/v2.0/token"));
    HttpClient http;
    const HttpResult tooLarge = http.post(
        url, QByteArray(8 * 1024 * 1024 + 1, 'a'),
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")}});
    EXPECT_EQ(tooLarge.status, 413);
    EXPECT_TRUE(tooLarge.body.contains("8388608"));
}
