#include "ivemu/HttpServer.h"

#include <QHttpServerResponder>
#include <QJsonObject>
#include <QTcpServer>

namespace ivemu {

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

void HttpServer::route(const QString &pattern, Handler handler)
{
    m_routes.append({QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::CaseInsensitiveOption),
                     std::move(handler)});
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
        send(request, socket, route.handler(request, captures));
        return true;
    }
    return false; // Qt then calls missingHandler()
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, HttpReply::ivError(404, QStringLiteral("No resource at ") + request.url().path()));
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpReply &reply)
{
    // Written piecewise because the header list is only known at run time.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    if (!reply.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}

} // namespace ivemu
