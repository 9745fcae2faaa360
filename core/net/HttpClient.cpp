#include "net/HttpClient.h"

#include "common/Logging.h"
#include "net/RetryRules.h"
#include "net/UrlPolicy.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QSslError>
#include <QTimer>
#include <QUuid>

namespace ivcore {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const RawHeader &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

struct HttpClient::Exchange
{
    HttpRequest original; // what the caller asked for; each retry starts here again
    HttpRequest request;  // the current hop
    QPointer<QObject> context;
    bool hadContext = false;
    Callback done;
    QString requestId;
    QSet<QUrl> visited;
    int hops = 0;
    int attempt = 1;
    bool abortedForSize = false;
    QElapsedTimer clock;
};

namespace {

TransportErrorKind classify(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports in Qt 6.4
        return TransportErrorKind::Timeout;
    case QNetworkReply::ConnectionRefusedError:
        return TransportErrorKind::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
        return TransportErrorKind::HostNotFound;
    case QNetworkReply::SslHandshakeFailedError:
        return TransportErrorKind::Tls;
    default:
        return TransportErrorKind::Network;
    }
}

} // namespace

HttpClient::HttpClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // Redirects are ours to judge; never let Qt follow one on its own.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient() = default;

void HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->original = request;
    exchange->request = request;
    exchange->context = context;
    exchange->hadContext = context != nullptr;
    exchange->done = std::move(done);
    exchange->requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    exchange->clock.start();
    ++m_inFlight;

    if (const QString refusal = refusalForRequestUrl(request.url); !refusal.isEmpty()) {
        HttpResponse response;
        response.transportError = TransportErrorKind::InsecureUrl;
        response.transportMessage = refusal;
        // Answer asynchronously, like every other outcome.
        QMetaObject::invokeMethod(
            this, [this, exchange, response]() { finish(exchange, response); }, Qt::QueuedConnection);
        return;
    }
    exchange->visited.insert(request.url.adjusted(QUrl::StripTrailingSlash));
    startHop(exchange);
}

void HttpClient::startHop(const std::shared_ptr<Exchange> &exchange)
{
    const HttpRequest &request = exchange->request;
    QNetworkRequest networkRequest(request.url);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setTransferTimeout(static_cast<int>(request.transferTimeout.count()));
    networkRequest.setRawHeader(QByteArrayLiteral("x-ms-client-request-id"), exchange->requestId.toLatin1());
    for (const RawHeader &header : request.headers)
        networkRequest.setRawHeader(header.first, header.second);

    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    connect(reply, &QNetworkReply::downloadProgress, reply, [this, exchange, reply](qint64 received, qint64) {
        if (received > m_maxResponseBytes && !exchange->abortedForSize) {
            exchange->abortedForSize = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, exchange, reply]() { onHopFinished(exchange, reply); });
}

void HttpClient::onHopFinished(const std::shared_ptr<Exchange> &exchange, QNetworkReply *reply)
{
    reply->deleteLater();
    HttpResponse response;
    response.requestId = exchange->requestId;
    response.finalUrl = exchange->request.url;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();

    if (exchange->abortedForSize) {
        response.status = 0;
        response.transportError = TransportErrorKind::ResponseTooLarge;
        response.transportMessage =
            QStringLiteral("The answer was larger than %1 MB and was dropped.").arg(m_maxResponseBytes >> 20);
        finish(exchange, response);
        return;
    }
    if (response.status == 0) {
        response.transportError = classify(reply->error());
        response.transportMessage = reply->errorString();
        finish(exchange, response);
        return;
    }
    response.body = reply->readAll();

    if (response.status == 307 || response.status == 308) {
        const QUrl from = exchange->request.url;
        const QUrl target = resolveRedirectTarget(from, reply->rawHeader(QByteArrayLiteral("Location")));
        QString refusal = refusalForRedirect(from, target);
        if (refusal.isEmpty() && exchange->visited.contains(target.adjusted(QUrl::StripTrailingSlash)))
            refusal = QStringLiteral("Refused a redirect loop back to %1.").arg(target.toDisplayString());
        if (!refusal.isEmpty() || exchange->hops >= kMaxRedirects) {
            response.transportError = refusal.isEmpty() ? TransportErrorKind::TooManyRedirects
                                                        : TransportErrorKind::RedirectRefused;
            response.transportMessage = refusal.isEmpty()
                                            ? QStringLiteral("More than %1 redirects; stopped at %2.")
                                                  .arg(kMaxRedirects)
                                                  .arg(target.toDisplayString())
                                            : refusal;
            response.status = 0;
            finish(exchange, response);
            return;
        }
        qCDebug(lcNet) << "following" << response.status << "to" << target.host() << "request"
                       << exchange->requestId;
        ++exchange->hops;
        exchange->visited.insert(target.adjusted(QUrl::StripTrailingSlash));
        exchange->request.url = target; // same method, body and headers
        startHop(exchange);
        return;
    }
    finish(exchange, response);
}

void HttpClient::retry(const std::shared_ptr<Exchange> &exchange)
{
    if (exchange->hadContext && !exchange->context) {
        --m_inFlight; // the caller went away while we waited
        return;
    }
    // Same method, body, headers and request id, from the first address again.
    exchange->request = exchange->original;
    exchange->hops = 0;
    exchange->abortedForSize = false;
    exchange->visited = {exchange->original.url.adjusted(QUrl::StripTrailingSlash)};
    startHop(exchange);
}

void HttpClient::finish(const std::shared_ptr<Exchange> &exchange, HttpResponse response)
{
    response.requestId = exchange->requestId;
    response.attempts = exchange->attempt;
    const bool callerGone = exchange->hadContext && !exchange->context;
    if (!callerGone && exchange->attempt < exchange->original.retry.maxAttempts &&
        isRetryableFailure(response)) {
        const auto delay = backoffDelay(exchange->original.retry, exchange->attempt,
                                        QRandomGenerator::global()->generateDouble(),
                                        retryAfter(response, QDateTime::currentDateTimeUtc()));
        qCInfo(lcNet).nospace() << "retrying " << exchange->original.url.host()
                                << exchange->original.url.path() << " in " << delay.count() << " ms (attempt "
                                << exchange->attempt + 1 << " of " << exchange->original.retry.maxAttempts
                                << ", request " << exchange->requestId << ")";
        ++exchange->attempt;
        QTimer::singleShot(delay, this, [this, exchange]() { retry(exchange); });
        return;
    }
    --m_inFlight;
    qCDebug(lcNet).nospace() << exchange->request.method << " " << exchange->request.url.host()
                             << exchange->request.url.path() << " -> " << response.status << " in "
                             << exchange->clock.elapsed() << " ms, request " << exchange->requestId;
    if (exchange->hadContext && !exchange->context)
        return;
    exchange->done(response);
}

} // namespace ivcore
