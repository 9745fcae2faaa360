// HttpClient is the only door to the network. Every request gets a transfer
// timeout, a request id and an explicit redirect policy: 307/308 are followed
// by us (never by Qt) to allow-listed hosts only, keeping method, body and
// headers, at most three hops and never in a loop. A request whose RetryPolicy
// allows it is sent again after a failure that may pass, with jittered
// exponential backoff or the server's Retry-After.
#pragma once

#include "net/HttpTypes.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace ivcore {

class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    // Sends the request; `done` runs on this object's thread unless `context`
    // has been destroyed by then, in which case it is dropped.
    void send(const HttpRequest &request, QObject *context, Callback done);

    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    int requestsInFlight() const { return m_inFlight; }

    static constexpr int kMaxRedirects = 3;

private:
    struct Exchange;
    void startHop(const std::shared_ptr<Exchange> &exchange);
    void onHopFinished(const std::shared_ptr<Exchange> &exchange, QNetworkReply *reply);
    void retry(const std::shared_ptr<Exchange> &exchange);
    void finish(const std::shared_ptr<Exchange> &exchange, HttpResponse response);

    QNetworkAccessManager *m_network;
    qint64 m_maxResponseBytes = 256LL * 1024 * 1024;
    int m_inFlight = 0;
};

} // namespace ivcore
