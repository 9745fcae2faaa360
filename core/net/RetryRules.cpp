#include "net/RetryRules.h"

#include <QLocale>
#include <algorithm>

namespace ivcore {

bool isRetryableFailure(const HttpResponse &response)
{
    switch (response.transportError) {
    case TransportErrorKind::Timeout:
    case TransportErrorKind::ConnectionRefused:
    case TransportErrorKind::HostNotFound: // DNS may be down for a moment
    case TransportErrorKind::Network:
        return true;
    case TransportErrorKind::None:
        break;
    default:
        return false; // policy refusals and TLS failures will not pass by waiting
    }
    const int status = response.status;
    return status == 429 || (status >= 500 && status != 501);
}

std::optional<std::chrono::milliseconds> retryAfter(const HttpResponse &response, const QDateTime &now)
{
    const QByteArray value = response.header(QByteArrayLiteral("Retry-After")).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional(std::chrono::milliseconds(seconds * 1000)) : std::nullopt;
    // An HTTP date: "Wed, 21 Oct 2026 07:28:00 GMT".
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(value).chopped(4),
                                                 QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!at.isValid())
        return std::nullopt;
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(utc)));
}

std::chrono::milliseconds backoffDelay(const RetryPolicy &policy, int attempt, double random01,
                                       std::optional<std::chrono::milliseconds> serverHint)
{
    if (serverHint)
        return std::min(*serverHint, policy.maxDelay);
    const int exponent = std::clamp(attempt - 1, 0, 16);
    const auto step =
        std::min<std::chrono::milliseconds>(policy.baseDelay * (qint64(1) << exponent), policy.maxDelay);
    const double factor = 0.5 + 0.5 * std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<qint64>(static_cast<double>(step.count()) * factor));
}

} // namespace ivcore
