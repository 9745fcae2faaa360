// The on-hand parser must read every shape the service and its docs show:
// mixed key casing, numeric strings, spaces and '@' in names, missing sources.
#include "iv/OnhandParser.h"

#include <gtest/gtest.h>

using ivcore::parseOnhandResponse;

TEST(OnhandParser, ReadsMixedCasingSpacesAndAtNames_Case07)
{
    const auto result = parseOnhandResponse(R"([{"productId":"P-1",
        "dimensions":{"SiteId":"1","locationid":"11","ColorId":"Red"},
        "quantities":{"fno":{"availphysical":4},"iv":{"total ordered":2,"availabletoreserve":4},
                      "@iv":{"@allocated":0}}}])");
    ASSERT_TRUE(result.error.isEmpty()) << result.error.toStdString();
    ASSERT_EQ(result.rows.size(), 1);
    const auto &row = result.rows.first();
    EXPECT_EQ(row.productId, QStringLiteral("P-1"));
    EXPECT_EQ(row.dimension(u"siteId"), QStringLiteral("1"));
    EXPECT_EQ(row.dimension(u"LocationId"), QStringLiteral("11"));
    EXPECT_EQ(row.dimension(u"colorid"), QStringLiteral("Red"));
    EXPECT_EQ(row.quantity(u"FNO", u"AvailPhysical"), 4.0);
    EXPECT_EQ(row.quantity(u"iv", u"total ordered"), 2.0);
    EXPECT_EQ(row.quantity(u"@iv.@allocated"), 0.0);
    EXPECT_FALSE(row.quantity(u"pos.inbound").has_value()) << "a missing source is unknown, not zero";
}

TEST(OnhandParser, AcceptsNumericStringsAndCapitalisedKeys)
{
    const auto result = parseOnhandResponse(
        R"([{"ProductID":"0140","Dimensions":{"SITEID":"2"},"Quantities":{"fno":{"physicalinvent":"15","x":"80.5"}}}])");
    ASSERT_EQ(result.rows.size(), 1);
    EXPECT_EQ(result.rows[0].productId, QStringLiteral("0140"));
    EXPECT_EQ(result.rows[0].dimension(u"siteid"), QStringLiteral("2"));
    EXPECT_EQ(result.rows[0].quantity(u"fno.physicalinvent"), 15.0);
    EXPECT_EQ(result.rows[0].quantity(u"fno.x"), 80.5);
}

TEST(OnhandParser, KeepsNegativeQuantities_Case06)
{
    const auto result =
        parseOnhandResponse(R"([{"productId":"P-400","dimensions":{"siteid":"1","locationid":"11"},
        "quantities":{"fno":{"physicalinvent":3},"iv":{"softreserved":5,"availabletoreserve":-2}}}])");
    ASSERT_EQ(result.rows.size(), 1);
    EXPECT_EQ(result.rows[0].quantity(u"iv.availabletoreserve"), -2.0);
}

TEST(OnhandParser, ReadsThePagedEnvelopeInAnyCasing)
{
    for (const char *key : {"value", "Value", "VALUE"}) {
        const QByteArray body = QByteArray(R"({")") + key +
                                R"(":[{"productId":"0140","dimensions":{},"quantities":{"iv":{"onhand":3}}}],
                                   "nextLink":""})";
        const auto result = parseOnhandResponse(body);
        ASSERT_TRUE(result.error.isEmpty()) << key;
        ASSERT_EQ(result.rows.size(), 1) << key;
        EXPECT_EQ(result.rows[0].quantity(u"iv.onhand"), 3.0);
    }
}

TEST(OnhandParser, EmptyArrayIsNoRowsNotAnError_Case03)
{
    const auto result = parseOnhandResponse("[]");
    EXPECT_TRUE(result.error.isEmpty());
    EXPECT_TRUE(result.rows.isEmpty());
}

TEST(OnhandParser, InvalidJsonNamesTheOffset_Case07)
{
    const auto result = parseOnhandResponse(R"({"filters":{"organizationId":["org1"],"siteId":["1"],},})");
    EXPECT_FALSE(result.error.isEmpty());
    EXPECT_TRUE(result.error.contains(QStringLiteral("character"))) << result.error.toStdString();
}

TEST(OnhandParser, WarnsAboutNonNumbersAndKeepsTheRow)
{
    const auto result =
        parseOnhandResponse(R"([{"productId":"A","quantities":{"iv":{"onhand":"lots","reserved":1}}}, 7])");
    ASSERT_EQ(result.rows.size(), 1);
    EXPECT_EQ(result.rows[0].quantity(u"iv.reserved"), 1.0);
    EXPECT_FALSE(result.rows[0].quantity(u"iv.onhand").has_value());
    EXPECT_EQ(result.warnings.size(), 2) << "one for the word, one for the non-object row";
}

TEST(OnhandParser, NumericProductIdsAreReadAsText)
{
    const auto result =
        parseOnhandResponse(R"([{"productId":1000,"dimensions":{"siteid":1},"quantities":{}}])");
    ASSERT_EQ(result.rows.size(), 1);
    EXPECT_EQ(result.rows[0].productId, QStringLiteral("1000"));
    EXPECT_EQ(result.rows[0].dimension(u"siteid"), QStringLiteral("1"));
}
