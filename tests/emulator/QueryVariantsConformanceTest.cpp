// Query variants: index query v2 with paging by warehouse (§9.2), exact query
// v2 (§9.4), the GET query (§9.3), the limit switch (§23.5) and omitted
// measures (§24).
#include "DataPlaneFixture.h"

using namespace conformance;

namespace {

class IvemuQueryVariantsTest : public DataPlaneTest
{
protected:
    HttpResult postV2(const QString &rest, const QJsonObject &body)
    {
        HttpClient::Headers headers = auth();
        headers.append({QByteArrayLiteral("Api-Version"), QByteArrayLiteral("2.0")});
        return http.postJson(api(rest), QJsonDocument(body), headers);
    }
    static QJsonObject indexBody(QJsonArray organizations)
    {
        return {{QStringLiteral("filters"), QJsonObject{{QStringLiteral("organizationId"), organizations},
                                                        {QStringLiteral("productId"), strings({"0140"})}}},
                {QStringLiteral("groupByValues"), QJsonArray{}}};
    }
    static QSet<QString> warehouses(const QJsonArray &rows)
    {
        QSet<QString> out;
        for (const QJsonValue &row : rows)
            out.insert(row[QLatin1String("dimensions")][QLatin1String("locationid")].toString());
        return out;
    }
};

class IvemuLegacyLimitsTest : public DataPlaneTest
{
protected:
    void SetUp() override
    {
        ivemu::EmulatorConfig config;
        config.simulateTraffic = false;
        config.legacyQueryLimits = true;
        config.omitUntouchedMeasures = true;
        ASSERT_TRUE(emulator.start(config).isEmpty());
        info = emulator.info();
        token = ivToken();
    }
};

} // namespace

TEST_F(IvemuQueryVariantsTest, IndexQueryV2PagesByWarehouseAndTakesSeveralOrganizations)
{
    const HttpResult first = postV2(QStringLiteral("onhand/indexquery?pageNumber=1&pageSize=5"),
                                    indexBody(strings({"usrt", "usmf"})));
    ASSERT_EQ(first.status, 200) << first.body.toStdString();
    const QJsonObject envelope = first.json().object();
    EXPECT_EQ(warehouses(envelope[QLatin1String("Value")].toArray()),
              (QSet<QString>{QStringLiteral("DC01"), QStringLiteral("DC02"), QStringLiteral("S001"),
                             QStringLiteral("S002"), QStringLiteral("S003")}));
    EXPECT_EQ(envelope[QLatin1String("nextLink")].toString(),
              QStringLiteral("onhand/indexquery?pageNumber=2&pageSize=5"));

    const HttpResult last =
        postV2(QStringLiteral("onhand/indexquery?pageNumber=3&pageSize=5"), indexBody(strings({"usrt"})));
    EXPECT_EQ(warehouses(last.json()[QLatin1String("Value")].toArray()).size(),
              4); // 14 warehouses = 5 + 5 + 4
    EXPECT_EQ(last.json()[QLatin1String("nextLink")].toString(), QString());

    // v1 still takes one organization only (F15).
    EXPECT_EQ(post(QStringLiteral("onhand/indexquery"), indexBody(strings({"usrt", "usmf"}))).status, 400);
}

TEST_F(IvemuQueryVariantsTest, ExactQueryV2CarriesTheOrganizationInKeys)
{
    const QJsonObject body{
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("productId"), strings({"0140"})},
                     {QStringLiteral("keys"), strings({"organizationId", "siteId", "locationId"})},
                     {QStringLiteral("values"),
                      QJsonArray{strings({"usrt", "1", "S001"}), strings({"usmf", "2", "S005"})}}}}};
    const HttpResult result = postV2(QStringLiteral("onhand/exactquery"), body);
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const QJsonArray rows = result.json()[QLatin1String("Value")].toArray();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][QLatin1String("dimensions")][QLatin1String("locationid")].toString(),
              QStringLiteral("S001"));
}

TEST_F(IvemuQueryVariantsTest, GetQueryAcceptsRepeatedKeysAndCommaLists)
{
    const HttpResult repeated =
        get(QStringLiteral("onhand?organizationId=usrt&productId=0140&siteId=1&locationId=S001"
                           "&locationId=S002&groupBy=ColorId&groupBy=SizeId&returnNegative=true"));
    const HttpResult commas =
        get(QStringLiteral("onhand?OrganizationId=usrt&productId=0140&siteId=1&locationId=S001,S002"
                           "&groupBy=ColorId,SizeId"));
    ASSERT_EQ(repeated.status, 200) << repeated.body.toStdString();
    ASSERT_EQ(commas.status, 200);
    EXPECT_EQ(repeated.json(), commas.json());
    EXPECT_EQ(warehouses(repeated.json().array()),
              (QSet<QString>{QStringLiteral("S001"), QStringLiteral("S002")}));
    EXPECT_TRUE(repeated.json()[0][QLatin1String("dimensions")].toObject().contains(QLatin1String("SizeId")));
    EXPECT_EQ(get(QStringLiteral("onhand?organizationId=usrt,usmf&productId=0140")).status, 400);
}

TEST_F(IvemuLegacyLimitsTest, TheLegacySwitchAllowsOnly100ProductsAndCombinations)
{
    QJsonArray products;
    for (int i = 0; i < 101; ++i)
        products.append(QStringLiteral("%1").arg(100 + i, 4, 10, QLatin1Char('0')));
    const QJsonObject body{
        {QStringLiteral("filters"), QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                                                {QStringLiteral("productId"), products}}}};
    const HttpResult result = post(QStringLiteral("onhand/indexquery"), body);
    EXPECT_EQ(result.status, 400);
    EXPECT_TRUE(result.json()[QLatin1String("message")].toString().contains(
        QStringLiteral("at most 100 product IDs")));
}

TEST_F(IvemuLegacyLimitsTest, RowsOmitZeroMeasuresThatNoWriteTouched)
{
    // 0141 is out of stock everywhere: most of its measures are zero and never written.
    const QJsonObject body{
        {QStringLiteral("filters"), QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                                                {QStringLiteral("productId"), strings({"0141"})},
                                                {QStringLiteral("siteId"), strings({"1"})},
                                                {QStringLiteral("locationId"), strings({"S001"})}}}};
    const QJsonObject before =
        post(QStringLiteral("onhand/indexquery"), body).json()[0][QLatin1String("quantities")].toObject();
    EXPECT_FALSE(before[QLatin1String("pos")].toObject().contains(QLatin1String("outbound")));
    EXPECT_FALSE(before.contains(QLatin1String("@iv")));

    const QJsonObject sale{
        {QStringLiteral("id"), QStringLiteral("touch-1")},
        {QStringLiteral("organizationId"), QStringLiteral("usrt")},
        {QStringLiteral("productId"), QStringLiteral("0141")},
        {QStringLiteral("dimensions"),
         QJsonObject{{QStringLiteral("siteId"), QStringLiteral("1")},
                     {QStringLiteral("locationId"), QStringLiteral("S001")},
                     {QStringLiteral("ColorId"), info.products[41].colorIds.first()},
                     {QStringLiteral("SizeId"), info.products[41].sizeIds.first()}}},
        {QStringLiteral("quantities"),
         QJsonObject{{QStringLiteral("pos"), QJsonObject{{QStringLiteral("outbound"), 0}}}}}};
    ASSERT_EQ(post(QStringLiteral("onhand"), sale).status, 200);
    const QJsonObject after =
        post(QStringLiteral("onhand/indexquery"), body).json()[0][QLatin1String("quantities")].toObject();
    EXPECT_TRUE(after[QLatin1String("pos")].toObject().contains(QLatin1String("outbound")));
    EXPECT_TRUE(after[QLatin1String("iv")].toObject().contains(QLatin1String("onhand")));
}
