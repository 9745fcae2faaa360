#include "HttpClient.h"

#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

namespace {

QNetworkRequest makeRequest(const QUrl &url, const HttpClient::Headers &headers)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

} // namespace

HttpResult HttpClient::get(const QUrl &url, const Headers &headers)
{
    return finish(m_network.get(makeRequest(url, headers)));
}

HttpResult HttpClient::post(const QUrl &url, const QByteArray &body, const Headers &headers,
                            QNetworkRequest::RedirectPolicy redirects)
{
    QNetworkRequest request = makeRequest(url, headers);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, redirects);
    return finish(m_network.post(request, body));
}

HttpResult HttpClient::postJson(const QUrl &url, const QJsonDocument &body, Headers headers)
{
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return post(url, body.toJson(QJsonDocument::Compact), headers);
}

HttpResult HttpClient::postForm(const QUrl &url, const QList<QPair<QString, QString>> &fields,
                                const Headers &headers)
{
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' +
                QUrl::toPercentEncoding(value);
    Headers all = headers;
    all.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    return post(url, body, all);
}

HttpResult HttpClient::finish(QNetworkReply *reply)
{
    const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
    HttpResult result;
    if (!finished) {
        reply->abort();
        reply->deleteLater();
        return result; // status 0: the test fails on it
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.finalUrl = reply->url();
    reply->deleteLater();
    return result;
}
