// Token bodies and the errors of both hops, turned into advice (CASE-08, -10).
#include "auth/TokenResponses.h"

#include <gtest/gtest.h>

using namespace ivcore;

namespace {
HttpResponse answer(int status, const char *body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.requestId = QStringLiteral("req-1");
    return r;
}
const QDateTime kNow = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
} // namespace

TEST(TokenResponses, ExpiresInAsNumberOrString)
{
    for (const char *body :
         {R"({"access_token":"T","expires_in":3599})", R"({"access_token":"T","expires_in":"3599"})"}) {
        const auto token = parseTokenBody(body, kNow, QStringLiteral("x"));
        ASSERT_TRUE(token.ok()) << body;
        EXPECT_EQ(token.value().expiresAt, kNow.addSecs(3599));
        EXPECT_EQ(token.value().value, QByteArray("T"));
    }
}

TEST(TokenResponses, RefreshesAtEightyPercentOfTheLifetime)
{
    const auto token = parseTokenBody(R"({"access_token":"T","expires_in":1200})", kNow, QStringLiteral("x"));
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(token.value().refreshAt(), kNow.addSecs(960));
    EXPECT_TRUE(token.value().isUsableAt(kNow.addSecs(959)));
    EXPECT_FALSE(token.value().isUsableAt(kNow.addSecs(960)));
}

TEST(TokenResponses, ABodyWithoutTokenIsAProblem)
{
    EXPECT_FALSE(parseTokenBody(R"({"expires_in":10})", kNow, QStringLiteral("x")).ok());
    EXPECT_FALSE(
        parseTokenBody(R"({"access_token":"T","expires_in":"soon"})", kNow, QStringLiteral("x")).ok());
    EXPECT_FALSE(parseTokenBody("not json", kNow, QStringLiteral("x")).ok());
}

TEST(TokenResponses, WrongSecretSaysPasteTheValue)
{
    const Problem p = problemFromEntraError(answer(401, R"({"error":"invalid_client",
        "error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x","error_codes":[7000215]})"));
    EXPECT_EQ(p.kind, ProblemKind::Authentication);
    EXPECT_TRUE(p.fix.contains(QStringLiteral("Value"))) << p.fix.toStdString();
    EXPECT_TRUE(p.detail.contains(QStringLiteral("AADSTS7000215")));
    EXPECT_TRUE(p.detail.contains(QStringLiteral("req-1")));
    EXPECT_FALSE(p.detail.contains(QStringLiteral("Trace ID"))) << "only the first line of the description";
}

TEST(TokenResponses, ExpiredSecretAndCodeFromDescriptionOnly)
{
    const Problem p = problemFromEntraError(answer(
        401,
        R"({"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys are expired."})"));
    EXPECT_TRUE(p.cause.contains(QStringLiteral("expired")));
}

TEST(TokenResponses, UnknownTenantIsConfiguration)
{
    const Problem p = problemFromEntraError(answer(
        400,
        R"({"error":"invalid_request","error_description":"AADSTS90002: Tenant not found.","error_codes":[90002]})"));
    EXPECT_EQ(p.kind, ProblemKind::Configuration);
    EXPECT_TRUE(p.cause.contains(QStringLiteral("tenant")));
}

TEST(TokenResponses, UnknownCodeFallsBackOnTheErrorField)
{
    const Problem p = problemFromEntraError(
        answer(400, R"({"error":"invalid_grant","error_description":"AADSTS123: Something new."})"));
    EXPECT_EQ(p.cause, QStringLiteral("AADSTS123: Something new."));
}

TEST(TokenResponses, ExchangeRefusalNamesTheEnvironment_Case09)
{
    const Problem p = problemFromTokenExchangeError(
        answer(401, R"({"error":"invalid_client","error_description":"app not bound"})"),
        QStringLiteral("ENV-A"));
    EXPECT_EQ(p.kind, ProblemKind::Authentication);
    EXPECT_TRUE(p.cause.contains(QStringLiteral("ENV-A")));
}

TEST(TokenResponses, WrongAudienceIsNotBlamedOnTheUser)
{
    const Problem p = problemFromTokenExchangeError(
        answer(
            400,
            R"({"error":"invalid_client","error_description":"Expected aud https://securityservice.operations365.dynamics.com but found x"})"),
        QStringLiteral("ENV-A"));
    EXPECT_EQ(p.kind, ProblemKind::Configuration);
    EXPECT_TRUE(p.cause.contains(QStringLiteral("wrong resource")));
}
