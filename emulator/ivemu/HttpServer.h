// A loopback HTTP listener with its own small router. It subclasses
// QAbstractHttpServer rather than using QHttpServer so that every request
// reaches us with its raw socket: fault injection (drops, stalls, partial
// bodies) will need that later.
#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <functional>

namespace ivemu {

// What a handler answers; written to the socket by HttpServer.
struct HttpReply
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpReply json(const QJsonDocument &document, int status = 200);
    static HttpReply empty(int status);
    // The default IV error body (§5.7, an [I] choice of ours).
    static HttpReply ivError(int status, const QString &message);
};

// Case-insensitive header lookup (HTTP header names are case-insensitive).
QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name);

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // Captures are the regular expression's groups, percent-decoded path parts.
    using Handler = std::function<HttpReply(const QHttpServerRequest &, const QStringList &captures)>;

    explicit HttpServer(QObject *parent = nullptr);

    // Binds 127.0.0.1:port (0 = any free port). Returns the port, or 0 with *error set.
    quint16 listenLoopback(quint16 port, QString *error);
    quint16 port() const { return m_port; }

    // `pattern` is matched, case-insensitively and anchored, against the path
    // without its trailing slash (§4: the service tolerates both).
    void route(const QString &pattern, Handler handler);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpReply &reply);

    struct Route
    {
        QRegularExpression pattern;
        Handler handler;
    };
    QList<Route> m_routes;
    quint16 m_port = 0;
};

} // namespace ivemu
