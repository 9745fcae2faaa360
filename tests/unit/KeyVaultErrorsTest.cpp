// Key Vault refusals (reference §17, CASE-11) and stale versions, turned into
// advice that names the vault, the app and the role or permission to grant.
#include "keyvault/KeyVaultErrors.h"

#include "keyvault/SecretJson.h"

#include <gtest/gtest.h>

using namespace ivcore;

namespace {

HttpResponse answer(int status, const char *body, QList<RawHeader> headers = {})
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.requestId = QStringLiteral("req-42");
    return r;
}

VaultCall call(VaultOperation operation = VaultOperation::GetSecret, QString version = {})
{
    return {operation,
            QStringLiteral("kv-retail-test"),
            QStringLiteral("commerce-iv-01-secret"),
            std::move(version),
            QStringLiteral("b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d"),
            QStringLiteral("7d3c9e21-5b8a-4f6e-a1c2-9e4b7f0d2a61")};
}

const char *forbidden(const char *inner)
{
    static QByteArray body;
    body = QByteArrayLiteral(R"({"error":{"code":"Forbidden","message":"(test) caller not authorized",)"
                             R"("innererror":{"code":")") +
           inner + QByteArrayLiteral(R"("}}})");
    return body.constData();
}

const QDateTime kNow = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);

} // namespace

TEST(KeyVaultErrors, MissingSecretIsNotFound)
{
    const Problem p = problemFromKeyVaultError(
        answer(404,
               R"({"error":{"code":"SecretNotFound","message":"A secret with (name/id) x was not found"}})"),
        call());
    EXPECT_EQ(p.kind, ProblemKind::Configuration);
    EXPECT_TRUE(p.cause.contains(QStringLiteral("no secret named commerce-iv-01-secret")))
        << p.cause.toStdString();
    EXPECT_TRUE(p.detail.contains(QStringLiteral("SecretNotFound")));
    EXPECT_TRUE(p.detail.contains(QStringLiteral("req-42")));
}

TEST(KeyVaultErrors, RbacVaultNeedsTheSecretsUserRole)
{
    const Problem p = problemFromKeyVaultError(answer(403, forbidden("ForbiddenByRbac")), call());
    EXPECT_EQ(p.kind, ProblemKind::Authentication);
    EXPECT_TRUE(p.cause.contains(QStringLiteral("Azure RBAC")));
    EXPECT_TRUE(p.fix.contains(QStringLiteral("Key Vault Secrets User"))) << p.fix.toStdString();
    EXPECT_TRUE(p.fix.contains(QStringLiteral("b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d")));
    EXPECT_TRUE(p.fix.contains(QStringLiteral("kv-retail-test")));
    EXPECT_TRUE(p.fix.contains(QStringLiteral("2 minutes")));
    EXPECT_TRUE(p.detail.contains(QStringLiteral("Forbidden/ForbiddenByRbac")));
    const Problem set =
        problemFromKeyVaultError(answer(403, forbidden("ForbiddenByRbac")), call(VaultOperation::SetSecret));
    EXPECT_TRUE(set.fix.contains(QStringLiteral("Key Vault Secrets Officer")));
}

TEST(KeyVaultErrors, AccessPolicyVaultNeedsGetAndList)
{
    for (const char *inner : {"AccessDenied", "ForbiddenByPolicy"}) {
        const Problem p =
            problemFromKeyVaultError(answer(403, forbidden(inner)), call(VaultOperation::ListSecrets));
        EXPECT_EQ(p.kind, ProblemKind::Authentication) << inner;
        EXPECT_TRUE(p.cause.contains(QStringLiteral("access policies"))) << inner;
        EXPECT_TRUE(p.cause.contains(QStringLiteral("“list”")));
        EXPECT_TRUE(p.fix.contains(QStringLiteral("Get and List secret permissions"))) << p.fix.toStdString();
    }
}

TEST(KeyVaultErrors, FirewallDisabledAndExpiredAreToldApart)
{
    const Problem firewall = problemFromKeyVaultError(answer(403, forbidden("ForbiddenByFirewall")), call());
    EXPECT_TRUE(firewall.fix.contains(QStringLiteral("Allow the caller's network")))
        << firewall.fix.toStdString();

    const Problem disabled = problemFromKeyVaultError(
        answer(403, R"({"error":{"code":"Forbidden","innererror":{"code":"SecretDisabled"}}})"),
        call(VaultOperation::GetSecret, QStringLiteral("abc")));
    EXPECT_TRUE(
        disabled.cause.contains(QStringLiteral("Version abc of secret commerce-iv-01-secret is disabled")))
        << disabled.cause.toStdString();

    const Problem expired = problemFromKeyVaultError(
        answer(403, R"({"error":{"code":"Forbidden","innererror":{"code":"SecretExpired"}}})"), call());
    EXPECT_TRUE(expired.cause.contains(QStringLiteral("expired")));
}

TEST(KeyVaultErrors, UnauthorizedNamesAudienceOrForeignTenant)
{
    const QList<RawHeader> challenge{
        {QByteArrayLiteral("WWW-Authenticate"),
         QByteArrayLiteral(
             R"(Bearer authorization="https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555", resource="https://vault.azure.net")")}};
    const char *body = R"({"error":{"code":"Unauthorized","message":"AKV10022: Invalid audience."}})";
    const Problem foreign = problemFromKeyVaultError(answer(401, body, challenge), call());
    EXPECT_EQ(foreign.kind, ProblemKind::Authentication);
    EXPECT_TRUE(foreign.cause.contains(QStringLiteral("11111111-2222-3333-4444-555555555555")))
        << foreign.cause.toStdString();
    const Problem audience = problemFromKeyVaultError(answer(401, body), call());
    EXPECT_TRUE(audience.cause.contains(QStringLiteral("audience")));
    EXPECT_TRUE(audience.detail.contains(QStringLiteral("AKV10022")));
}

TEST(KeyVaultErrors, ThrottlingAndNoAnswerKeepTheGenericRules)
{
    EXPECT_EQ(problemFromKeyVaultError(answer(429, "{}"), call()).kind, ProblemKind::Service);
    HttpResponse refused;
    refused.transportError = TransportErrorKind::ConnectionRefused;
    EXPECT_EQ(problemFromKeyVaultError(refused, call()).kind, ProblemKind::Network);
}

TEST(KeyVaultErrors, AnExpiredVersionServedWith200IsFlagged)
{
    const auto bundle = parseSecretBundle(
        R"({"value":"s3cr3t-value","id":"https://kv-retail-test.vault.azure.net/secrets/commerce-iv-01-secret/9f0c4b7d2e8a4c61b3d5e7f9a1c3e5d7",
            "attributes":{"enabled":true,"nbf":1740787200,"exp":1772323200,"created":1741075200,"updated":1741075200}})",
        true);
    ASSERT_TRUE(bundle.ok());
    EXPECT_EQ(bundle.value().name, QStringLiteral("commerce-iv-01-secret"));
    EXPECT_EQ(bundle.value().version, QStringLiteral("9f0c4b7d2e8a4c61b3d5e7f9a1c3e5d7"));
    EXPECT_EQ(bundle.value().validityAt(kNow), SecretValidity::Expired);
    const auto p = problemFromSecretValidity(bundle.value(), kNow, call());
    ASSERT_TRUE(p.has_value());
    EXPECT_TRUE(p->cause.contains(QStringLiteral("expired on 2026-03-01"))) << p->cause.toStdString();
    for (const QString &text : {p->what, p->cause, p->fix, p->detail})
        EXPECT_FALSE(text.contains(QStringLiteral("s3cr3t-value")));
    EXPECT_EQ(bundle.value().validityAt(QDateTime::fromSecsSinceEpoch(1740787100, Qt::UTC)),
              SecretValidity::NotYetValid);
    EXPECT_FALSE(problemFromSecretValidity(bundle.value(), QDateTime::fromSecsSinceEpoch(1750000000, Qt::UTC),
                                           call()));
}
