// Configuration and admin endpoints (§14, §15.5, §15.6), F8, F9, and the 308
// of an environment on another island (§3, F4).
#include "DataPlaneFixture.h"

#include <QEventLoop>

using namespace conformance;

namespace {

class IvemuConfigurationTest : public DataPlaneTest
{
protected:
    QJsonObject configuration()
    {
        const HttpResult result = get(QStringLiteral("configuration"));
        EXPECT_EQ(result.status, 200);
        return result.json().object();
    }
    HttpResult hardUpdate(const QJsonObject &document)
    {
        return post(QStringLiteral("configuration/hardupdate"), document);
    }
    HttpResult deleteWith(const QString &rest, const QByteArray &body)
    {
        QNetworkRequest request(api(rest));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkAccessManager network;
        QNetworkReply *reply = network.sendCustomRequest(request, "DELETE", body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        reply->deleteLater();
        return result;
    }
    QJsonObject exactQueryBody() const
    {
        return {{QStringLiteral("filters"),
                 QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                             {QStringLiteral("productId"), strings({"0140"})},
                             {QStringLiteral("dimensions"), strings({"siteId", "locationId"})},
                             {QStringLiteral("values"), QJsonArray{strings({"1", "S001"})}}}}};
    }
    void cleanEverything() { ASSERT_EQ(deleteWith(QStringLiteral("cleanupalldata"), {}).status, 200); }
};

} // namespace

TEST_F(IvemuConfigurationTest, HardUpdateReplacesCalculatedMeasuresAndReservationMappings)
{
    QJsonObject document = configuration();
    QJsonObject systems = document[QLatin1String("inventorySystemConfigurations")].toObject();
    QJsonObject iv = systems[QLatin1String("iv")].toObject();
    QJsonObject calculated = iv[QLatin1String("calculatedMeasures")].toObject();
    calculated.insert(
        QStringLiteral("sellable"),
        QJsonObject{{QStringLiteral("additionModifiers"), strings({"fno.availphysical"})},
                    {QStringLiteral("subtractionModifiers"), strings({"iv.softreservphysical"})}});
    iv[QLatin1String("calculatedMeasures")] = calculated;
    systems[QLatin1String("iv")] = iv;
    document[QLatin1String("inventorySystemConfigurations")] = systems;
    const HttpResult result = hardUpdate(document);
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    EXPECT_EQ(configuration()[QLatin1String("configurationVersion")].toInt(), 2);

    const QJsonArray rows = post(QStringLiteral("onhand/exactquery"), exactQueryBody()).json().array();
    ASSERT_EQ(rows.size(), 1);
    const QJsonObject q = rows[0][QLatin1String("quantities")].toObject();
    EXPECT_EQ(q[QLatin1String("iv")][QLatin1String("sellable")].toInteger(),
              q[QLatin1String("fno")][QLatin1String("availphysical")].toInteger() -
                  q[QLatin1String("iv")][QLatin1String("softreservphysical")].toInteger());
}

TEST_F(IvemuConfigurationTest, HardUpdateRejectsBadReferencesNamingThem)
{
    QJsonObject document = configuration();
    QJsonObject systems = document[QLatin1String("inventorySystemConfigurations")].toObject();
    QJsonObject iv = systems[QLatin1String("iv")].toObject();
    iv[QLatin1String("calculatedMeasures")] =
        QJsonObject{{QStringLiteral("chained"),
                     QJsonObject{{QStringLiteral("additionModifiers"), strings({"iv.onhand"})}}}};
    systems[QLatin1String("iv")] = iv;
    document[QLatin1String("inventorySystemConfigurations")] = systems;
    const HttpResult result = hardUpdate(document);
    EXPECT_EQ(result.status, 400);
    EXPECT_TRUE(result.json()[QLatin1String("message")].toString().contains(QStringLiteral("iv.onhand")));
    EXPECT_EQ(
        hardUpdate(QJsonObject{{QStringLiteral("environmentId"), info.credentials.environmentId}}).status,
        400);
    EXPECT_EQ(configuration()[QLatin1String("configurationVersion")].toInt(), 1) << "nothing was replaced";
}

TEST_F(IvemuConfigurationTest, WithoutAnIndexSetQueriesFailF8)
{
    QJsonObject document = configuration();
    QJsonObject index = document[QLatin1String("indexConfiguration")].toObject();
    index[QLatin1String("indexAttributeSets")] = QJsonArray{};
    document[QLatin1String("indexConfiguration")] = index;
    ASSERT_EQ(hardUpdate(document).status, 200);
    const HttpResult result = post(QStringLiteral("onhand/exactquery"), exactQueryBody());
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json()[QLatin1String("message")].toString(),
              QStringLiteral("No index hierarchy has been set."));
}

TEST_F(IvemuConfigurationTest, ThePartitionRuleChangesOnlyAfterCleanUpF9)
{
    QJsonObject document = configuration();
    document[QLatin1String("partitionConfiguration")] =
        QJsonObject{{QStringLiteral("useProductId"), true}, {QStringLiteral("useDimensions"), false}};
    const HttpResult refused = hardUpdate(document);
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(refused.json()[QLatin1String("message")].toString().contains(
        QStringLiteral("delete all inventory data")));

    EXPECT_FALSE(get(QStringLiteral("allpartitionids")).json().array().isEmpty());
    cleanEverything();
    EXPECT_EQ(get(QStringLiteral("allpartitionids")).json().array(), QJsonArray{});
    EXPECT_EQ(cell("0140", "Navy", "M", "DC01", "fno.physicalinvent"), 0);
    ASSERT_EQ(hardUpdate(document).status, 200);

    // By product ID: an index query needs products; an exact query may leave out site/location.
    const QJsonObject allProducts{
        {QStringLiteral("filters"), QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                                                {QStringLiteral("productId"), QJsonArray{}},
                                                {QStringLiteral("siteId"), strings({"1"})},
                                                {QStringLiteral("locationId"), strings({"S001"})}}}};
    const HttpResult noProduct = post(QStringLiteral("onhand/indexquery"), allProducts);
    EXPECT_EQ(noProduct.status, 400);
    EXPECT_TRUE(
        noProduct.json()[QLatin1String("message")].toString().contains(QStringLiteral("By product ID")));
    QJsonObject exact = exactQueryBody();
    QJsonObject filters = exact[QLatin1String("filters")].toObject();
    filters[QLatin1String("dimensions")] = QJsonArray{};
    filters[QLatin1String("values")] = QJsonArray{QJsonArray{}};
    exact[QLatin1String("filters")] = filters;
    EXPECT_EQ(post(QStringLiteral("onhand/exactquery"), exact).status, 200);
}

TEST_F(IvemuConfigurationTest, ByLocationNeedsSiteAndLocationInExactQueries)
{
    QJsonObject exact = exactQueryBody();
    QJsonObject filters = exact[QLatin1String("filters")].toObject();
    filters[QLatin1String("dimensions")] = strings({"ColorId"});
    filters[QLatin1String("values")] = QJsonArray{strings({"Navy"})};
    exact[QLatin1String("filters")] = filters;
    EXPECT_EQ(post(QStringLiteral("onhand/exactquery"), exact).status, 400);
}

TEST_F(IvemuConfigurationTest, CleanUpByPartitionIdAndSchemaAndEnvironmentRekeying)
{
    const QJsonArray ids = get(QStringLiteral("allpartitionids")).json().array();
    ASSERT_TRUE(ids.contains(QStringLiteral("usrt~1~S001")));
    EXPECT_EQ(deleteWith(QStringLiteral("partitions/cleanupalldata"), "[\"usrt~1~S001\"]").status, 200);
    const QJsonArray after = get(QStringLiteral("allpartitionids")).json().array();
    EXPECT_FALSE(after.contains(QStringLiteral("usrt~1~S001")));
    EXPECT_EQ(after.size(), ids.size() - 1);
    EXPECT_EQ(cell("0140", "Navy", "M", "S001", "fno.physicalinvent"), 0);

    EXPECT_EQ(post(QStringLiteral("updatePartitionSchema?newversion=2"), QJsonObject{}).status, 400)
        << "data still exists";
    cleanEverything();
    EXPECT_EQ(post(QStringLiteral("updatePartitionSchema?newversion=2"), QJsonObject{}).status, 200);
    EXPECT_EQ(configuration()[QLatin1String("cachePartitionIdVersion")].toString(),
              QStringLiteral("ByLocationAndProductIdMod64"));

    // A configuration copied from another environment is re-keyed to this one.
    const QString old = QStringLiteral("11111111-2222-3333-4444-555555555555");
    QJsonObject copied = configuration();
    copied[QLatin1String("environmentId")] = old;
    ASSERT_EQ(hardUpdate(copied).status, 200);
    EXPECT_EQ(post(QStringLiteral("updateEnvIdInConfig?oldEnvironmentId=nope"), QJsonObject{}).status, 400);
    EXPECT_EQ(post(QStringLiteral("updateEnvIdInConfig?oldEnvironmentId=") + old, QJsonObject{}).status, 200);
    EXPECT_EQ(configuration()[QLatin1String("environmentId")].toString(), info.credentials.environmentId);
}

TEST_F(IvemuConfigurationTest, AnEnvironmentOnAnotherIslandAnswers308)
{
    const QString island2 = QStringLiteral("c3a1f7e2-4d6b-4e8a-9f10-2b7c5d9e3a84");
    QUrl url = api(QStringLiteral("onhand/indexquery"), island2);
    url.setQuery(QStringLiteral("pageNumber=1"));
    const HttpResult moved = http.post(url, "{}", auth(), QNetworkRequest::ManualRedirectPolicy);
    EXPECT_EQ(moved.status, 308);
    const QUrl location(QString::fromLatin1(moved.header("Location")));
    EXPECT_EQ(location.path(), QStringLiteral("/island2/api/environment/%1/onhand/indexquery").arg(island2));
    EXPECT_EQ(location.port(), info.endpoints.ivEndpoint.port());
    EXPECT_TRUE(location.query().isEmpty()) << "the query string is dropped";

    // And the demo environment called on island 2's address is sent home.
    QUrl wrongIsland =
        at(QStringLiteral("/island2/api/environment/%1/configuration").arg(info.credentials.environmentId));
    const HttpResult home = http.post(wrongIsland, "{}", auth(), QNetworkRequest::ManualRedirectPolicy);
    EXPECT_EQ(home.status, 308);
    EXPECT_EQ(QUrl(QString::fromLatin1(home.header("Location"))).path(),
              QStringLiteral("/api/environment/%1/configuration").arg(info.credentials.environmentId));
}
