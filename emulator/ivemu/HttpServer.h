// A loopback HTTP listener with its own small router. It subclasses
// QAbstractHttpServer rather than using QHttpServer so that every request
// reaches us with its raw socket: that is where faults (drops, stalls, partial
// bodies, late answers) are played, so route handlers never know about them.
// Single-threaded and never blocking: late answers and stalls use timers.
#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <functional>

namespace ivemu {

class FaultInjector;
struct FaultDecision;

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

    static constexpr qint64 kDefaultBodyLimit = 8 * 1024 * 1024;

    explicit HttpServer(QObject *parent = nullptr);

    // Binds 127.0.0.1:port (0 = any free port). Returns the port, or 0 with *error set.
    quint16 listenLoopback(quint16 port, QString *error);
    quint16 port() const { return m_port; }

    // `pattern` is matched, case-insensitively and anchored, against the path
    // without its trailing slash (§4: the service tolerates both). `name` is
    // what fault rules and request statistics call the route; faults also
    // match any lowercase segment of the captures ("indexquery"). Without a
    // name, the path's last segment stands in.
    void route(const QString &pattern, Handler handler, const QString &name = {});
    // The emulator's own control routes (/_emulator/...): never faulted nor counted.
    void adminRoute(const QString &pattern, Handler handler);

    // Shared by the listeners of one emulator; nullptr = no faults, no statistics.
    void setFaultInjector(FaultInjector *injector) { m_faults = injector; }
    // Called when an "expire-tokens" fault fires, before the request is handled.
    void setTokenExpiry(std::function<void()> expireTokens) { m_expireTokens = std::move(expireTokens); }
    // Larger request bodies get 413 naming the limit.
    void setBodyLimit(qint64 bytes) { m_bodyLimit = bytes; }
    qint64 bodyLimit() const { return m_bodyLimit; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QRegularExpression pattern;
        Handler handler;
        QString name;
        bool admin = false;
    };
    // How the reply leaves: whole, cut short, or not at all (connection dropped).
    enum class Delivery
    {
        Whole,
        Truncated,
        Drop
    };

    void answer(const QHttpServerRequest &request, QTcpSocket *socket, const Route &route,
                const QStringList &captures, const FaultDecision &decision);
    static void write(QTcpSocket *socket, const HttpReply &reply, Delivery delivery, bool close);
    static void drop(QTcpSocket *socket);

    QList<Route> m_routes;
    quint16 m_port = 0;
    FaultInjector *m_faults = nullptr;
    std::function<void()> m_expireTokens;
    qint64 m_bodyLimit = kDefaultBodyLimit;
};

} // namespace ivemu
