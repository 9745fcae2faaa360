// SCM's vault:// secret references (reference §18) and Key Vault's naming
// rules, checked before anything is sent.
#include "keyvault/SecretReference.h"

#include "keyvault/SecretName.h"

#include <gtest/gtest.h>

using namespace ivcore;

namespace {
const QString kVersion = QStringLiteral("9f0c4b7d2e8a4c61b3d5e7f9a1c3e5d7");
}

TEST(SecretReference, ThreeSlashShortForm)
{
    const auto ref = SecretReference::parse(QStringLiteral("vault:///commerce-iv-01-secret"));
    ASSERT_TRUE(ref.ok()) << ref.problem().summary().toStdString();
    EXPECT_TRUE(ref.value().vaultName.isEmpty());
    EXPECT_EQ(ref.value().secretName, QStringLiteral("commerce-iv-01-secret"));
    EXPECT_TRUE(ref.value().version.isEmpty());
}

TEST(SecretReference, TwoSlashSpellingIsReadAndWrittenWithThree)
{
    const auto ref = SecretReference::parse(QStringLiteral("  vault://commerce-iv-01-secret "));
    ASSERT_TRUE(ref.ok()) << ref.problem().summary().toStdString();
    EXPECT_TRUE(ref.value().vaultName.isEmpty());
    EXPECT_EQ(ref.value().secretName, QStringLiteral("commerce-iv-01-secret"));
    EXPECT_EQ(ref.value().toString(), QStringLiteral("vault:///commerce-iv-01-secret"));
}

TEST(SecretReference, VaultNameAndVersion)
{
    const auto ref =
        SecretReference::parse(QStringLiteral("vault://contoso-iv-kv/commerce-iv-01-secret/") + kVersion);
    ASSERT_TRUE(ref.ok()) << ref.problem().summary().toStdString();
    EXPECT_EQ(ref.value().vaultName, QStringLiteral("contoso-iv-kv"));
    EXPECT_EQ(ref.value().version, kVersion);
    EXPECT_EQ(ref.value().vaultUrl(QUrl()), QUrl(QStringLiteral("https://contoso-iv-kv.vault.azure.net/")));
    EXPECT_EQ(ref.value().toString(),
              QStringLiteral("vault://contoso-iv-kv/commerce-iv-01-secret/") + kVersion);
}

TEST(SecretReference, WithoutVaultNameTheRecordUrlApplies)
{
    const QUrl record(QStringLiteral("https://kv-retail-test.vault.azure.net/"));
    const auto ref = SecretReference::parse(QStringLiteral("vault:///s1/") + kVersion);
    ASSERT_TRUE(ref.ok());
    EXPECT_EQ(ref.value().vaultUrl(record), record);
    EXPECT_EQ(ref.value().version, kVersion);
}

TEST(SecretReference, ParseErrorsNameTheProblem)
{
    const struct
    {
        const char *text;
        const char *mentions;
    } cases[] = {
        {"https://contoso.vault.azure.net/secrets/x", "vault://"},
        {"vault:///", "missing"},
        {"vault://", "missing"},
        {"vault:///commerce_iv_01", "“_”"},
        {"vault:///a/not-a-version", "32 letters or digits"},
        {"vault:///a/", "version"},
        {"vault://kv/a/b/c", "too many"},
        {"vault://contoso.kv/a", "Vault name"},
    };
    for (const auto &c : cases) {
        const auto ref = SecretReference::parse(QString::fromUtf8(c.text));
        ASSERT_FALSE(ref.ok()) << c.text;
        EXPECT_EQ(ref.problem().kind, ProblemKind::Configuration);
        EXPECT_TRUE(ref.problem().cause.contains(QString::fromUtf8(c.mentions)))
            << c.text << " → " << ref.problem().cause.toStdString();
        EXPECT_TRUE(ref.problem().fix.contains(QStringLiteral("vault:///")));
    }
}

TEST(SecretName, RuleIsOneTo127LettersDigitsDashes)
{
    EXPECT_TRUE(secretNameViolation(QStringLiteral("commerce-iv-01-secret")).isEmpty());
    EXPECT_TRUE(secretNameViolation(QString(127, u'a')).isEmpty());
    EXPECT_TRUE(secretNameViolation(QString(128, u'a')).contains(QStringLiteral("127")));
    EXPECT_TRUE(secretNameViolation(QString()).contains(QStringLiteral("empty")));
    EXPECT_TRUE(secretNameViolation(QStringLiteral("a b")).contains(QStringLiteral("position 2")));
    EXPECT_FALSE(secretNameViolation(QStringLiteral("é")).isEmpty()) << "ASCII letters only";
}

TEST(SecretName, ProblemNamesTheFieldAndTheRule)
{
    const auto p = problemFromSecretName(QStringLiteral("iv/secret"));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->kind, ProblemKind::Configuration);
    EXPECT_TRUE(p->cause.startsWith(QStringLiteral("Secret name"))) << p->cause.toStdString();
    EXPECT_TRUE(p->cause.contains(QStringLiteral("letters, digits and dashes")));
    EXPECT_FALSE(problemFromSecretName(QStringLiteral("ok-1"), kVersion).has_value());
    const auto badVersion = problemFromSecretName(QStringLiteral("ok-1"), QStringLiteral("latest"));
    ASSERT_TRUE(badVersion.has_value());
    EXPECT_TRUE(badVersion->cause.startsWith(QStringLiteral("Secret version")));
}
