// A deliberately plain HTTP client for the conformance tests: one
// QNetworkAccessManager, requests waited for in the test's event loop.
#pragma once

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QUrl finalUrl;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QByteArray header(const QByteArray &name) const;
};

class HttpClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    HttpResult get(const QUrl &url, const Headers &headers = {});
    HttpResult post(const QUrl &url, const QByteArray &body, const Headers &headers = {},
                    QNetworkRequest::RedirectPolicy redirects = QNetworkRequest::NoLessSafeRedirectPolicy);
    HttpResult postJson(const QUrl &url, const QJsonDocument &body, Headers headers = {});
    HttpResult postForm(const QUrl &url, const QList<QPair<QString, QString>> &fields,
                        const Headers &headers = {});

private:
    HttpResult finish(QNetworkReply *reply);
    QNetworkAccessManager m_network;
};
