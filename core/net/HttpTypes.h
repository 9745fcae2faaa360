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

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<RawHeader> headers;
    QByteArray body;
    std::chrono::milliseconds transferTimeout{20000};
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
    TransportErrorKind transportError = TransportErrorKind::None;
    QString transportMessage; // technical detail for the transport error

    bool hasAnswer() const { return transportError == TransportErrorKind::None && status > 0; }
    bool isSuccess() const { return hasAnswer() && status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const;
};

} // namespace ivcore
