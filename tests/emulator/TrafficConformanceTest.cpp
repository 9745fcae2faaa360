// The Commerce-like traffic simulator goes through the write engine, so every
// change it makes is in the ledger, and it stays deterministic for a seed.
#include "DataPlaneFixture.h"

#include <QSet>

using namespace conformance;

namespace {

QStringList describe(const ivemu::WriteLedger &ledger)
{
    QStringList out;
    for (const ivemu::LedgerEntry &entry : ledger.entries())
        for (const ivemu::LedgerChange &change : entry.changes)
            out.append(QStringLiteral("%1 %2 %3/%4/%5 %6 %7")
                           .arg(entry.api, entry.eventId, change.productId, change.colorId, change.locationId,
                                change.measure)
                           .arg(change.delta));
    return out;
}

class IvemuTrafficTest : public DataPlaneTest
{};

} // namespace

TEST_F(IvemuTrafficTest, TicksPostSalesOrdersAndFulfilmentThroughTheLedger)
{
    for (int i = 0; i < 40; ++i)
        emulator.simulateTick();
    QSet<QString> apis;
    qint64 reserved = 0, released = 0;
    for (const ivemu::LedgerEntry &entry : emulator.ledger()->entries()) {
        apis.insert(entry.api);
        for (const ivemu::LedgerChange &change : entry.changes)
            if (change.measure == QLatin1String("iv.softreservphysical"))
                (change.delta > 0 ? reserved : released) += change.delta;
    }
    for (const char *api : {"pos-sale", "pos-receipt", "reserve", "unreserve", "fulfilment"})
        EXPECT_TRUE(apis.contains(QLatin1String(api))) << api;
    EXPECT_GT(reserved, 0);
    EXPECT_LT(released, 0);

    // The ledger over HTTP shows the same entries.
    const HttpResult ledger = http.get(at(QStringLiteral("/_emulator/ledger")));
    EXPECT_EQ(ledger.json()[QLatin1String("entries")].toArray().size(), emulator.ledger()->entries().size());
}

TEST_F(IvemuTrafficTest, TheSameSeedGivesTheSameTraffic)
{
    ivemu::Emulator other;
    ivemu::EmulatorConfig config;
    config.simulateTraffic = false;
    ASSERT_TRUE(other.start(config).isEmpty());
    for (int i = 0; i < 25; ++i) {
        emulator.simulateTick();
        other.simulateTick();
    }
    const QStringList ours = describe(*emulator.ledger());
    ASSERT_GT(ours.size(), 100);
    EXPECT_EQ(ours, describe(*other.ledger()));
}
