// Change schedules and ATP (§10), with the reference's worked example (§10.4).
#include "DataPlaneFixture.h"

#include <QDate>

using namespace conformance;

namespace {

class IvemuScheduleTest : public DataPlaneTest
{
protected:
    static QJsonObject dimensions()
    {
        return {{QStringLiteral("SiteId"), QStringLiteral("1")},
                {QStringLiteral("LocationId"), QStringLiteral("DC01")},
                {QStringLiteral("ColorId"), QStringLiteral("Navy")},
                {QStringLiteral("SizeId"), QStringLiteral("M")}};
    }
    static QString day(int offset)
    {
        return QDateTime::currentDateTimeUtc().date().addDays(offset).toString(Qt::ISODate);
    }
    static QJsonObject schedule(const QString &id, int offset, const char *measure, int quantity)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("organizationId"), QStringLiteral("usrt")},
                {QStringLiteral("productId"), QStringLiteral("0140")},
                {QStringLiteral("dimensions"), dimensions()},
                {QStringLiteral("quantitiesByDate"),
                 QJsonObject{{day(offset), QJsonObject{{QStringLiteral("pos"),
                                                        QJsonObject{{QLatin1String(measure), quantity}}}}}}}};
    }
};

} // namespace

TEST_F(IvemuScheduleTest, AtpFollowsTheWorkedExample)
{
    // On-hand 20: move pos.outbound so that physicalinvent + inbound - outbound = 20.
    const qint64 onhand = cell("0140", "Navy", "M", "DC01", "iv.onhand");
    ASSERT_EQ(cell("0140", "Navy", "M", "DC01", "iv.softreservphysical"), 0);
    const QJsonObject sale{
        {QStringLiteral("id"), QStringLiteral("to-20")},
        {QStringLiteral("organizationId"), QStringLiteral("usrt")},
        {QStringLiteral("productId"), QStringLiteral("0140")},
        {QStringLiteral("dimensions"), dimensions()},
        {QStringLiteral("quantities"),
         QJsonObject{{QStringLiteral("pos"), QJsonObject{{QStringLiteral("outbound"), onhand - 20}}}}}};
    ASSERT_EQ(post(QStringLiteral("onhand"), sale).status, 200);
    ASSERT_EQ(cell("0140", "Navy", "M", "DC01", "iv.onhand"), 20);

    // Demand 3 (day 1), supply 10 (day 3), demand 15 (day 4), supply 1 (day 5), supply 3 (day 6).
    const HttpResult bulk = post(QStringLiteral("onhand/changeschedule/bulk"),
                                 QJsonArray{schedule(QStringLiteral("s1"), 0, "outbound", 3),
                                            schedule(QStringLiteral("s2"), 2, "inbound", 10),
                                            schedule(QStringLiteral("s3"), 3, "outbound", 15),
                                            schedule(QStringLiteral("s4"), 4, "inbound", 1),
                                            schedule(QStringLiteral("s5"), 5, "inbound", 3)});
    ASSERT_EQ(bulk.status, 200) << bulk.body.toStdString();
    ASSERT_EQ(bulk.json()[QLatin1String("success")].toArray().size(), 5) << bulk.body.toStdString();
    EXPECT_EQ(post(QStringLiteral("onhand/changeschedule"), schedule(QStringLiteral("s1"), 0, "outbound", 3))
                  .status,
              200);
    EXPECT_EQ(cell("0140", "Navy", "M", "DC01", "iv.onhand"), 20) << "schedules never change actual on-hand";

    const QJsonObject query{
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                     {QStringLiteral("productId"), strings({"0140"})},
                     {QStringLiteral("dimensions"), strings({"siteId", "locationId", "ColorId", "SizeId"})},
                     {QStringLiteral("values"), QJsonArray{strings({"1", "DC01", "Navy", "M"})}}}},
        {QStringLiteral("queryATP"), true}};
    const HttpResult result = post(QStringLiteral("onhand/exactquery"), query);
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const QJsonObject row = result.json()[0].toObject();
    const QJsonObject atp = row[QLatin1String("atpQuantities")].toObject();
    const QList<int> expected{12, 12, 12, 12, 13, 16, 16};
    ASSERT_EQ(atp.size(), 7);
    for (int i = 0; i < 7; ++i)
        EXPECT_EQ(atp[day(i) + QStringLiteral("T00:00:00Z")][QLatin1String("iv")]
                     [QLatin1String("availabletoreserve")]
                         .toInteger(),
                  expected[i])
            << "day " << i;
    const QJsonObject byDate = row[QLatin1String("quantitiesByDate")].toObject();
    EXPECT_EQ(byDate.size(), 5);
    EXPECT_EQ(byDate[day(3) + QStringLiteral("T00:00:00")][QLatin1String("pos")][QLatin1String("outbound")]
                  .toInteger(),
              15);
}

TEST_F(IvemuScheduleTest, DatesOutsideThePeriodAreRejected)
{
    const HttpResult late =
        post(QStringLiteral("onhand/changeschedule"), schedule(QStringLiteral("late"), 7, "inbound", 1));
    EXPECT_EQ(late.status, 400);
    EXPECT_TRUE(late.json()[QLatin1String("message")].toString().contains(QStringLiteral("schedule period")));
    EXPECT_EQ(
        post(QStringLiteral("onhand/changeschedule"), schedule(QStringLiteral("past"), -1, "inbound", 1))
            .status,
        400);
}
