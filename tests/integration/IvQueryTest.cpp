// The exact on-hand query against the emulator, end to end.
#include "EmulatorFixture.h"
#include "auth/TokenProvider.h"
#include "iv/Connection.h"
#include "iv/IvClient.h"

#include <QSet>
#include <chrono>

using namespace ivcore;

class IvQueryTest : public EmulatorFixture
{
protected:
    std::optional<Result<OnhandAnswer>> query(Connection &connection, const StoreLocation &store)
    {
        ExactOnhandQuery q;
        q.organizationId = store.organizationId;
        q.locations = {store.key()};
        q.groupBy = profile.groupBy;
        std::optional<Result<OnhandAnswer>> result;
        QObject context;
        connection.iv()->exactQuery(q, &context, [&](const Result<OnhandAnswer> &r) { result = r; });
        EXPECT_TRUE(waitFor(result));
        return result;
    }
};

TEST_F(IvQueryTest, AStoreAnswersWithItsVariants)
{
    ASSERT_FALSE(profile.stores.isEmpty());
    Connection connection(profile, info.credentials.clientSecret);
    const StoreLocation store = profile.stores.first();
    const auto answer = query(connection, store);
    ASSERT_TRUE(answer && answer->ok()) << (answer ? answer->problem().summary().toStdString() : "no answer");
    const auto &rows = answer->value().rows;
    ASSERT_GT(rows.size(), 100);
    for (const OnhandRow &row : rows) {
        ASSERT_EQ(row.dimension(u"locationid"), store.locationId);
        ASSERT_TRUE(row.quantity(u"iv.onhand").has_value());
    }
    // The figures are the emulator's own.
    const OnhandRow &row = rows.first();
    const auto expected =
        emulator.quantity(row.productId, row.dimension(u"colorid"), row.dimension(u"sizeid"),
                          store.locationId, QStringLiteral("iv.onhand"));
    ASSERT_TRUE(expected.has_value());
    EXPECT_EQ(*row.quantity(u"iv.onhand"), static_cast<double>(*expected));
}

TEST_F(IvQueryTest, AnExpiredTokenIsRefreshedOnceAndTheQuerySucceeds_Case01)
{
    Connection connection(profile, info.credentials.clientSecret);
    ASSERT_TRUE(query(connection, profile.stores.first())->ok());
    emulator.advanceClock(std::chrono::seconds(3601)); // the cached token is now dead at the service
    const auto answer = query(connection, profile.stores.first());
    ASSERT_TRUE(answer && answer->ok()) << answer->problem().summary().toStdString();
    EXPECT_EQ(connection.tokens()->exchangesCompleted(), 2);
}

TEST_F(IvQueryTest, AnUnknownStoreIsNoRowsNotZero_Case03)
{
    Connection connection(profile, info.credentials.clientSecret);
    StoreLocation ghost = profile.stores.first();
    ghost.locationId = ghost.locationId + QLatin1Char(' '); // a trailing space, as typed in the field
    const auto answer = query(connection, ghost);
    ASSERT_TRUE(answer && answer->ok());
    EXPECT_TRUE(answer->value().rows.isEmpty());
}

TEST_F(IvQueryTest, AWrongEnvironmentIsExplained)
{
    Profile wrong = profile;
    wrong.environmentId = QStringLiteral("11111111-1111-1111-1111-111111111111");
    Connection connection(wrong, info.credentials.clientSecret);
    const auto answer = query(connection, wrong.stores.first());
    ASSERT_TRUE(answer.has_value());
    ASSERT_FALSE(answer->ok());
    EXPECT_FALSE(answer->problem().fix.isEmpty());
}

TEST_F(IvQueryTest, AnIndexQueryCoversEverySiteAndWarehouseCombination)
{
    Connection connection(profile, info.credentials.clientSecret);
    const StoreLocation first = profile.stores.at(0);
    const StoreLocation second = profile.stores.at(1);
    IndexOnhandQuery query;
    query.organizationId = first.organizationId;
    query.productIds = {QStringLiteral("0140")};
    query.siteIds = {first.siteId, second.siteId};
    query.locationIds = {first.locationId, second.locationId};
    query.groupBy = {QStringLiteral("ColorId"), QStringLiteral("SizeId")};
    std::optional<Result<OnhandAnswer>> answer;
    QObject context;
    connection.iv()->indexQuery(query, &context, [&](const Result<OnhandAnswer> &r) { answer = r; });
    ASSERT_TRUE(waitFor(answer));
    ASSERT_TRUE(answer->ok()) << answer->problem().summary().toStdString();
    QSet<QString> warehouses;
    for (const OnhandRow &row : answer->value().rows) {
        EXPECT_EQ(row.productId, QStringLiteral("0140"));
        warehouses.insert(row.dimension(u"locationid"));
    }
    EXPECT_EQ(warehouses, (QSet<QString>{first.locationId, second.locationId}));
}
