#include "ivemu/HttpServer.h"

#include "ivemu/FaultInjector.h"

#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace ivemu {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 207:
        return QByteArrayLiteral("Multi-Status");
    case 302:
        return QByteArrayLiteral("Found");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

// The reply a breaking fault answers instead of the handler's; nullopt when
// the handler must run (its reply is then altered or dropped).
std::optional<HttpReply> replacementReply(const FaultRule &fault)
{
    const QByteArray seconds = QByteArray::number(fault.param > 0 ? fault.param : 1);
    switch (fault.kind) {
    case FaultKind::Throttle: {
        HttpReply reply = HttpReply::ivError(
            429, QStringLiteral("Too many requests. Retry after %1 s.").arg(QLatin1String(seconds)));
        reply.headers.append({QByteArrayLiteral("Retry-After"), seconds});
        return reply;
    }
    case FaultKind::ServerError:
        return HttpReply::ivError(500, QStringLiteral("An internal server error occurred."));
    case FaultKind::Unavailable: {
        HttpReply reply = HttpReply::ivError(503, QStringLiteral("The service is temporarily unavailable."));
        if (fault.param > 0)
            reply.headers.append({QByteArrayLiteral("Retry-After"), seconds});
        return reply;
    }
    case FaultKind::Warmup:
        // §24: only the substring is known, so the plain form is the bare text.
        return HttpReply{500,
                         QByteArrayLiteral("text/plain; charset=utf-8"),
                         QByteArrayLiteral("Waiting for partition to be ready. Please retry later."),
                         {}};
    case FaultKind::WarmupJson:
        return HttpReply::ivError(500,
                                  QStringLiteral("Waiting for partition to be ready. Please retry later."));
    case FaultKind::Unauthorized: {
        HttpReply reply = HttpReply::empty(401);
        reply.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
        return reply;
    }
    default:
        return std::nullopt;
    }
}

// Keeps the status line honest but breaks the JSON: half the real body, or a
// dangling object when there is nothing to halve.
QByteArray brokenJson(const QByteArray &body)
{
    const QByteArray half = body.left(body.size() / 2);
    if (half.isEmpty() || !QJsonDocument::fromJson(half).isNull())
        return QByteArrayLiteral("{\"value\":[{\"productId\":");
    return half;
}

QStringList routeNames(const QString &name, const QStringList &captures, const QString &path)
{
    QStringList names;
    names.append(name.isEmpty() ? path.section(u'/', -1).toLower() : name.toLower());
    for (const QString &capture : captures)
        for (const QString &segment : capture.split(u'/', Qt::SkipEmptyParts))
            if (!names.contains(segment.toLower()))
                names.append(segment.toLower());
    return names;
}

} // namespace

HttpReply HttpReply::json(const QJsonDocument &document, int status)
{
    return {status,
            QByteArrayLiteral("application/json; charset=utf-8"),
            document.toJson(QJsonDocument::Compact),
            {}};
}

HttpReply HttpReply::empty(int status)
{
    return {status, {}, {}, {}};
}

HttpReply HttpReply::ivError(int status, const QString &message)
{
    const QJsonObject body{{QStringLiteral("id"), QString()},
                           {QStringLiteral("processingStatus"), QStringLiteral("failure")},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("statusCode"), status}};
    return json(QJsonDocument(body), status);
}

QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

HttpServer::HttpServer(QObject *parent) : QAbstractHttpServer(parent) {}

quint16 HttpServer::listenLoopback(quint16 port, QString *error)
{
    // Our own QTcpServer gives a readable reason when the port is taken.
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    m_port = tcp->serverPort();
    return m_port;
}

void HttpServer::route(const QString &pattern, Handler handler, const QString &name)
{
    m_routes.append({QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::CaseInsensitiveOption),
                     std::move(handler), name, false});
}

void HttpServer::adminRoute(const QString &pattern, Handler handler)
{
    route(pattern, std::move(handler), QStringLiteral("admin"));
    m_routes.last().admin = true;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QString path = request.url().path();
    while (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    for (const Route &route : std::as_const(m_routes)) {
        const QRegularExpressionMatch match = route.pattern.match(path);
        if (!match.hasMatch())
            continue;
        QStringList captures = match.capturedTexts();
        captures.removeFirst();
        if (request.body().size() > m_bodyLimit) {
            // Qt has buffered the body already; closing keeps the peer from sending more.
            write(
                socket,
                HttpReply::ivError(413, QStringLiteral("The request body has %1 bytes; the limit is %2 bytes "
                                                       "(--max-body-bytes).")
                                            .arg(request.body().size())
                                            .arg(m_bodyLimit)),
                Delivery::Whole, true);
            return true;
        }
        FaultDecision decision;
        // Every /_emulator/ route is control, however it was registered.
        const bool admin = route.admin || path.startsWith(QLatin1String("/_emulator/"), Qt::CaseInsensitive);
        if (m_faults && !admin)
            decision = m_faults->onRequest(routeNames(route.name, captures, path), path);
        answer(request, socket, route, captures, decision);
        return true;
    }
    return false; // Qt then calls missingHandler()
}

void HttpServer::answer(const QHttpServerRequest &request, QTcpSocket *socket, const Route &route,
                        const QStringList &captures, const FaultDecision &decision)
{
    const bool closeAfter = headerValue(request, "Connection").toLower().contains("close");
    if (decision.expireTokens && m_expireTokens)
        m_expireTokens();

    const std::optional<FaultRule> &fault = decision.fault;
    const FaultKind kind = fault ? fault->kind : FaultKind::Latency; // Latency = no breaking fault
    if (kind == FaultKind::ResetBefore) {
        drop(socket);
        return;
    }
    if (kind == FaultKind::Stall) {
        // Never answer. The client gives up (Qt then deletes the socket) or the cap closes it.
        QTimer::singleShot(fault->param > 0 ? fault->param : 120'000, socket, [socket] { drop(socket); });
        return;
    }

    HttpReply reply;
    if (const auto replacement = fault ? replacementReply(*fault) : std::nullopt)
        reply = *replacement;
    else
        reply = route.handler(request, captures); // effects are applied from here on
    Delivery delivery = Delivery::Whole;
    if (kind == FaultKind::ResetAfter) {
        delivery = Delivery::Drop;
    } else if (kind == FaultKind::Truncate) {
        delivery = Delivery::Truncated;
    } else if (kind == FaultKind::MalformedJson) {
        reply.status = 200;
        reply.contentType = QByteArrayLiteral("application/json; charset=utf-8");
        reply.body = brokenJson(reply.body);
    }

    if (decision.latencyMs <= 0) {
        write(socket, reply, delivery, closeAfter);
        return;
    }
    // The socket is the timer's context: if the client leaves first, nothing is written.
    QTimer::singleShot(decision.latencyMs, socket,
                       [socket, reply, delivery, closeAfter] { write(socket, reply, delivery, closeAfter); });
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    write(socket, HttpReply::ivError(404, QStringLiteral("No resource at ") + request.url().path()),
          Delivery::Whole, headerValue(request, "Connection").toLower().contains("close"));
}

void HttpServer::write(QTcpSocket *socket, const HttpReply &reply, Delivery delivery, bool close)
{
    if (delivery == Delivery::Drop) {
        drop(socket);
        return;
    }
    // Written by hand (HTTP/1.1, keep-alive) so that a fault can lie about the length.
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (!reply.contentType.isEmpty())
        head += "Content-Type: " + reply.contentType + "\r\n";
    const bool truncated = delivery == Delivery::Truncated;
    const qsizetype promised = truncated ? reply.body.size() + 64 : reply.body.size();
    head += "Content-Length: " + QByteArray::number(promised) + "\r\n";
    if (close || truncated)
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    socket->write(truncated ? reply.body.left(reply.body.size() / 2) : reply.body);
    if (close || truncated)
        socket->disconnectFromHost(); // after the buffered bytes are sent
}

void HttpServer::drop(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // Linger 0 makes the close a TCP reset, as a crashed peer or a load balancer would.
    const linger reset{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
#endif
    socket->abort();
}

} // namespace ivemu
