#include "iv/IvClient.h"

#include "auth/TokenProvider.h"
#include "common/Logging.h"
#include "iv/OnhandParser.h"
#include "net/HttpClient.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace ivcore {

struct IvClient::Call
{
    QString path; // below /api/environment/{id}/
    QByteArray body;
    QPointer<QObject> context;
    OnhandCallback done;
    bool retriedAfter401 = false;

    void answer(const Result<OnhandAnswer> &result) const
    {
        if (context)
            done(result);
    }
};

IvClient::IvClient(HttpClient *http, TokenProvider *tokens, QUrl endpoint, QString environmentId,
                   QObject *parent)
    : QObject(parent), m_http(http), m_tokens(tokens), m_endpoint(std::move(endpoint)),
      m_environmentId(std::move(environmentId))
{}

void IvClient::exactQuery(const ExactOnhandQuery &query, QObject *context, OnhandCallback done)
{
    post(QStringLiteral("onhand/exactquery"), query.toJson(), context, std::move(done));
}

void IvClient::indexQuery(const IndexOnhandQuery &query, QObject *context, OnhandCallback done)
{
    post(QStringLiteral("onhand/indexquery"), query.toJson(), context, std::move(done));
}

void IvClient::post(const QString &path, const QByteArray &body, QObject *context, OnhandCallback done)
{
    auto call = std::make_shared<Call>();
    call->path = path;
    call->body = body;
    call->context = context;
    call->done = std::move(done);
    send(call);
}

void IvClient::send(const std::shared_ptr<Call> &call)
{
    m_tokens->requestToken(this, [this, call](const Result<AccessToken> &token) {
        if (!token) {
            call->answer(token.problem());
            return;
        }
        sendWithToken(call, token.value());
    });
}

void IvClient::sendWithToken(const std::shared_ptr<Call> &call, const AccessToken &token)
{
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    QUrl url = m_endpoint;
    const QString base = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    url.setPath(base + QStringLiteral("/api/environment/") + m_environmentId + QLatin1Char('/') + call->path);
    request.url = url;
    request.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token.value},
                       {QByteArrayLiteral("Api-Version"), QByteArrayLiteral("1.0")},
                       {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    request.body = call->body;
    request.retry = RetryPolicy::idempotent(); // queries only read: safe to send again
    m_http->send(request, this, [this, call](const HttpResponse &response) { handleAnswer(call, response); });
}

void IvClient::handleAnswer(const std::shared_ptr<Call> &call, const HttpResponse &response)
{
    if (response.status == 401 && !call->retriedAfter401) {
        // The token may have expired early or been revoked: one fresh try.
        qCInfo(lcIv) << "401 from Inventory Visibility; refreshing the token once";
        call->retriedAfter401 = true;
        m_tokens->invalidate();
        send(call);
        return;
    }
    if (!response.isSuccess()) {
        call->answer(problemFor(response));
        return;
    }
    parseInBackground(call, response);
}

void IvClient::parseInBackground(const std::shared_ptr<Call> &call, const HttpResponse &response)
{
    // Large answers take a noticeable time to parse; keep that off the UI thread.
    auto *watcher = new QFutureWatcher<OnhandParseResult>(this);
    connect(watcher, &QFutureWatcher<OnhandParseResult>::finished, this, [watcher, call, response]() {
        watcher->deleteLater();
        OnhandParseResult parsed = watcher->result();
        if (!parsed.error.isEmpty()) {
            Problem p;
            p.kind = ProblemKind::Service;
            p.what = QStringLiteral("Could not read the answer of Inventory Visibility");
            p.cause = parsed.error;
            p.fix = QStringLiteral("ivdesk retries by itself; if it lasts, report it with the details.");
            p.detail = QStringLiteral("request id ") + response.requestId;
            call->answer(p);
            return;
        }
        OnhandAnswer answer;
        answer.rows = std::move(parsed.rows);
        answer.warnings = std::move(parsed.warnings);
        answer.receivedAt = QDateTime::currentDateTimeUtc();
        answer.requestId = response.requestId;
        call->answer(answer);
    });
    watcher->setFuture(QtConcurrent::run(parseOnhandResponse, response.body));
}

Problem IvClient::problemFor(const HttpResponse &response) const
{
    const QString what = QStringLiteral("Inventory Visibility query failed");
    if (!response.hasAnswer())
        return problemFromTransport(what, response);
    const QString message =
        QJsonDocument::fromJson(response.body).object().value(QLatin1String("message")).toString();
    Problem p = problemFromHttpStatus(what, response);
    if (response.status == 401) {
        p.cause = QStringLiteral("Inventory Visibility rejected a fresh token for environment %1.")
                      .arg(m_environmentId);
        p.fix = QStringLiteral("The app registration may not be the one bound to this environment; check the "
                               "environment id and the app registration.");
    } else if (response.status == 500 && response.body.contains("Waiting for partition")) {
        p.cause = QStringLiteral("Inventory Visibility is warming up this partition.");
        p.fix = QStringLiteral("Wait a few seconds; ivdesk retries by itself.");
    } else if (!message.isEmpty()) {
        p.cause = message;
    }
    if (response.status == 308)
        p.fix = QStringLiteral("The environment is served by another endpoint: copy the Inventory Visibility "
                               "endpoint again from the Power App or SCM.");
    return p;
}

} // namespace ivcore
