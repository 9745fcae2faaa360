// Which failures may pass, and how long to wait before trying again:
// jittered exponential backoff, or the server's Retry-After when it sends one.
#pragma once

#include "net/HttpTypes.h"

#include <QDateTime>
#include <chrono>
#include <optional>

namespace ivcore {

// No answer at all, 429, or a 5xx other than 501: worth another try.
bool isRetryableFailure(const HttpResponse &response);

// Retry-After as delta seconds or an HTTP date, relative to `now`.
std::optional<std::chrono::milliseconds> retryAfter(const HttpResponse &response, const QDateTime &now);

// The pause before attempt `attempt + 1` (attempt counts from 1). `random01`
// is in [0, 1); half the exponential step is fixed and half is jitter, so
// clients that failed together do not come back together.
std::chrono::milliseconds backoffDelay(const RetryPolicy &policy, int attempt, double random01,
                                       std::optional<std::chrono::milliseconds> serverHint);

} // namespace ivcore
