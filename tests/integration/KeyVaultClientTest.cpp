// KeyVaultClient against the emulator's two vaults over loopback (reference
// §17, CASE-11): the SCM reader app, the vault administrator app, RBAC and
// access-policy vaults, disabled and expired versions.
#include "keyvault/KeyVaultClient.h"

#include "EmulatorFixture.h"
#include "auth/ScopedTokenProvider.h"
#include "net/HttpClient.h"

#include <QSet>

using namespace ivcore;

class KeyVaultClientTest : public EmulatorFixture
{
protected:
    struct Vault
    {
        std::unique_ptr<ScopedTokenProvider> tokens;
        std::unique_ptr<KeyVaultClient> client;
    };

    Vault vault(const QString &clientId, const QString &secret, const QUrl &url,
                const QString &scope = QString::fromLatin1(kKeyVaultScope))
    {
        Vault v;
        v.tokens = std::make_unique<ScopedTokenProvider>(
            &http, profile.auth.authority, ClientCredentials{info.credentials.tenantId, clientId, secret},
            scope);
        v.client = std::make_unique<KeyVaultClient>(&http, v.tokens.get(), url);
        return v;
    }
    Vault reader(const QUrl &url)
    {
        return vault(info.credentials.vaultClientId, info.credentials.vaultClientSecret, url);
    }
    Vault admin()
    {
        return vault(info.credentials.adminClientId, info.credentials.adminClientSecret, rbacUrl());
    }
    QUrl rbacUrl() const { return info.endpoints.keyVault; }

    Result<SecretBundle> get(KeyVaultClient &client, const QString &name, const QString &version = {})
    {
        std::optional<Result<SecretBundle>> result;
        client.getSecret(name, version, &context, [&](const Result<SecretBundle> &r) { result = r; });
        EXPECT_TRUE(waitFor(result));
        return result.value_or(Result<SecretBundle>(Problem{}));
    }
    Result<SecretBundle> set(KeyVaultClient &client, const QString &name, const QString &value,
                             const SecretWriteOptions &options = {})
    {
        std::optional<Result<SecretBundle>> result;
        client.setSecret(name, value, options, &context, [&](const Result<SecretBundle> &r) { result = r; });
        EXPECT_TRUE(waitFor(result));
        return result.value_or(Result<SecretBundle>(Problem{}));
    }
    Result<QList<SecretItem>> list(KeyVaultClient &client, const QString &versionsOf = {})
    {
        std::optional<Result<QList<SecretItem>>> result;
        auto done = [&](const Result<QList<SecretItem>> &r) {
            result = r;
        };
        if (versionsOf.isEmpty())
            client.listSecrets(&context, done);
        else
            client.listVersions(versionsOf, &context, done);
        EXPECT_TRUE(waitFor(result));
        return result.value_or(Result<QList<SecretItem>>(Problem{}));
    }
    static std::string text(const Problem &p)
    {
        return QString(p.summary() + QStringLiteral(" | ") + p.fix).toStdString();
    }

    HttpClient http;
    QObject context;
};

TEST_F(KeyVaultClientTest, ReaderGetsTheSeededSecretWithOneToken)
{
    auto v = reader(rbacUrl());
    const auto bundle = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_TRUE(bundle.ok()) << text(bundle.problem());
    EXPECT_EQ(bundle.value().value, info.credentials.clientSecret);
    EXPECT_EQ(bundle.value().name, info.credentials.vaultSecretName);
    EXPECT_EQ(bundle.value().version.size(), 32);
    EXPECT_TRUE(bundle.value().enabled);
    ASSERT_TRUE(bundle.value().expires.has_value());
    EXPECT_EQ(bundle.value().validityAt(QDateTime::currentDateTimeUtc()), SecretValidity::Valid);

    const auto byVersion = get(*v.client, info.credentials.vaultSecretName, bundle.value().version);
    ASSERT_TRUE(byVersion.ok()) << text(byVersion.problem());
    EXPECT_EQ(byVersion.value().value, info.credentials.clientSecret);
    EXPECT_EQ(v.tokens->fetchesCompleted(), 1) << "the vault token is cached";
}

TEST_F(KeyVaultClientTest, ReaderCannotSetAndIsToldWhichRole)
{
    auto v = reader(rbacUrl());
    const QString value = QStringLiteral("Zq8~never-shown-value_77");
    const auto result = set(*v.client, info.credentials.vaultSecretName, value);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.problem().kind, ProblemKind::Authentication);
    EXPECT_TRUE(result.problem().detail.contains(QStringLiteral("ForbiddenByRbac")))
        << text(result.problem());
    EXPECT_TRUE(result.problem().fix.contains(QStringLiteral("Key Vault Secrets Officer")));
    EXPECT_TRUE(result.problem().fix.contains(info.credentials.vaultClientId));
    const Problem &p = result.problem();
    for (const QString &field : {p.what, p.cause, p.fix, p.detail})
        EXPECT_FALSE(field.contains(value)) << field.toStdString();
}

TEST_F(KeyVaultClientTest, AdminSetsANewVersionAndTheVersionsGrow)
{
    auto v = admin();
    const QString name = info.credentials.vaultSecretName;
    const auto before = list(*v.client, name);
    ASSERT_TRUE(before.ok()) << text(before.problem());

    SecretWriteOptions options;
    options.contentType = QStringLiteral("text/plain");
    options.expires = QDateTime::currentDateTimeUtc().addDays(90);
    const auto written = set(*v.client, name, QStringLiteral("rotated~value.0002"), options);
    ASSERT_TRUE(written.ok()) << text(written.problem());
    EXPECT_TRUE(written.value().value.isEmpty()) << "set answers carry no value";
    EXPECT_EQ(written.value().contentType, QStringLiteral("text/plain"));

    const auto after = list(*v.client, name);
    ASSERT_TRUE(after.ok()) << text(after.problem());
    EXPECT_EQ(after.value().size(), before.value().size() + 1);
    const auto latest = get(*v.client, name);
    ASSERT_TRUE(latest.ok());
    EXPECT_EQ(latest.value().value, QStringLiteral("rotated~value.0002"));
    EXPECT_EQ(latest.value().version, written.value().version);
}

TEST_F(KeyVaultClientTest, ListingFollowsNextLinkAcrossPages)
{
    auto v = admin();
    int stored = 0;
    for (int i = 0; i < 27; ++i) {
        v.client->setSecret(QStringLiteral("page-test-%1").arg(i), QStringLiteral("v"), {}, &context,
                            [&](const Result<SecretBundle> &r) { stored += r.ok() ? 1 : 0; });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return stored == 27; }, 20000));
    const auto items = list(*v.client);
    ASSERT_TRUE(items.ok()) << text(items.problem());
    QSet<QString> names;
    for (const SecretItem &item : items.value())
        names.insert(item.name.toLower());
    EXPECT_EQ(names.size(), items.value().size()) << "no page twice";
    EXPECT_GE(names.size(), 28);
    EXPECT_TRUE(names.contains(info.credentials.vaultSecretName.toLower()));
}

TEST_F(KeyVaultClientTest, AMissingSecretIsNotFound)
{
    auto v = reader(rbacUrl());
    const auto result = get(*v.client, QStringLiteral("no-such-secret"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.problem().kind, ProblemKind::Configuration);
    EXPECT_TRUE(result.problem().cause.contains(QStringLiteral("no secret named no-such-secret")))
        << text(result.problem());
    EXPECT_TRUE(result.problem().detail.contains(QStringLiteral("SecretNotFound")));
    EXPECT_TRUE(result.problem().detail.contains(QStringLiteral("request id")));
}

TEST_F(KeyVaultClientTest, AccessPolicyVaultRefusesListWithThePolicyFix)
{
    auto v = reader(info.endpoints.accessPolicyKeyVault);
    const auto secret = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_TRUE(secret.ok()) << text(secret.problem());
    const auto items = list(*v.client);
    ASSERT_FALSE(items.ok());
    EXPECT_TRUE(items.problem().cause.contains(QStringLiteral("access policies"))) << text(items.problem());
    EXPECT_TRUE(items.problem().fix.contains(QStringLiteral("Get and List secret permissions")));
    EXPECT_TRUE(items.problem().detail.contains(QStringLiteral("AccessDenied")));
}

TEST_F(KeyVaultClientTest, TheIvAppOnTheRbacVaultIsToldToGetTheSecretsUserRole)
{
    auto v = vault(info.credentials.clientId, info.credentials.clientSecret, rbacUrl());
    const auto result = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.problem().fix.contains(QStringLiteral("Key Vault Secrets User")))
        << text(result.problem());
    EXPECT_FALSE(result.problem().detail.contains(info.credentials.clientSecret));
}

TEST_F(KeyVaultClientTest, ADisabledVersionIsToldApartFromAMissingOne)
{
    ASSERT_TRUE(emulator.setVaultSecretEnabled(QStringLiteral("ivdesk-demo-kv"),
                                               info.credentials.vaultSecretName, QString(), false));
    auto v = reader(rbacUrl());
    const auto result = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.problem().cause.contains(QStringLiteral("is disabled"))) << text(result.problem());
    EXPECT_TRUE(result.problem().detail.contains(QStringLiteral("SecretDisabled")));
}

TEST_F(KeyVaultClientTest, AnExpiredVersionIsReturnedButFlagged)
{
    auto v = admin();
    SecretWriteOptions options;
    options.expires = QDateTime::currentDateTimeUtc().addDays(-2);
    ASSERT_TRUE(set(*v.client, QStringLiteral("old-secret"), QStringLiteral("old~value"), options).ok());
    const auto bundle = get(*v.client, QStringLiteral("old-secret"));
    ASSERT_TRUE(bundle.ok()) << text(bundle.problem());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EXPECT_EQ(bundle.value().validityAt(now), SecretValidity::Expired);
    const auto stale = problemFromSecretValidity(bundle.value(), now, {});
    ASSERT_TRUE(stale.has_value());
    EXPECT_TRUE(
        stale->cause.contains(QStringLiteral("expired on ") + options.expires->date().toString(Qt::ISODate)));
    for (const QString &field : {stale->what, stale->cause, stale->fix, stale->detail})
        EXPECT_FALSE(field.contains(QStringLiteral("old~value")));
}

TEST_F(KeyVaultClientTest, ATokenForAnotherAudienceIsNeverFetchedNorSent)
{
    auto v = vault(info.credentials.vaultClientId, info.credentials.vaultClientSecret, rbacUrl(),
                   QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default"));
    const auto result = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.problem().kind, ProblemKind::Configuration);
    EXPECT_EQ(v.tokens->fetchesCompleted(), 0);
    EXPECT_EQ(http.requestsInFlight(), 0);
}

TEST_F(KeyVaultClientTest, ABadNameIsRefusedBeforeAnythingIsSent)
{
    auto v = reader(rbacUrl());
    const auto result = get(*v.client, QStringLiteral("commerce_iv_01"));
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.problem().cause.startsWith(QStringLiteral("Secret name"))) << text(result.problem());
    EXPECT_EQ(v.tokens->fetchesCompleted(), 0);
}

TEST_F(KeyVaultClientTest, AWrongVaultAppSecretIsAnEntraProblem)
{
    auto v = vault(info.credentials.vaultClientId, QStringLiteral("wrong~secret"), rbacUrl());
    const auto result = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.problem().detail.contains(QStringLiteral("7000215"))) << text(result.problem());
    EXPECT_FALSE(result.problem().detail.contains(QStringLiteral("wrong~secret")));
}

TEST_F(KeyVaultClientTest, TheVaultTokenIsRefreshedAtEightyPercent)
{
    auto v = reader(rbacUrl());
    QDateTime now = QDateTime::currentDateTimeUtc();
    v.tokens->setClock([&] { return now; });
    ASSERT_TRUE(get(*v.client, info.credentials.vaultSecretName).ok());
    now = now.addSecs(3600 * 79 / 100);
    ASSERT_TRUE(get(*v.client, info.credentials.vaultSecretName).ok());
    EXPECT_EQ(v.tokens->fetchesCompleted(), 1);
    now = now.addSecs(3600 * 2 / 100);
    ASSERT_TRUE(get(*v.client, info.credentials.vaultSecretName).ok());
    EXPECT_EQ(v.tokens->fetchesCompleted(), 2);
}

TEST_F(KeyVaultClientTest, ATokenTheVaultNoLongerAcceptsIsReplacedOnce)
{
    auto v = reader(rbacUrl());
    ASSERT_TRUE(get(*v.client, info.credentials.vaultSecretName).ok());
    emulator.advanceClock(std::chrono::seconds(3700)); // the vault now sees our cached token as expired
    const auto again = get(*v.client, info.credentials.vaultSecretName);
    ASSERT_TRUE(again.ok()) << text(again.problem());
    EXPECT_EQ(v.tokens->fetchesCompleted(), 2);
}

TEST_F(KeyVaultClientTest, ConcurrentReadsShareOneTokenFetch)
{
    auto v = reader(rbacUrl());
    int answers = 0;
    for (int i = 0; i < 4; ++i) {
        v.client->getSecret(info.credentials.vaultSecretName, &context,
                            [&](const Result<SecretBundle> &r) { answers += r.ok() ? 1 : 0; });
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return answers == 4; }, 15000));
    EXPECT_EQ(v.tokens->fetchesCompleted(), 1);
}
