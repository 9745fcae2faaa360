// Retries against the emulator's injected faults, over loopback HTTP: queries
// come back after failures that pass, honour Retry-After, and stay bounded.
#include "EmulatorFixture.h"
#include "iv/Connection.h"
#include "iv/IvClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace ivcore;

class HttpRetryTest : public EmulatorFixture
{
protected:
    std::optional<Result<OnhandAnswer>> queryFirstStore(Connection &connection)
    {
        ExactOnhandQuery q;
        q.organizationId = profile.stores.first().organizationId;
        q.locations = {profile.stores.first().key()};
        q.groupBy = profile.groupBy;
        std::optional<Result<OnhandAnswer>> result;
        QObject context;
        connection.iv()->exactQuery(q, &context, [&](const Result<OnhandAnswer> &r) { result = r; });
        EXPECT_TRUE(waitFor(result, 30000));
        return result;
    }
    int faultsPlayed(const char *kind) const
    {
        return emulator.requestStats()
            .value(QLatin1String("faults"))
            .toObject()
            .value(QLatin1String(kind))
            .toInt();
    }
    int dataPlaneRequests() const
    {
        return emulator.requestStats()
            .value(QLatin1String("routes"))
            .toObject()
            .value(QLatin1String("iv"))
            .toInt();
    }
};

TEST_F(HttpRetryTest, AQueryComesBackAfterTwo503s)
{
    ASSERT_TRUE(emulator.addFault(QStringLiteral("exactquery=503:0x2")).isEmpty());
    Connection connection(profile, info.credentials.clientSecret);
    const auto answer = queryFirstStore(connection);
    ASSERT_TRUE(answer && answer->ok()) << answer->problem().summary().toStdString();
    EXPECT_FALSE(answer->value().rows.isEmpty());
    EXPECT_EQ(faultsPlayed("503"), 2) << QJsonDocument(emulator.requestStats()).toJson().toStdString();
}

TEST_F(HttpRetryTest, RetryAfterIsHonoured)
{
    ASSERT_TRUE(emulator.addFault(QStringLiteral("exactquery=429:1x1")).isEmpty());
    Connection connection(profile, info.credentials.clientSecret);
    QElapsedTimer clock;
    clock.start();
    const auto answer = queryFirstStore(connection);
    ASSERT_TRUE(answer && answer->ok()) << answer->problem().summary().toStdString();
    EXPECT_GE(clock.elapsed(), 900) << "the service asked for one second";
}

TEST_F(HttpRetryTest, TheWarmUpIsWaitedOut)
{
    ASSERT_TRUE(emulator.addFault(QStringLiteral("exactquery=warmup-jsonx1")).isEmpty());
    Connection connection(profile, info.credentials.clientSecret);
    const auto answer = queryFirstStore(connection);
    ASSERT_TRUE(answer && answer->ok()) << answer->problem().summary().toStdString();
}

TEST_F(HttpRetryTest, APersistentFailureStopsAfterThreeAttemptsAndExplains)
{
    ASSERT_TRUE(emulator.addFault(QStringLiteral("exactquery=500")).isEmpty());
    Connection connection(profile, info.credentials.clientSecret);
    const auto answer = queryFirstStore(connection);
    ASSERT_TRUE(answer.has_value());
    ASSERT_FALSE(answer->ok());
    EXPECT_EQ(answer->problem().kind, ProblemKind::Service);
    EXPECT_EQ(faultsPlayed("500"), 3) << "bounded: no retry loop";
}

TEST_F(HttpRetryTest, ABadRequestIsNotRetried)
{
    Connection connection(profile, info.credentials.clientSecret);
    ASSERT_TRUE(queryFirstStore(connection)->ok()); // token in hand
    const int before = dataPlaneRequests();
    ExactOnhandQuery q;
    q.organizationId = profile.stores.first().organizationId;
    q.locations = {profile.stores.first().key()};
    for (int i = 0; i < 5001; ++i) // over the documented 5,000 products: a 400 naming the limit
        q.productIds << QString::number(i);
    std::optional<Result<OnhandAnswer>> result;
    QObject context;
    connection.iv()->exactQuery(q, &context, [&](const Result<OnhandAnswer> &r) { result = r; });
    ASSERT_TRUE(waitFor(result));
    ASSERT_FALSE(result->ok());
    EXPECT_EQ(result->problem().kind, ProblemKind::Configuration);
    EXPECT_TRUE(result->problem().cause.contains(QStringLiteral("5,000")) ||
                result->problem().cause.contains(QStringLiteral("5000")))
        << result->problem().cause.toStdString();
    EXPECT_EQ(dataPlaneRequests() - before, 1) << "a 400 will not pass by waiting";
}
