// Which addresses and redirects the client accepts (CASE-15).
#include "net/UrlPolicy.h"

#include <gtest/gtest.h>

using namespace ivcore;

namespace {
QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}
} // namespace

TEST(UrlPolicy, PlainHttpOnlyToLoopback)
{
    EXPECT_TRUE(refusalForRequestUrl(url("http://127.0.0.1:8080/token")).isEmpty());
    EXPECT_TRUE(refusalForRequestUrl(url("http://localhost:8080/token")).isEmpty());
    EXPECT_TRUE(refusalForRequestUrl(url("http://[::1]:8080/token")).isEmpty());
    EXPECT_TRUE(refusalForRequestUrl(url("https://login.microsoftonline.com/t/oauth2/v2.0/token")).isEmpty());
    const QString refusal = refusalForRequestUrl(url("http://inventoryservice.eus-il301.gateway.prod.island."
                                                     "powerapps.com/api"));
    EXPECT_FALSE(refusal.isEmpty());
    EXPECT_TRUE(refusal.contains(QStringLiteral("https"))) << refusal.toStdString();
    EXPECT_FALSE(refusalForRequestUrl(url("ftp://127.0.0.1/")).isEmpty());
    EXPECT_FALSE(refusalForRequestUrl(QUrl()).isEmpty());
}

TEST(UrlPolicy, FollowsTheSecurityServiceRedirectToItsGateway)
{
    EXPECT_TRUE(
        refusalForRedirect(url("https://securityservice.operations365.dynamics.com/token"),
                           url("https://gw.us-il101.gateway.prod.island.powerapps.com/securityservice/token"))
            .isEmpty());
}

TEST(UrlPolicy, RefusesForeignHostsDowngradesAndEscapesToLoopback)
{
    const QUrl global = url("https://securityservice.operations365.dynamics.com/token");
    EXPECT_FALSE(refusalForRedirect(global, url("https://token-capture.invalid/token")).isEmpty());
    EXPECT_FALSE(refusalForRedirect(global, url("http://token-capture.invalid/token")).isEmpty());
    EXPECT_FALSE(
        refusalForRedirect(global, url("http://gw.us-il101.gateway.prod.island.powerapps.com/t")).isEmpty());
    EXPECT_FALSE(refusalForRedirect(global, url("http://127.0.0.1:9/steal")).isEmpty());
    EXPECT_FALSE(refusalForRedirect(global, url("https://evil.dynamics.com.example.org/")).isEmpty());
}

TEST(UrlPolicy, LoopbackMayRedirectWithinLoopback)
{
    EXPECT_TRUE(
        refusalForRedirect(url("http://127.0.0.1:1000/token"), url("http://127.0.0.1:2000/x")).isEmpty());
}

TEST(UrlPolicy, RestoresADroppedQueryString)
{
    const QUrl target = resolveRedirectTarget(url("https://a.dynamics.com/onhand/indexquery?pageNumber=2"),
                                              "https://b.dynamics.com/onhand/indexquery");
    EXPECT_EQ(target.query(), QStringLiteral("pageNumber=2"));
    const QUrl relative = resolveRedirectTarget(url("https://a.dynamics.com/x/y?q=1"), "/z");
    EXPECT_EQ(relative.toString(), QStringLiteral("https://a.dynamics.com/z?q=1"));
}
