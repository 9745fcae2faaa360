// Value types that cross the HttpClient boundary: what to send, and what came back.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <chrono>

namespace ivcore {

using RawHeader = QPair<QByteArray, QByteArray>;

// How often a request may be sent again after a failure that may pass
// (no answer, 429, 5xx). Only the caller knows whether a request is safe to
// repeat: queries are; a reservation is not (it is reconciled instead).
struct RetryPolicy
{
    int maxAttempts = 1; // 1: never retried
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{30000}; // also caps a Retry-After

    static RetryPolicy none() { return {}; }
    static RetryPolicy idempotent(int attempts = 3)
    {
        return {attempts, std::chrono::milliseconds(500), std::chrono::milliseconds(30000)};
    }
};

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<RawHeader> headers;
    QByteArray body;
    std::chrono::milliseconds transferTimeout{20000};
    RetryPolicy retry;
};

// Why a request produced no usable HTTP answer. An HTTP error status is not a
// transport error: it arrives with kind None and the status set.
enum class TransportErrorKind
{
    None,
    Timeout,
    ConnectionRefused,
    HostNotFound,
    Tls,
    InsecureUrl,     // plain http to a host that is not loopback
    RedirectRefused, // target not on the allow-list, a downgrade, or a loop
    TooManyRedirects,
    ResponseTooLarge,
    Network,
};

struct HttpResponse
{
    int status = 0; // 0 when the request never got an answer
    QByteArray body;
    QList<RawHeader> headers;
    QUrl finalUrl;     // after any redirects we followed
    QString requestId; // the x-ms-client-request-id we sent
    int attempts = 1;  // how many times it was sent
    TransportErrorKind transportError = TransportErrorKind::None;
    QString transportMessage; // technical detail for the transport error

    bool hasAnswer() const { return transportError == TransportErrorKind::None && status > 0; }
    bool isSuccess() const { return hasAnswer() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const;
};

} // namespace ivcore
