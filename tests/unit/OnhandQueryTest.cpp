// The exact query body: tuples, never a Cartesian product; negatives always asked for.
#include "iv/OnhandQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

TEST(OnhandQuery, ExactQueryCarriesTuplesAndReturnNegative)
{
    ivcore::ExactOnhandQuery query;
    query.organizationId = QStringLiteral("usrt");
    query.locations = {{QStringLiteral("1"), QStringLiteral("S001")},
                       {QStringLiteral("2"), QStringLiteral("S002")}};
    query.groupBy = {QStringLiteral("ColorId"), QStringLiteral("SizeId")};
    const QJsonObject body = QJsonDocument::fromJson(query.toJson()).object();
    const QJsonObject filters = body.value(QLatin1String("filters")).toObject();
    EXPECT_EQ(filters.value(QLatin1String("organizationId")).toArray(), QJsonArray{QStringLiteral("usrt")});
    EXPECT_TRUE(filters.value(QLatin1String("productId")).toArray().isEmpty());
    EXPECT_EQ(filters.value(QLatin1String("dimensions")).toArray(),
              (QJsonArray{QStringLiteral("siteId"), QStringLiteral("locationId")}));
    const QJsonArray values = filters.value(QLatin1String("values")).toArray();
    ASSERT_EQ(values.size(), 2);
    EXPECT_EQ(values[1].toArray(), (QJsonArray{QStringLiteral("2"), QStringLiteral("S002")}));
    EXPECT_TRUE(body.value(QLatin1String("returnNegative")).toBool());
    EXPECT_EQ(body.value(QLatin1String("groupByValues")).toArray().size(), 2);
}

TEST(OnhandQuery, IndexQueryCarriesEveryFilterAsAList)
{
    ivcore::IndexOnhandQuery query;
    query.organizationId = QStringLiteral("usrt");
    query.productIds = {QStringLiteral("0140"), QStringLiteral("0141")};
    query.siteIds = {QStringLiteral("1")};
    query.locationIds = {QStringLiteral("S001"), QStringLiteral("S002")};
    query.other = {{QStringLiteral("ColorId"), {QStringLiteral("Navy")}}};
    query.groupBy = {QStringLiteral("SizeId")};
    const QJsonObject body = QJsonDocument::fromJson(query.toJson()).object();
    const QJsonObject filters = body.value(QLatin1String("filters")).toObject();
    EXPECT_EQ(filters.value(QLatin1String("organizationId")).toArray(), QJsonArray{QStringLiteral("usrt")});
    EXPECT_EQ(filters.value(QLatin1String("productId")).toArray().size(), 2);
    EXPECT_EQ(filters.value(QLatin1String("locationId")).toArray().size(), 2);
    EXPECT_EQ(filters.value(QLatin1String("ColorId")).toArray(), QJsonArray{QStringLiteral("Navy")});
    EXPECT_FALSE(body.contains(QLatin1String("dimensionDataSource")));
    EXPECT_TRUE(body.value(QLatin1String("returnNegative")).toBool());
}
