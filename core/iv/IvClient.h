// Inventory Visibility's data plane for one environment. Adds the IV token to
// every call, refreshes it once on a 401, and parses answers off the UI thread.
#pragma once

#include "common/Result.h"
#include "iv/OnhandQuery.h"
#include "iv/OnhandRow.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>
#include <functional>

namespace ivcore {

class HttpClient;
class TokenProvider;
struct AccessToken;
struct HttpResponse;

struct OnhandAnswer
{
    QList<OnhandRow> rows;
    QStringList warnings;
    QDateTime receivedAt;
    QString requestId;
};

class IvClient : public QObject
{
    Q_OBJECT
public:
    using OnhandCallback = std::function<void(const Result<OnhandAnswer> &)>;

    IvClient(HttpClient *http, TokenProvider *tokens, QUrl endpoint, QString environmentId,
             QObject *parent = nullptr);

    void exactQuery(const ExactOnhandQuery &query, QObject *context, OnhandCallback done);
    void indexQuery(const IndexOnhandQuery &query, QObject *context, OnhandCallback done);

    QUrl endpoint() const { return m_endpoint; }
    QString environmentId() const { return m_environmentId; }

private:
    struct Call;
    void post(const QString &path, const QByteArray &body, QObject *context, OnhandCallback done);
    void send(const std::shared_ptr<Call> &call);
    void sendWithToken(const std::shared_ptr<Call> &call, const AccessToken &token);
    void handleAnswer(const std::shared_ptr<Call> &call, const HttpResponse &response);
    void parseInBackground(const std::shared_ptr<Call> &call, const HttpResponse &response);
    Problem problemFor(const HttpResponse &response) const;

    HttpClient *m_http;
    TokenProvider *m_tokens;
    QUrl m_endpoint;
    QString m_environmentId;
};

} // namespace ivcore
