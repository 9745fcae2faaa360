// A started emulator (traffic off) plus helpers that speak the protocol the
// way the reference writes it, so each test reads as one protocol fact.
#pragma once

#include "HttpClient.h"
#include "ivemu/Emulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>
#include <ostream>

inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace conformance {

inline const QString kIvResourceScope = QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default");
inline const QString kExchangeScope =
    QStringLiteral("https://inventoryservice.operations365.dynamics.com/.default");

class ConformanceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ivemu::EmulatorConfig config;
        config.simulateTraffic = false;
        const QString error = emulator.start(config);
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        info = emulator.info();
    }

    QUrl at(const QString &path) const
    {
        QUrl url = info.endpoints.ivEndpoint;
        url.setPath(path);
        return url;
    }
    QUrl entraUrl(const QString &tenant) const
    {
        QUrl url = info.endpoints.authority;
        url.setPath(u'/' + tenant + QStringLiteral("/oauth2/v2.0/token"));
        return url;
    }

    QList<QPair<QString, QString>> entraForm(const QString &scope = kIvResourceScope) const
    {
        return {{QStringLiteral("client_id"), info.credentials.clientId},
                {QStringLiteral("client_secret"), info.credentials.clientSecret},
                {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                {QStringLiteral("scope"), scope}};
    }

    QString entraToken(const QString &scope = kIvResourceScope)
    {
        return http.postForm(entraUrl(info.credentials.tenantId), entraForm(scope))
            .json()[QLatin1String("access_token")]
            .toString();
    }

    QJsonObject exchangeBody(const QString &assertion) const
    {
        return {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                {QStringLiteral("client_assertion_type"), QStringLiteral("aad_app")},
                {QStringLiteral("client_assertion"), assertion},
                {QStringLiteral("scope"), kExchangeScope},
                {QStringLiteral("context"), info.credentials.environmentId},
                {QStringLiteral("context_type"), QStringLiteral("finops-env")}};
    }

    // Through the global name, following the 307 as QNetworkAccessManager does by default.
    HttpResult exchange(const QJsonObject &body, const HttpClient::Headers &headers = {})
    {
        return http.postJson(info.endpoints.securityServiceTokenUrl, QJsonDocument(body), headers);
    }

    QString ivToken()
    {
        return exchange(exchangeBody(entraToken())).json()[QLatin1String("access_token")].toString();
    }

    HttpResult query(const QString &kind, const QJsonObject &body, const QString &token)
    {
        return http.postJson(
            at(QStringLiteral("/api/environment/%1/onhand/%2").arg(info.credentials.environmentId, kind)),
            QJsonDocument(body), {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
    }

    ivemu::Emulator emulator;
    ivemu::EmulatorInfo info;
    HttpClient http;
};

} // namespace conformance
