// Soft reservations (§8): availability check, business failures in the body
// (F11, F12), unreserve partialSuccess (F13), de-duplication.
#include "DataPlaneFixture.h"

using namespace conformance;

namespace {

class IvemuReservationTest : public DataPlaneTest
{
protected:
    // §8.1's example adapted: 0140 Navy M at the Renton distribution centre.
    static QJsonObject reservation(const QString &id, qint64 quantity, QJsonObject dims = {})
    {
        if (dims.isEmpty())
            dims = {{QStringLiteral("siteId"), QStringLiteral("1")},
                    {QStringLiteral("locationId"), QStringLiteral("DC01")},
                    {QStringLiteral("ColorId"), QStringLiteral("Navy")},
                    {QStringLiteral("SizeId"), QStringLiteral("M")}};
        return {{QStringLiteral("id"), id},
                {QStringLiteral("organizationId"), QStringLiteral("usrt")},
                {QStringLiteral("productId"), QStringLiteral("0140")},
                {QStringLiteral("quantity"), quantity},
                {QStringLiteral("quantityDataSource"), QStringLiteral("iv")},
                {QStringLiteral("modifier"), QStringLiteral("softreservphysical")},
                {QStringLiteral("ifCheckAvailForReserv"), true},
                {QStringLiteral("dimensions"), dims}};
    }
    static QJsonObject unreservation(const QString &id, const QString &reservationId, qint64 offset)
    {
        return {
            {QStringLiteral("id"), id},
            {QStringLiteral("organizationId"), QStringLiteral("usrt")},
            {QStringLiteral("productId"), QStringLiteral("0140")},
            {QStringLiteral("reservationId"), reservationId},
            {QStringLiteral("dimensions"), QJsonObject{{QStringLiteral("siteid"), QStringLiteral("1")},
                                                       {QStringLiteral("locationid"), QStringLiteral("DC01")},
                                                       {QStringLiteral("ColorId"), QStringLiteral("Navy")},
                                                       {QStringLiteral("SizeId"), QStringLiteral("M")}}},
            {QStringLiteral("OffsetQty"), offset}};
    }
    qint64 available() const { return cell("0140", "Navy", "M", "DC01", "iv.availabletoreserve"); }
    qint64 softReserved() const { return cell("0140", "Navy", "M", "DC01", "iv.softreservphysical"); }

    // HTTP 200 with the outcome in the body (§5.7).
    QJsonObject call(const QString &route, const QJsonObject &body)
    {
        const HttpResult result = post(route, body);
        EXPECT_EQ(result.status, 200) << result.body.toStdString();
        return result.json().object();
    }
};

} // namespace

TEST_F(IvemuReservationTest, AReservationWithinAvailabilityRaisesSoftReserved)
{
    const qint64 free = available(), reservedBefore = softReserved();
    ASSERT_GT(free, 10);
    const QJsonObject body =
        call(QStringLiteral("onhand/reserve"), reservation(QStringLiteral("web-order-88412-line-1"), 10));
    EXPECT_EQ(body[QLatin1String("processingStatus")].toString(), QStringLiteral("success"));
    EXPECT_EQ(body[QLatin1String("statusCode")].toInt(), 200);
    EXPECT_TRUE(body[QLatin1String("id")].toString().startsWith(QStringLiteral("ohre~id-")));
    EXPECT_FALSE(body[QLatin1String("reservationId")].toString().isEmpty());
    EXPECT_EQ(softReserved(), reservedBefore + 10);
    EXPECT_EQ(available(), free - 10);

    // The same request ID again: same answer, nothing more reserved.
    const QJsonObject again =
        call(QStringLiteral("onhand/reserve"), reservation(QStringLiteral("web-order-88412-line-1"), 10));
    EXPECT_EQ(again, body);
    EXPECT_EQ(softReserved(), reservedBefore + 10);
    EXPECT_EQ(ledgerCount(QStringLiteral("web-order-88412-line-1")), 1);
}

TEST_F(IvemuReservationTest, NotEnoughAvailabilityIsABodyStatus500UnlessTheCheckIsOff)
{
    const qint64 free = available(), reservedBefore = softReserved();
    const QJsonObject refused =
        call(QStringLiteral("onhand/reserve"), reservation(QStringLiteral("too-much"), free + 1));
    EXPECT_EQ(refused[QLatin1String("statusCode")].toInt(), 500); // F11
    EXPECT_EQ(refused[QLatin1String("processingStatus")].toString(), QStringLiteral("failure"));
    EXPECT_EQ(softReserved(), reservedBefore);

    QJsonObject oversell = reservation(QStringLiteral("oversell"), free + 1);
    oversell[QLatin1String("ifCheckAvailForReserv")] = QStringLiteral("false");
    EXPECT_EQ(call(QStringLiteral("onhand/reserve"), oversell)[QLatin1String("statusCode")].toInt(), 200);
    EXPECT_EQ(available(), -1);

    // Giving back: a negative quantity needs the check off.
    EXPECT_EQ(call(QStringLiteral("onhand/reserve"),
                   reservation(QStringLiteral("neg-on"), -1))[QLatin1String("statusCode")]
                  .toInt(),
              500);
    QJsonObject giveBack = reservation(QStringLiteral("neg-off"), -1);
    giveBack[QLatin1String("ifCheckAvailForReserv")] = false;
    EXPECT_EQ(call(QStringLiteral("onhand/reserve"), giveBack)[QLatin1String("statusCode")].toInt(), 200);
    EXPECT_EQ(available(), 0);
}

TEST_F(IvemuReservationTest, HierarchyAndPartitionFailuresAreInTheBody)
{
    const QJsonObject missingLocation = call(
        QStringLiteral("onhand/reserve"), reservation(QStringLiteral("no-location"), 1,
                                                      {{QStringLiteral("siteId"), QStringLiteral("1")},
                                                       {QStringLiteral("ColorId"), QStringLiteral("Navy")}}));
    EXPECT_EQ(missingLocation[QLatin1String("statusCode")].toInt(), 500); // F11
    const QJsonObject skipsColour = call(QStringLiteral("onhand/reserve"),
                                         reservation(QStringLiteral("skips-colour"), 1,
                                                     {{QStringLiteral("siteId"), QStringLiteral("1")},
                                                      {QStringLiteral("locationId"), QStringLiteral("DC01")},
                                                      {QStringLiteral("SizeId"), QStringLiteral("M")}}));
    EXPECT_EQ(skipsColour[QLatin1String("statusCode")].toInt(), 400); // F12
    EXPECT_TRUE(skipsColour[QLatin1String("message")].toString().contains(QStringLiteral("hierarchy")));
    // A prefix (site, location, colour) is fine.
    const QJsonObject colourOnly = call(QStringLiteral("onhand/reserve"),
                                        reservation(QStringLiteral("colour-only"), 2,
                                                    {{QStringLiteral("siteId"), QStringLiteral("1")},
                                                     {QStringLiteral("locationId"), QStringLiteral("DC01")},
                                                     {QStringLiteral("ColorId"), QStringLiteral("Navy")}}));
    EXPECT_EQ(colourOnly[QLatin1String("statusCode")].toInt(), 200)
        << QJsonDocument(colourOnly).toJson().toStdString();
    // fno cannot be reserved against (F14).
    QJsonObject fno = reservation(QStringLiteral("fno"), 1);
    fno[QLatin1String("quantityDataSource")] = QStringLiteral("fno");
    EXPECT_EQ(post(QStringLiteral("onhand/reserve"), fno).status, 400);
}

TEST_F(IvemuReservationTest, UnreserveReleasesAndReportsTheInvalidPart)
{
    const qint64 reservedBefore = softReserved();
    const QString reservationId =
        call(QStringLiteral("onhand/reserve"),
             reservation(QStringLiteral("r-10"), 10))[QLatin1String("reservationId")]
            .toString();
    const QJsonObject part =
        call(QStringLiteral("onhand/unreserve"), unreservation(QStringLiteral("u-4"), reservationId, 4));
    EXPECT_EQ(part[QLatin1String("processingStatus")].toString(), QStringLiteral("success"));
    EXPECT_EQ(part[QLatin1String("totalInvalidOffsetQtyByReservId")].toInt(), 0);
    EXPECT_TRUE(part[QLatin1String("id")].toString().startsWith(QStringLiteral("ohoe~id-")));
    EXPECT_EQ(softReserved(), reservedBefore + 6);

    // 6 left; offsetting 8 releases 6 and reports 2 invalid (F13).
    const QJsonObject rest =
        call(QStringLiteral("onhand/unreserve"), unreservation(QStringLiteral("u-8"), reservationId, 8));
    EXPECT_EQ(rest[QLatin1String("processingStatus")].toString(), QStringLiteral("partialSuccess"));
    EXPECT_EQ(rest[QLatin1String("totalInvalidOffsetQtyByReservId")].toInt(), 2);
    EXPECT_EQ(rest[QLatin1String("reservationId")].toString(), reservationId);
    EXPECT_EQ(softReserved(), reservedBefore);

    // Re-sent unreserve: same body, nothing released twice.
    EXPECT_EQ(
        call(QStringLiteral("onhand/unreserve"), unreservation(QStringLiteral("u-4"), reservationId, 4)),
        part);
    EXPECT_EQ(softReserved(), reservedBefore);
}

TEST_F(IvemuReservationTest, BulkReserveAnswersEachRecordInOrder)
{
    const qint64 free = available();
    const HttpResult result =
        post(QStringLiteral("onhand/reserve/bulk"),
             QJsonArray{reservation(QStringLiteral("b-1"), 1), reservation(QStringLiteral("b-2"), free + 5)});
    ASSERT_EQ(result.status, 200);
    const QJsonArray answers = result.json().array();
    ASSERT_EQ(answers.size(), 2);
    EXPECT_EQ(answers[0][QLatin1String("statusCode")].toInt(), 200);
    EXPECT_EQ(answers[1][QLatin1String("statusCode")].toInt(), 500);
    EXPECT_EQ(available(), free - 1);
    const QString reservationId = answers[0][QLatin1String("reservationId")].toString();
    const HttpResult released = post(QStringLiteral("onhand/unreserve/bulk"),
                                     QJsonArray{unreservation(QStringLiteral("ub-1"), reservationId, 1)});
    ASSERT_EQ(released.status, 200);
    EXPECT_EQ(released.json()[0][QLatin1String("processingStatus")].toString(), QStringLiteral("success"));
    EXPECT_EQ(available(), free);
}
