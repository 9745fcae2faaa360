// The seeded demo estate (ui.md "Demo data that looks real") and EmulatorHost.
#include "ConformanceFixture.h"
#include "ivemu/EmulatorHost.h"

#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>

using namespace conformance;

namespace {

ivemu::EmulatorConfig quietConfig(quint32 seed)
{
    ivemu::EmulatorConfig config;
    config.seed = seed;
    config.simulateTraffic = false;
    return config;
}

// Every physical measure of a sample of cells, as one list to compare.
QList<qint64> sample(const ivemu::Emulator &emulator, const ivemu::EmulatorInfo &info)
{
    QList<qint64> out;
    for (int p = 0; p < info.products.size(); p += 7) {
        const ivemu::DemoProduct &product = info.products[p];
        for (const ivemu::EstateLocation &location : info.locations)
            for (const char *measure : {"fno.physicalinvent", "fno.ordered", "pos.inbound", "pos.outbound"})
                out.append(emulator
                               .quantity(product.productId, product.colorIds.first(), product.sizeIds.first(),
                                         location.locationId, QLatin1String(measure))
                               .value_or(-999999));
    }
    return out;
}

} // namespace

TEST(IvemuEstateTest, LooksLikeAWestCoastRetailer)
{
    ivemu::Emulator emulator;
    ASSERT_EQ(emulator.start(quietConfig(42)), QString());
    const ivemu::EmulatorInfo info = emulator.info();
    ASSERT_EQ(info.locations.size(), 14);
    EXPECT_EQ(info.locations.first().storeId, QStringLiteral("S-001"));
    EXPECT_EQ(info.locations.first().name, QStringLiteral("Seattle Downtown"));
    EXPECT_EQ(info.locations.first().organizationId, QStringLiteral("usrt"));
    EXPECT_TRUE(info.locations.last().isDistributionCentre);
    ASSERT_EQ(info.products.size(), 300);
    qsizetype variants = 0;
    for (const ivemu::DemoProduct &product : info.products)
        variants += product.colorIds.size() * product.sizeIds.size();
    EXPECT_GT(variants, 1200);
    EXPECT_LT(variants, 2000);

    // The well-known rows of the dashboard mock-up, in every state at once.
    const auto onhand = [&](const char *item, const char *colour, const char *size, const char *store) {
        return emulator.quantity(QLatin1String(item), QLatin1String(colour), QLatin1String(size),
                                 QLatin1String(store), QStringLiteral("iv.onhand"));
    };
    EXPECT_GT(onhand("0140", "Navy", "M", "S001").value_or(-1), 0);
    EXPECT_EQ(onhand("0141", "Navy", "L", "S001"), std::optional<qint64>(0));
    EXPECT_LT(onhand("0233", "Black", "42", "S001").value_or(0), 0);
    EXPECT_GE(onhand("0106", "Grey", "M", "S001").value_or(0), 30);
    EXPECT_GE(onhand("0140", "Navy", "M", "DC01").value_or(0), 50);
    EXPECT_FALSE(onhand("0140", "Navy", "M", "S999").has_value());
}

TEST(IvemuEstateTest, TheSameSeedGivesTheSameEstate)
{
    ivemu::Emulator first, second, other;
    ASSERT_EQ(first.start(quietConfig(7)), QString());
    ASSERT_EQ(second.start(quietConfig(7)), QString());
    ASSERT_EQ(other.start(quietConfig(8)), QString());
    EXPECT_EQ(sample(first, first.info()), sample(second, second.info()));
    EXPECT_NE(sample(first, first.info()), sample(other, other.info()));
    first.simulateTick();
    second.simulateTick();
    EXPECT_EQ(sample(first, first.info()), sample(second, second.info()));
}

TEST(IvemuHostTest, StartsOnItsOwnThreadAndServes)
{
    ivemu::EmulatorHost host;
    QSignalSpy started(&host, &ivemu::EmulatorHost::started);
    QSignalSpy failed(&host, &ivemu::EmulatorHost::failed);
    host.start(quietConfig(42));
    ASSERT_TRUE(started.wait(10000)) << (failed.isEmpty() ? ""
                                                          : failed.first().first().toString().toStdString());
    const auto info = started.first().first().value<ivemu::EmulatorInfo>();
    EXPECT_EQ(info.locations.size(), 14);

    HttpClient http;
    QUrl url = info.endpoints.authority;
    url.setPath(u'/' + info.credentials.tenantId + QStringLiteral("/oauth2/v2.0/token"));
    const HttpResult token =
        http.postForm(url, {{QStringLiteral("client_id"), info.credentials.clientId},
                            {QStringLiteral("client_secret"), info.credentials.clientSecret},
                            {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                            {QStringLiteral("scope"), kIvResourceScope}});
    EXPECT_EQ(token.status, 200);
}

TEST(IvemuHostTest, ATakenPortFailsWithAReasonNamingIt)
{
    QTcpServer squatter;
    ASSERT_TRUE(squatter.listen(QHostAddress::LocalHost));
    ivemu::EmulatorConfig config = quietConfig(42);
    config.port = squatter.serverPort();
    ivemu::EmulatorHost host;
    QSignalSpy failed(&host, &ivemu::EmulatorHost::failed);
    host.start(config);
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_TRUE(failed.first().first().toString().contains(QString::number(config.port)));
}

TEST(IvemuEstateTest, ScalesTo200StoresAnd2000ProductsDeterministically)
{
    ivemu::EmulatorConfig config = quietConfig(9);
    config.storeCount = 200;
    config.productCount = 2000;
    ivemu::Emulator emulator, again;
    ASSERT_EQ(emulator.start(config), QString());
    const ivemu::EmulatorInfo info = emulator.info();
    ASSERT_EQ(info.products.size(), 2000);
    EXPECT_EQ(info.products.first().productId, QStringLiteral("0100"));
    EXPECT_EQ(info.products.last().productId, QStringLiteral("2099"));
    EXPECT_EQ(info.products[40].name,
              QStringLiteral("Shasta rain jacket")); // the demo items keep their place

    qsizetype stores = 0, centres = 0;
    QSet<QString> locationIds;
    for (const ivemu::EstateLocation &location : info.locations) {
        (location.isDistributionCentre ? centres : stores) += 1;
        locationIds.insert(location.locationId);
    }
    EXPECT_EQ(stores, 200);
    EXPECT_EQ(centres, 34); // one per six stores
    EXPECT_EQ(locationIds.size(), info.locations.size());
    EXPECT_EQ(info.locations[0].name, QStringLiteral("Seattle Downtown"));
    EXPECT_EQ(info.locations[12].storeId, QStringLiteral("S-013"));
    EXPECT_EQ(info.locations[12].name, QStringLiteral("Boise 1"));
    EXPECT_EQ(info.locations[199].locationId, QStringLiteral("S200"));

    // Variants of a new edition, and a quantity at a generated store.
    const ivemu::DemoProduct &late = info.products[1999];
    EXPECT_FALSE(late.colorIds.isEmpty());
    EXPECT_TRUE(emulator
                    .quantity(late.productId, late.colorIds.first(), late.sizeIds.first(),
                              QStringLiteral("S150"), QStringLiteral("iv.onhand"))
                    .has_value());

    ASSERT_EQ(again.start(config), QString());
    EXPECT_EQ(sample(emulator, info), sample(again, again.info()));
}

TEST(IvemuEstateTest, TheDefaultEstateIsTheSmallDemoOne)
{
    ivemu::EmulatorConfig config = quietConfig(42);
    ivemu::Emulator small, explicitSmall;
    ASSERT_EQ(small.start(config), QString());
    config.storeCount = 12;
    config.productCount = 300;
    ASSERT_EQ(explicitSmall.start(config), QString());
    EXPECT_EQ(small.info().locations.size(), 14);
    EXPECT_EQ(sample(small, small.info()), sample(explicitSmall, explicitSmall.info()));
}
