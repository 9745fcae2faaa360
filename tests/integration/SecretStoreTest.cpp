// A round trip through the real Secret Service (gnome-keyring in a private
// D-Bus session, started by scripts/test.sh). Without a session bus the tests
// are skipped, unless IVDESK_REQUIRE_KEYCHAIN=1 says the keychain must be there.
#include "profile/SecretStore.h"

#include <QTest>
#include <QUuid>
#include <gtest/gtest.h>
#include <optional>

using namespace ivcore;

class SecretStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            if (qEnvironmentVariable("IVDESK_REQUIRE_KEYCHAIN") == QLatin1String("1"))
                FAIL() << "IVDESK_REQUIRE_KEYCHAIN=1 but there is no D-Bus session bus";
            GTEST_SKIP() << "no D-Bus session bus: run through scripts/test.sh for a real Secret Service";
        }
    }

    SecretResult run(const std::function<void(QObject *, SecretStore::Callback)> &call)
    {
        std::optional<SecretResult> result;
        QObject context;
        call(&context, [&](const SecretResult &r) { result = r; });
        EXPECT_TRUE(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        return result.value_or(SecretResult{});
    }

    // A service name of its own, so a test never touches real ivdesk entries.
    SecretStore store{QStringLiteral("org.ivdesk.ivdesk.tests")};
    const QString key =
        QStringLiteral("profile/test-%1/iv-client-secret").arg(QUuid::createUuid().toString());
};

TEST_F(SecretStoreTest, WritesReadsAndRemovesASecret)
{
    const QString secret = QStringLiteral("s3cr3t~Value.with_odd-chars");
    const auto written = run([&](QObject *c, auto done) { store.write(key, secret, c, done); });
    ASSERT_EQ(written.status, SecretStatus::Ok) << written.message.toStdString();

    const auto read = run([&](QObject *c, auto done) { store.read(key, c, done); });
    ASSERT_EQ(read.status, SecretStatus::Ok) << read.message.toStdString();
    EXPECT_EQ(read.secret, secret);

    const auto removed = run([&](QObject *c, auto done) { store.remove(key, c, done); });
    ASSERT_EQ(removed.status, SecretStatus::Ok) << removed.message.toStdString();

    const auto gone = run([&](QObject *c, auto done) { store.read(key, c, done); });
    EXPECT_EQ(gone.status, SecretStatus::NotFound);
    EXPECT_TRUE(gone.secret.isEmpty());
}

TEST_F(SecretStoreTest, AMissingEntryIsNotFoundNotAnError)
{
    const auto read = run([&](QObject *c, auto done) { store.read(key, c, done); });
    EXPECT_EQ(read.status, SecretStatus::NotFound) << read.message.toStdString();
}
