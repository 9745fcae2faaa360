// Both token hops against the emulator over loopback HTTP, including the 307
// from the security service's global name to its regional gateway.
#include "EmulatorFixture.h"
#include "auth/TokenProvider.h"
#include "net/HttpClient.h"

using namespace ivcore;

class TokenFlowTest : public EmulatorFixture
{
protected:
    std::unique_ptr<TokenProvider> providerWith(const QString &secret, const QString &environmentId)
    {
        return std::make_unique<TokenProvider>(&http, profile.auth, environmentId,
                                               ClientCredentials{profile.tenantId, profile.clientId, secret});
    }
    std::optional<Result<AccessToken>> fetch(TokenProvider &provider)
    {
        std::optional<Result<AccessToken>> result;
        QObject context;
        provider.requestToken(&context, [&](const Result<AccessToken> &r) { result = r; });
        EXPECT_TRUE(waitFor(result));
        return result;
    }
    HttpClient http;
};

TEST_F(TokenFlowTest, BothHopsGiveAnIvTokenThroughTheRedirect)
{
    auto provider = providerWith(info.credentials.clientSecret, info.credentials.environmentId);
    const auto token = fetch(*provider);
    ASSERT_TRUE(token && token->ok()) << (token ? token->problem().summary().toStdString() : "no answer");
    EXPECT_FALSE(token->value().value.isEmpty());
    EXPECT_GT(token->value().expiresAt, QDateTime::currentDateTimeUtc().addSecs(3000));
    EXPECT_EQ(provider->exchangesCompleted(), 1);
}

TEST_F(TokenFlowTest, AFreshTokenIsServedFromTheCache)
{
    auto provider = providerWith(info.credentials.clientSecret, info.credentials.environmentId);
    ASSERT_TRUE(fetch(*provider)->ok());
    ASSERT_TRUE(fetch(*provider)->ok());
    EXPECT_EQ(provider->exchangesCompleted(), 1);
}

TEST_F(TokenFlowTest, ConcurrentCallersShareOneFetch)
{
    auto provider = providerWith(info.credentials.clientSecret, info.credentials.environmentId);
    QObject context;
    int answers = 0;
    for (int i = 0; i < 5; ++i)
        provider->requestToken(&context, [&](const Result<AccessToken> &r) { answers += r.ok() ? 1 : 0; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return answers == 5; }, 15000));
    EXPECT_EQ(provider->exchangesCompleted(), 1);
}

TEST_F(TokenFlowTest, AnOldTokenIsRefreshedAtEightyPercent)
{
    auto provider = providerWith(info.credentials.clientSecret, info.credentials.environmentId);
    QDateTime now = QDateTime::currentDateTimeUtc();
    provider->setClock([&] { return now; });
    ASSERT_TRUE(fetch(*provider)->ok());
    now = now.addSecs(3600 * 81 / 100);
    ASSERT_TRUE(fetch(*provider)->ok());
    EXPECT_EQ(provider->exchangesCompleted(), 2);
}

TEST_F(TokenFlowTest, AWrongSecretSaysWhatToPaste)
{
    auto provider = providerWith(QStringLiteral("not-the-secret"), info.credentials.environmentId);
    const auto token = fetch(*provider);
    ASSERT_TRUE(token.has_value());
    ASSERT_FALSE(token->ok());
    EXPECT_EQ(token->problem().kind, ProblemKind::Authentication);
    EXPECT_TRUE(token->problem().detail.contains(QStringLiteral("7000215")))
        << token->problem().detail.toStdString();
    EXPECT_TRUE(token->problem().fix.contains(QStringLiteral("Value")));
    EXPECT_FALSE(token->problem().detail.contains(QStringLiteral("not-the-secret")));
}

TEST_F(TokenFlowTest, AnUnknownEnvironmentIsRefusedAtTheExchange)
{
    auto provider =
        providerWith(info.credentials.clientSecret, QStringLiteral("00000000-0000-0000-0000-000000000000"));
    const auto token = fetch(*provider);
    ASSERT_TRUE(token.has_value());
    ASSERT_FALSE(token->ok());
    EXPECT_TRUE(token->problem().what.contains(QStringLiteral("Inventory Visibility token")));
    EXPECT_TRUE(token->problem().cause.contains(QStringLiteral("00000000-0000-0000-0000-000000000000")));
}

TEST_F(TokenFlowTest, AServiceThatIsDownIsANetworkProblem)
{
    AuthEndpoints nowhere = profile.auth;
    nowhere.authority.setPort(1); // nothing listens there
    TokenProvider provider(
        &http, nowhere, info.credentials.environmentId,
        ClientCredentials{profile.tenantId, profile.clientId, info.credentials.clientSecret});
    const auto token = fetch(provider);
    ASSERT_TRUE(token.has_value());
    ASSERT_FALSE(token->ok());
    EXPECT_EQ(token->problem().kind, ProblemKind::Network);
    EXPECT_TRUE(token->problem().isRetryable());
}
