// On-hand writes (§6, §7, §13.1) with de-duplication (§5.3) and the ledger.
#include "DataPlaneFixture.h"

using namespace conformance;

namespace {

class IvemuWriteTest : public DataPlaneTest
{
protected:
    // §6's example adapted to the demo estate (0140 Navy M at Seattle Downtown).
    static QJsonObject changeEvent(const QString &id, QJsonValue outbound = 2)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("organizationId"), QStringLiteral("usrt")},
                {QStringLiteral("productId"), QStringLiteral("0140")},
                {QStringLiteral("dimensionDataSource"), QStringLiteral("pos")},
                {QStringLiteral("dimensions"),
                 QJsonObject{{QStringLiteral("siteId"), QStringLiteral("1")},
                             {QStringLiteral("locationId"), QStringLiteral("S001")},
                             {QStringLiteral("posMachineId"), QStringLiteral("REG-03")},
                             {QStringLiteral("ColorId"), QStringLiteral("Navy")},
                             {QStringLiteral("SizeId"), QStringLiteral("M")}}},
                {QStringLiteral("quantities"),
                 QJsonObject{{QStringLiteral("pos"), QJsonObject{{QStringLiteral("outbound"), outbound}}}}}};
    }
    qint64 outbound() const { return cell("0140", "Navy", "M", "S001", "pos.outbound"); }
    qint64 onhand() const { return cell("0140", "Navy", "M", "S001", "iv.onhand"); }

    void expectBadRequest(const HttpResult &result, const QString &mention)
    {
        EXPECT_EQ(result.status, 400) << result.body.toStdString();
        EXPECT_EQ(result.json()[QLatin1String("statusCode")].toInt(), 400);
        EXPECT_EQ(result.json()[QLatin1String("processingStatus")].toString(), QStringLiteral("failure"));
        EXPECT_TRUE(result.json()[QLatin1String("message")].toString().contains(mention, Qt::CaseInsensitive))
            << result.body.toStdString();
    }
};

} // namespace

TEST_F(IvemuWriteTest, AChangeEventAddsItsDeltaAndShowsInQueries)
{
    const qint64 before = outbound(), onhandBefore = onhand();
    const HttpResult result =
        post(QStringLiteral("onhand"), changeEvent(QStringLiteral("pos-usrt-S001-000871")));
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    EXPECT_EQ(result.json()[QLatin1String("id")].toString(), QStringLiteral("pos-usrt-S001-000871"));
    EXPECT_EQ(result.json()[QLatin1String("processingStatus")].toString(), QStringLiteral("success"));
    EXPECT_EQ(result.json()[QLatin1String("statusCode")].toInt(), 200);
    EXPECT_EQ(outbound(), before + 2);
    EXPECT_EQ(onhand(), onhandBefore - 2) << "calculated measures follow at query time";

    const QJsonObject query{
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("organizationId"), strings({"usrt"})},
                     {QStringLiteral("productId"), strings({"0140"})},
                     {QStringLiteral("dimensions"), strings({"siteId", "locationId", "ColorId", "SizeId"})},
                     {QStringLiteral("values"), QJsonArray{strings({"1", "S001", "Navy", "M"})}}}}};
    const HttpResult rows = post(QStringLiteral("onhand/exactquery"), query);
    ASSERT_EQ(rows.json().array().size(), 1);
    EXPECT_EQ(rows.json()[0][QLatin1String("quantities")][QLatin1String("pos")][QLatin1String("outbound")]
                  .toInteger(),
              before + 2);
}

TEST_F(IvemuWriteTest, AResentEventIdIsAnsweredButNotAppliedTwice)
{
    const qint64 before = outbound();
    const QJsonObject event = changeEvent(QStringLiteral("retry-me"));
    ASSERT_EQ(post(QStringLiteral("onhand"), event).status, 200);
    const HttpResult again = post(QStringLiteral("onhand"), event);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json()[QLatin1String("processingStatus")].toString(), QStringLiteral("success"));
    EXPECT_EQ(outbound(), before + 2);
    EXPECT_EQ(ledgerCount(QStringLiteral("retry-me")), 1);
    // The same ID inside a bulk is not applied either.
    const HttpResult bulk = post(QStringLiteral("onhand/bulk"), QJsonArray{event, event});
    EXPECT_EQ(bulk.status, 200);
    EXPECT_EQ(bulk.json()[QLatin1String("success")].toArray(),
              (QJsonArray{QStringLiteral("retry-me"), QStringLiteral("retry-me")}));
    EXPECT_EQ(outbound(), before + 2);
}

TEST_F(IvemuWriteTest, TheLedgerListsAppliedEventsWithWhatTheyChanged)
{
    ASSERT_EQ(post(QStringLiteral("onhand"), changeEvent(QStringLiteral("ledger-1"), 1)).status, 200);
    ASSERT_EQ(post(QStringLiteral("onhand"), changeEvent(QStringLiteral("ledger-2"), 3)).status, 200);
    const HttpResult ledger = http.get(at(QStringLiteral("/_emulator/ledger")));
    ASSERT_EQ(ledger.status, 200);
    const QJsonArray entries = ledger.json()[QLatin1String("entries")].toArray();
    ASSERT_EQ(entries.size(), 2);
    EXPECT_EQ(entries[0][QLatin1String("id")].toString(), QStringLiteral("ledger-1"));
    const QJsonObject change = entries[1][QLatin1String("changes")][0].toObject();
    EXPECT_EQ(change[QLatin1String("measure")].toString(), QStringLiteral("pos.outbound"));
    EXPECT_EQ(change[QLatin1String("delta")].toInteger(), 3);
    EXPECT_EQ(change[QLatin1String("locationId")].toString(), QStringLiteral("S001"));
    EXPECT_EQ(change[QLatin1String("ColorId")].toString(), QStringLiteral("Navy"));

    const qint64 first = entries[0][QLatin1String("sequence")].toInteger();
    QUrl since = at(QStringLiteral("/_emulator/ledger"));
    since.setQuery(QStringLiteral("since=%1").arg(first));
    const QJsonArray later = http.get(since).json()[QLatin1String("entries")].toArray();
    ASSERT_EQ(later.size(), 1);
    EXPECT_EQ(later[0][QLatin1String("id")].toString(), QStringLiteral("ledger-2"));
}

TEST_F(IvemuWriteTest, KeysDimensionsAndNumbersAreLenient)
{
    const qint64 before = cell("0140", "Navy", "M", "S001", "pos.inbound");
    // Capitalised keys, the fno source's own dimension names, a numeric string, a trailing slash.
    const QJsonObject event{{QStringLiteral("ID"), QStringLiteral("lenient-1")},
                            {QStringLiteral("OrganizationId"), QStringLiteral("usrt")},
                            {QStringLiteral("ProductId"), QStringLiteral("0140")},
                            {QStringLiteral("DimensionDataSource"), QStringLiteral("fno")},
                            {QStringLiteral("Dimensions"),
                             QJsonObject{{QStringLiteral("InventSiteId"), QStringLiteral("1")},
                                         {QStringLiteral("InventLocationId"), QStringLiteral("s001")},
                                         {QStringLiteral("inventcolorid"), QStringLiteral("navy")},
                                         {QStringLiteral("SIZEID"), QStringLiteral("m")}}},
                            {QStringLiteral("Quantities"),
                             QJsonObject{{QStringLiteral("POS"),
                                          QJsonObject{{QStringLiteral("Inbound"), QStringLiteral("6")}}}}}};
    const HttpResult result = post(QStringLiteral("OnHand/"), event);
    EXPECT_EQ(result.status, 200) << result.body.toStdString();
    EXPECT_EQ(cell("0140", "Navy", "M", "S001", "pos.inbound"), before + 6);
}

TEST_F(IvemuWriteTest, BadWritesAre400NamingTheProblem)
{
    QJsonObject fno = changeEvent(QStringLiteral("bad-fno"));
    fno[QLatin1String("quantities")] =
        QJsonObject{{QStringLiteral("fno"), QJsonObject{{QStringLiteral("availphysical"), 1}}}};
    expectBadRequest(post(QStringLiteral("onhand"), fno), QStringLiteral("fno is read-only")); // F14

    QJsonObject noPartition = changeEvent(QStringLiteral("bad-partition"));
    noPartition[QLatin1String("dimensions")] =
        QJsonObject{{QStringLiteral("ColorId"), QStringLiteral("Navy")}};
    expectBadRequest(post(QStringLiteral("onhand"), noPartition), QStringLiteral("siteId and locationId"));

    QJsonObject calculated = changeEvent(QStringLiteral("bad-calculated"));
    calculated[QLatin1String("quantities")] =
        QJsonObject{{QStringLiteral("iv"), QJsonObject{{QStringLiteral("onhand"), 1}}}};
    expectBadRequest(post(QStringLiteral("onhand"), calculated), QStringLiteral("not a physical measure"));

    expectBadRequest(post(QStringLiteral("onhand"), changeEvent({})), QStringLiteral("id is required"));
    expectBadRequest(post(QStringLiteral("onhand"), changeEvent(QStringLiteral("x"), QStringLiteral("two"))),
                     QStringLiteral("whole number"));
    const HttpResult malformed = http.post(api(QStringLiteral("onhand")), "{\"id\": ", auth());
    expectBadRequest(malformed, QStringLiteral("not valid JSON"));
    EXPECT_EQ(ledgerCount(QStringLiteral("bad-fno")), 0);
    EXPECT_EQ(emulator.ledger()->entries().size(), 0);
}

TEST_F(IvemuWriteTest, BulkAcceptsUpTo512AndReportsFailuresPerEvent)
{
    const qint64 before = outbound();
    QJsonObject fno = changeEvent(QStringLiteral("bulk-fno"));
    fno[QLatin1String("quantities")] =
        QJsonObject{{QStringLiteral("fno"), QJsonObject{{QStringLiteral("ordered"), 1}}}};
    const HttpResult result =
        post(QStringLiteral("onhand/bulk"),
             QJsonArray{changeEvent(QStringLiteral("bulk-1")), changeEvent(QStringLiteral("bulk-2")), fno});
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json()[QLatin1String("success")].toArray(),
              (QJsonArray{QStringLiteral("bulk-1"), QStringLiteral("bulk-2")}));
    const QJsonArray failure = result.json()[QLatin1String("failure")].toArray();
    ASSERT_EQ(failure.size(), 1);
    EXPECT_EQ(failure[0][QLatin1String("id")].toString(), QStringLiteral("bulk-fno"));
    EXPECT_EQ(outbound(), before + 4);

    QJsonArray tooMany;
    for (int i = 0; i < 513; ++i)
        tooMany.append(changeEvent(QStringLiteral("many-%1").arg(i)));
    const HttpResult refused = post(QStringLiteral("onhand/bulk"), tooMany); // F16
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(refused.json()[QLatin1String("message")].toString().contains(QStringLiteral("512")));
    EXPECT_EQ(outbound(), before + 4) << "a refused bulk applies nothing";
    tooMany.removeLast();
    EXPECT_EQ(post(QStringLiteral("onhand/bulk"), tooMany).status, 200);
    EXPECT_EQ(outbound(), before + 4 + 2 * 512);
}

TEST_F(IvemuWriteTest, SetOnHandReplacesTheStoredValue)
{
    QJsonObject count = changeEvent(QStringLiteral("count-S001-0140-navy-m"));
    count[QLatin1String("quantities")] =
        QJsonObject{{QStringLiteral("pos"), QJsonObject{{QStringLiteral("inbound"), 37}}}};
    count[QLatin1String("modifiedDateTimeUTC")] = QStringLiteral("2025-03-04T07:30:00Z");
    const HttpResult result = post(QStringLiteral("setonhand/pos/bulk"), QJsonArray{count});
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    EXPECT_EQ(cell("0140", "Navy", "M", "S001", "pos.inbound"), 37);
    ASSERT_EQ(post(QStringLiteral("setonhand/pos/bulk"), QJsonArray{count}).status, 200);
    EXPECT_EQ(ledgerCount(QStringLiteral("count-S001-0140-navy-m")), 1);

    EXPECT_EQ(post(QStringLiteral("setonhand/fno/bulk"), QJsonArray{count}).status, 400);
    QJsonObject otherSource = count;
    otherSource[QLatin1String("id")] = QStringLiteral("count-2");
    const HttpResult mismatch = post(QStringLiteral("setonhand/iv/bulk"), QJsonArray{otherSource});
    EXPECT_EQ(mismatch.json()[QLatin1String("failure")].toArray().size(), 1);
}

TEST_F(IvemuWriteTest, AdjustmentsAreRecordedAndReflectedInOnHand)
{
    const qint64 before = outbound();
    const QJsonObject line{
        {QStringLiteral("id"), QStringLiteral("pos-adj-S001-000019")},
        {QStringLiteral("organizationId"), QStringLiteral("usrt")},
        {QStringLiteral("productId"), QStringLiteral("0140")},
        {QStringLiteral("quantityDataSource"), QStringLiteral("pos")},
        {QStringLiteral("physicalMeasure"), QStringLiteral("outbound")},
        {QStringLiteral("dimensions"), QJsonObject{{QStringLiteral("siteId"), QStringLiteral("1")},
                                                   {QStringLiteral("locationId"), QStringLiteral("S001")},
                                                   {QStringLiteral("ColorId"), QStringLiteral("Navy")},
                                                   {QStringLiteral("SizeId"), QStringLiteral("M")}}},
        {QStringLiteral("quantity"), 2},
        {QStringLiteral("externalReferenceCategory"), QStringLiteral("POS transaction")},
        {QStringLiteral("externalReferenceId"), QStringLiteral("S001-R3-000871")},
        {QStringLiteral("fnoJournalNameId"), QStringLiteral("IMov")},
        {QStringLiteral("costPrice"), 18.5},
        {QStringLiteral("transDate"), QStringLiteral("2025-03-04")}};
    const HttpResult result =
        post(QStringLiteral("transaction/adjustment/bulk?createWithIVSync=true"), QJsonArray{line});
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    EXPECT_EQ(result.json()[QLatin1String("success")].toArray(),
              QJsonArray{QStringLiteral("pos-adj-S001-000019")});
    EXPECT_EQ(outbound(), before + 2);
    ASSERT_EQ(post(QStringLiteral("transaction/adjustment/bulk"), QJsonArray{line}).status, 200);
    EXPECT_EQ(outbound(), before + 2);
    EXPECT_EQ(ledgerCount(QStringLiteral("pos-adj-S001-000019")), 1);
}

TEST_F(IvemuWriteTest, MalformedBodiesOnEveryDataPlaneRouteGetA4xxNeverACrash)
{
    const QList<QByteArray> bodies{
        "",         "{",
        "[]",       "{}",
        "[1,2]",    "null",
        "\"text\"", "[{\"id\":1}]",
        "42",       "{\"id\":[]}",
        "[{}]",     "{\"dimensions\":3,\"quantities\":[],\"id\":\"m\",\"organizationId\":{}}"};
    const QStringList routes{QStringLiteral("onhand"),
                             QStringLiteral("onhand/bulk"),
                             QStringLiteral("setonhand/pos/bulk"),
                             QStringLiteral("transaction/adjustment/bulk"),
                             QStringLiteral("onhand/reserve"),
                             QStringLiteral("onhand/reserve/bulk"),
                             QStringLiteral("onhand/unreserve"),
                             QStringLiteral("onhand/unreserve/bulk"),
                             QStringLiteral("onhand/indexquery"),
                             QStringLiteral("onhand/exactquery"),
                             QStringLiteral("configuration/hardupdate"),
                             QStringLiteral("updateEnvIdInConfig")};
    for (const QString &route : routes) {
        for (const QByteArray &body : bodies) {
            const HttpResult result = http.post(api(route), body, auth());
            // A bulk of objects answers 200 with per-record failures; everything else is refused with 4xx.
            const bool bulkOfObjects = route.endsWith(QLatin1String("bulk")) && body.startsWith("[{");
            if (bulkOfObjects)
                EXPECT_EQ(result.status, 200) << route.toStdString() << " " << body.toStdString();
            else
                EXPECT_TRUE(result.status >= 400 && result.status < 500)
                    << route.toStdString() << " " << body.toStdString() << " -> " << result.status;
        }
    }
    EXPECT_EQ(emulator.ledger()->entries().size(), 0) << "nothing malformed was applied";
    // The emulator still answers normally afterwards.
    EXPECT_EQ(get(QStringLiteral("configuration")).status, 200);
}
