// What is retried, and how long the client waits before it tries again.
#include "net/RetryRules.h"

#include <gtest/gtest.h>

using namespace ivcore;
using namespace std::chrono_literals;

namespace {
HttpResponse answered(int status, QByteArray retryAfterValue = {})
{
    HttpResponse r;
    r.status = status;
    if (!retryAfterValue.isEmpty())
        r.headers.append({QByteArrayLiteral("Retry-After"), retryAfterValue});
    return r;
}
HttpResponse unanswered(TransportErrorKind kind)
{
    HttpResponse r;
    r.transportError = kind;
    return r;
}
} // namespace

TEST(RetryRules, FailuresThatMayPassAreRetryable)
{
    for (int status : {429, 500, 502, 503, 504})
        EXPECT_TRUE(isRetryableFailure(answered(status))) << status;
    for (int status : {200, 204, 400, 401, 403, 404, 409, 413, 501})
        EXPECT_FALSE(isRetryableFailure(answered(status))) << status;
    for (auto kind : {TransportErrorKind::Timeout, TransportErrorKind::ConnectionRefused,
                      TransportErrorKind::HostNotFound, TransportErrorKind::Network})
        EXPECT_TRUE(isRetryableFailure(unanswered(kind)));
    for (auto kind :
         {TransportErrorKind::Tls, TransportErrorKind::InsecureUrl, TransportErrorKind::RedirectRefused,
          TransportErrorKind::TooManyRedirects, TransportErrorKind::ResponseTooLarge})
        EXPECT_FALSE(isRetryableFailure(unanswered(kind))) << "waiting does not fix a refusal";
}

TEST(RetryRules, RetryAfterInSecondsOrAsAnHttpDate)
{
    const QDateTime now(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC);
    EXPECT_EQ(retryAfter(answered(429, "9"), now), 9000ms);
    EXPECT_EQ(retryAfter(answered(503, "Wed, 21 Oct 2026 07:28:30 GMT"), now), 30000ms);
    EXPECT_EQ(retryAfter(answered(503, "Wed, 21 Oct 2026 07:27:00 GMT"), now), 0ms) << "a date in the past";
    EXPECT_FALSE(retryAfter(answered(503), now).has_value());
    EXPECT_FALSE(retryAfter(answered(503, "soon"), now).has_value());
    EXPECT_FALSE(retryAfter(answered(503, "-5"), now).has_value());
}

TEST(RetryRules, BackoffGrowsIsJitteredAndCapped)
{
    const RetryPolicy policy{6, 500ms, 4000ms};
    EXPECT_EQ(backoffDelay(policy, 1, 0.0, std::nullopt), 250ms);
    EXPECT_EQ(backoffDelay(policy, 1, 1.0, std::nullopt), 500ms);
    EXPECT_EQ(backoffDelay(policy, 2, 1.0, std::nullopt), 1000ms);
    EXPECT_EQ(backoffDelay(policy, 3, 1.0, std::nullopt), 2000ms);
    EXPECT_EQ(backoffDelay(policy, 5, 1.0, std::nullopt), 4000ms) << "capped";
    EXPECT_EQ(backoffDelay(policy, 40, 1.0, std::nullopt), 4000ms) << "no overflow for large attempts";
    EXPECT_EQ(backoffDelay(policy, 1, 0.5, 1500ms), 1500ms) << "the server's hint wins";
    EXPECT_EQ(backoffDelay(policy, 1, 0.5, 60000ms), 4000ms) << "but never beyond the cap";
}
