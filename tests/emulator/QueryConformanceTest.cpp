// On-hand queries v1 (§9.1, §9.4, §9.5) and the cross-cutting rules of §5.
#include "DataPlaneFixture.h"

#include <QSet>

using namespace conformance;

namespace {

class IvemuQueryTest : public DataPlaneTest
{
protected:
    QJsonObject exactBody(QJsonArray products, QJsonArray tuples, QJsonArray groupBy = {}) const
    {
        return {{QStringLiteral("filters"),
                 QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                             {QStringLiteral("productId"), products},
                             {QStringLiteral("dimensions"), strings({"siteId", "locationId"})},
                             {QStringLiteral("values"), tuples}}},
                {QStringLiteral("groupByValues"), groupBy},
                {QStringLiteral("returnNegative"), true}};
    }
    QJsonObject indexBody(QJsonObject filters, QJsonArray groupBy = {}) const
    {
        filters.insert(QStringLiteral("organizationId"), strings({"usrt"}));
        return {{QStringLiteral("filters"), filters}, {QStringLiteral("groupByValues"), groupBy}};
    }
    QJsonArray rows(const QString &kind, const QJsonObject &body)
    {
        const HttpResult result = query(kind, body, token);
        EXPECT_EQ(result.status, 200) << result.body.toStdString();
        EXPECT_TRUE(result.json().isArray());
        return result.json().array();
    }
    // A 400 with the default IV error body (§5.7) whose message names `mention`.
    void expectRejected(const QString &kind, const QJsonObject &body, const QString &mention)
    {
        const HttpResult result = query(kind, body, token);
        EXPECT_EQ(result.status, 400);
        const QJsonObject error = result.json().object();
        EXPECT_EQ(error[QLatin1String("processingStatus")].toString(), QStringLiteral("failure"));
        EXPECT_EQ(error[QLatin1String("statusCode")].toInt(), 400);
        EXPECT_TRUE(error[QLatin1String("message")].toString().contains(mention))
            << result.body.toStdString();
    }
};

const QJsonArray kTwoStores{strings({"1", "S001"}), strings({"2", "S005"})};

} // namespace

TEST_F(IvemuQueryTest, ExactQueryReturnsRowsInTheServiceCasingWithCalculatedMeasures)
{
    const QJsonArray result =
        rows(QStringLiteral("exactquery"),
             exactBody(strings({"0140", "0233"}), kTwoStores, strings({"colorid", "sizeid"})));
    ASSERT_GT(result.size(), 4);
    QSet<QString> stores;
    for (const QJsonValue &value : result) {
        const QJsonObject row = value.toObject();
        const QJsonObject dimensions = row[QLatin1String("dimensions")].toObject();
        const QStringList keys = dimensions.keys();
        EXPECT_EQ(keys, (QStringList{QStringLiteral("ColorId"), QStringLiteral("SizeId"),
                                     QStringLiteral("locationid"), QStringLiteral("siteid")}));
        stores.insert(dimensions[QLatin1String("locationid")].toString());

        const QJsonObject q = row[QLatin1String("quantities")].toObject();
        EXPECT_EQ(q.keys(), (QStringList{QStringLiteral("@iv"), QStringLiteral("fno"), QStringLiteral("iv"),
                                         QStringLiteral("pos")}));
        const auto m = [&q](const char *source, const char *measure) {
            return q[QLatin1String(source)].toObject()[QLatin1String(measure)].toInteger();
        };
        const qint64 onhand = m("fno", "physicalinvent") + m("pos", "inbound") - m("pos", "outbound");
        EXPECT_EQ(m("iv", "onhand"), onhand);
        EXPECT_EQ(m("iv", "availabletoreserve"), onhand - m("iv", "softreservphysical"));
        EXPECT_EQ(m("iv", "totalavailable"), m("iv", "availabletoreserve") + m("fno", "ordered"));
        EXPECT_TRUE(q[QLatin1String("fno")].toObject().contains(QLatin1String("availphysical")));

        // The figures are the emulator's own.
        EXPECT_EQ(emulator.quantity(row[QLatin1String("productId")].toString(),
                                    dimensions[QLatin1String("ColorId")].toString(),
                                    dimensions[QLatin1String("SizeId")].toString(),
                                    dimensions[QLatin1String("locationid")].toString(),
                                    QStringLiteral("IV.OnHand")),
                  std::optional<qint64>(onhand));
    }
    EXPECT_EQ(stores, (QSet<QString>{QStringLiteral("S001"), QStringLiteral("S005")}));
}

TEST_F(IvemuQueryTest, WithoutGroupByRowsAggregateVariantsPerStore)
{
    const QJsonArray result = rows(QStringLiteral("exactquery"), exactBody(strings({"0140"}), kTwoStores));
    ASSERT_EQ(result.size(), 2);
    const QJsonObject dimensions = result[0].toObject()[QLatin1String("dimensions")].toObject();
    EXPECT_EQ(dimensions.keys(), (QStringList{QStringLiteral("locationid"), QStringLiteral("siteid")}));
}

TEST_F(IvemuQueryTest, IndexQueryTakesTheCartesianProductOfSitesAndLocations)
{
    const auto locationsOf = [this](const QJsonObject &filters) {
        QSet<QString> seen;
        for (const QJsonValue &row : rows(QStringLiteral("indexquery"), indexBody(filters)))
            seen.insert(row[QLatin1String("dimensions")][QLatin1String("siteid")].toString() + u'/' +
                        row[QLatin1String("dimensions")][QLatin1String("locationid")].toString());
        return seen;
    };
    EXPECT_EQ(locationsOf({{QStringLiteral("productId"), strings({"0140"})},
                           {QStringLiteral("siteId"), strings({"1"})},
                           {QStringLiteral("locationId"), strings({"S001", "S002", "DC01"})}}),
              (QSet<QString>{QStringLiteral("1/S001"), QStringLiteral("1/S002"), QStringLiteral("1/DC01")}));
    // 1 x S005 and 2 x S001 are combinations too; they simply hold nothing.
    EXPECT_EQ(locationsOf({{QStringLiteral("productId"), strings({"0140"})},
                           {QStringLiteral("siteId"), strings({"1", "2"})},
                           {QStringLiteral("locationId"), strings({"S001", "S005"})}}),
              (QSet<QString>{QStringLiteral("1/S001"), QStringLiteral("2/S005")}));
    // Other dimensions filter too; empty arrays mean "no filter".
    const QJsonArray navy =
        rows(QStringLiteral("indexquery"), indexBody({{QStringLiteral("productId"), strings({"0140"})},
                                                      {QStringLiteral("ColorId"), strings({"Navy"})},
                                                      {QStringLiteral("LicensePlateId"), QJsonArray{}}},
                                                     strings({"ColorId"})));
    ASSERT_EQ(navy.size(), 14);
    for (const QJsonValue &row : navy)
        EXPECT_EQ(row[QLatin1String("dimensions")][QLatin1String("ColorId")].toString(),
                  QStringLiteral("Navy"));
}

TEST_F(IvemuQueryTest, LimitsAndMalformedRequestsAre400NamingTheProblem)
{
    QJsonArray manyProducts;
    for (int i = 0; i < 5001; ++i)
        manyProducts.append(QString::number(i));
    expectRejected(QStringLiteral("exactquery"), exactBody(manyProducts, kTwoStores), QStringLiteral("5000"));

    QJsonArray sites, locations;
    for (int i = 0; i < 101; ++i)
        sites.append(QString::number(i));
    for (int i = 0; i < 100; ++i)
        locations.append(QStringLiteral("L%1").arg(i));
    expectRejected(QStringLiteral("indexquery"),
                   indexBody({{QStringLiteral("siteId"), sites}, {QStringLiteral("locationId"), locations}}),
                   QStringLiteral("10000"));

    QJsonObject twoOrgs = exactBody(strings({"0140"}), kTwoStores);
    QJsonObject filters = twoOrgs[QLatin1String("filters")].toObject();
    filters[QLatin1String("organizationId")] = strings({"usrt", "usmf"});
    twoOrgs[QLatin1String("filters")] = filters;
    expectRejected(QStringLiteral("exactquery"), twoOrgs, QStringLiteral("organizationId"));

    QJsonObject noPartition = exactBody(strings({"0140"}), QJsonArray{strings({"Navy"})});
    filters = noPartition[QLatin1String("filters")].toObject();
    filters[QLatin1String("dimensions")] = strings({"ColorId"});
    noPartition[QLatin1String("filters")] = filters;
    expectRejected(QStringLiteral("exactquery"), noPartition, QStringLiteral("siteId and locationId"));

    expectRejected(QStringLiteral("exactquery"), exactBody(strings({"0140"}), QJsonArray{strings({"1"})}),
                   QStringLiteral("filters.values[0]"));
    expectRejected(QStringLiteral("indexquery"), indexBody({}), QStringLiteral("productId"));
}

TEST_F(IvemuQueryTest, UnknownEnvironmentIs404WithTheErrorBody)
{
    const HttpResult result = http.postJson(
        at(QStringLiteral("/api/environment/00000000-0000-0000-0000-000000000000/"
                          "onhand/indexquery")),
        QJsonDocument(indexBody({})), {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json()[QLatin1String("statusCode")].toInt(), 404);
    EXPECT_EQ(http.get(at(QStringLiteral("/no/such/route"))).status, 404);
}

TEST_F(IvemuQueryTest, PathsKeysAndDimensionNamesAreCaseInsensitiveAndNumericStringsWork)
{
    const QJsonObject shouting{
        {QStringLiteral("Filters"),
         QJsonObject{{QStringLiteral("OrganizationId"), strings({"USRT"})},
                     {QStringLiteral("ProductID"), strings({"0140"})},
                     {QStringLiteral("Dimensions"), strings({"SITEID", "locationid"})},
                     {QStringLiteral("Values"), QJsonArray{QJsonArray{1, QStringLiteral("s001")}}}}},
        {QStringLiteral("GroupByValues"), strings({"colorid"})},
        {QStringLiteral("ReturnNegative"), QStringLiteral("true")}};
    const HttpResult result = http.postJson(
        at(QStringLiteral("/API/Environment/%1/OnHand/ExactQuery/")
               .arg(info.credentials.environmentId.toUpper())),
        QJsonDocument(shouting), {{QByteArrayLiteral("authorization"), "BEARER " + token.toLatin1()}});
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const QJsonArray found = result.json().array();
    ASSERT_FALSE(found.isEmpty());
    const QJsonObject dimensions = found[0][QLatin1String("dimensions")].toObject();
    EXPECT_EQ(dimensions[QLatin1String("siteid")].toString(), QStringLiteral("1"));
    EXPECT_EQ(dimensions[QLatin1String("locationid")].toString(), QStringLiteral("S001"));
    EXPECT_TRUE(dimensions.contains(QLatin1String("ColorId")));
}

TEST_F(IvemuQueryTest, NothingMatchingIsAnEmptyArray)
{
    EXPECT_EQ(rows(QStringLiteral("exactquery"), exactBody(strings({"9999"}), kTwoStores)), QJsonArray());
    EXPECT_EQ(
        rows(QStringLiteral("exactquery"), exactBody(strings({"0140"}), QJsonArray{strings({"9", "S999"})})),
        QJsonArray());
}

TEST_F(IvemuQueryTest, ReturnNegativeFalseDropsRowsWithANegativeQuantity)
{
    // 0233 sold more than it held at every store.
    QJsonObject body = exactBody(strings({"0233", "0140"}), kTwoStores, strings({"ColorId", "SizeId"}));
    const auto negatives = [](const QJsonArray &found) {
        int count = 0;
        for (const QJsonValue &row : found)
            count +=
                row[QLatin1String("quantities")][QLatin1String("iv")][QLatin1String("onhand")].toInteger() <
                0;
        return count;
    };
    const QJsonArray all = rows(QStringLiteral("exactquery"), body);
    ASSERT_GT(negatives(all), 0);
    body[QLatin1String("returnNegative")] = false;
    const QJsonArray positive = rows(QStringLiteral("exactquery"), body);
    EXPECT_EQ(negatives(positive), 0);
    EXPECT_EQ(positive.size(), all.size() - negatives(all));
}

TEST_F(IvemuQueryTest, ATrafficTickMovesQuantities)
{
    QJsonArray stores;
    for (const ivemu::EstateLocation &location : std::as_const(info.locations))
        stores.append(QJsonArray{location.siteId, location.locationId});
    const auto soldEverywhere = [&] {
        qint64 sold = 0;
        for (const QJsonValue &row : rows(QStringLiteral("exactquery"), exactBody({}, stores)))
            sold +=
                row[QLatin1String("quantities")][QLatin1String("pos")][QLatin1String("outbound")].toInteger();
        return sold;
    };
    const qint64 before = soldEverywhere();
    emulator.simulateTick();
    EXPECT_GT(soldEverywhere(), before);
}

TEST_F(IvemuQueryTest, ConfigurationDescribesSourcesMeasuresAndPartition)
{
    const HttpResult result =
        http.get(at(QStringLiteral("/api/environment/%1/configuration").arg(info.credentials.environmentId)),
                 {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
    ASSERT_EQ(result.status, 200);
    const QJsonObject config = result.json().object();
    const QJsonObject systems = config[QLatin1String("inventorySystemConfigurations")].toObject();
    EXPECT_EQ(systems.keys(), (QStringList{QStringLiteral("@iv"), QStringLiteral("fno"), QStringLiteral("iv"),
                                           QStringLiteral("pos")}));
    const QJsonObject onhand =
        systems[QLatin1String("iv")][QLatin1String("calculatedMeasures")][QLatin1String("onhand")].toObject();
    EXPECT_EQ(onhand[QLatin1String("additionModifiers")].toArray(),
              strings({"fno.physicalinvent", "pos.inbound"}));
    EXPECT_EQ(config[QLatin1String("indexConfiguration")][QLatin1String("partitionKeyAttributes")]
                    [QLatin1String("keys")]
                        .toArray(),
              strings({"siteid", "locationid"}));
}
