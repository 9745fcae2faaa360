// The Key Vault secrets API (§17, §18, CASE-11) over loopback HTTP: get, set,
// list, versions, the 401 challenge and each 403 of the two permission models.
#include "ConformanceFixture.h"

#include <QTest>
#include <QUrlQuery>

using namespace conformance;

namespace {

const QString kVaultScope = QStringLiteral("https://vault.azure.net/.default");

class IvemuKeyVaultTest : public ConformanceTest
{
protected:
    QString appToken(const QString &clientId, const QString &secret, const QString &scope = kVaultScope)
    {
        const HttpResult result =
            http.postForm(entraUrl(info.credentials.tenantId),
                          {{QStringLiteral("client_id"), clientId},
                           {QStringLiteral("client_secret"), secret},
                           {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                           {QStringLiteral("scope"), scope}});
        return result.json()[QLatin1String("access_token")].toString();
    }
    QString vaultAppToken()
    {
        return appToken(info.credentials.vaultClientId, info.credentials.vaultClientSecret);
    }
    QString adminToken()
    {
        return appToken(info.credentials.adminClientId, info.credentials.adminClientSecret);
    }

    // {vault}{path}?api-version=... (apiVersion empty: none).
    static QUrl vaultUrl(const QUrl &vault, const QString &path,
                         const QString &apiVersion = QStringLiteral("7.4"))
    {
        QUrl url = vault.resolved(QUrl(path));
        QUrlQuery query;
        if (!apiVersion.isEmpty())
            query.addQueryItem(QStringLiteral("api-version"), apiVersion);
        url.setQuery(query);
        return url;
    }
    static HttpClient::Headers bearer(const QString &token)
    {
        return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
    }
    HttpResult put(const QUrl &url, const QJsonObject &body, const QString &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.put(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        HttpResult result;
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
            return result; // status 0: the test fails on it
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        reply->deleteLater();
        return result;
    }
    static QString errorCode(const HttpResult &result)
    {
        return result.json()[QLatin1String("error")][QLatin1String("code")].toString();
    }
    static QString innerCode(const HttpResult &result)
    {
        return result.json()[QLatin1String("error")][QLatin1String("innererror")][QLatin1String("code")]
            .toString();
    }
    QString secretPath() const { return QStringLiteral("secrets/") + info.credentials.vaultSecretName; }

    QNetworkAccessManager network;
};

} // namespace

TEST_F(IvemuKeyVaultTest, TheVaultAppReadsTheSeededIvSecret)
{
    const HttpResult result =
        http.get(vaultUrl(info.endpoints.keyVault, secretPath()), bearer(vaultAppToken()));
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const QJsonObject bundle = result.json().object();
    EXPECT_EQ(bundle[QLatin1String("value")].toString(), info.credentials.clientSecret);
    const QString id = bundle[QLatin1String("id")].toString();
    EXPECT_TRUE(id.startsWith(info.endpoints.keyVault.toString() + secretPath() + u'/')) << id.toStdString();
    EXPECT_EQ(id.section(u'/', -1).size(), 32);
    const QJsonObject attributes = bundle[QLatin1String("attributes")].toObject();
    EXPECT_TRUE(attributes[QLatin1String("enabled")].toBool());
    for (const char *key : {"nbf", "exp", "created", "updated", "recoverableDays"})
        EXPECT_TRUE(attributes[QLatin1String(key)].isDouble()) << key;
    EXPECT_EQ(attributes[QLatin1String("recoveryLevel")].toString(), QStringLiteral("Recoverable+Purgeable"));
    EXPECT_TRUE(bundle[QLatin1String("tags")].isObject());
    // A version by id gives the same bundle.
    const HttpResult byVersion =
        http.get(vaultUrl(info.endpoints.keyVault, secretPath() + u'/' + id.section(u'/', -1)),
                 bearer(vaultAppToken()));
    EXPECT_EQ(byVersion.json()[QLatin1String("value")].toString(), info.credentials.clientSecret);
    // Names are case-insensitive.
    EXPECT_EQ(
        http.get(vaultUrl(info.endpoints.keyVault, secretPath().toUpper().replace(QStringLiteral("SECRETS"),
                                                                                  QStringLiteral("secrets"))),
                 bearer(vaultAppToken()))
            .status,
        200);
}

TEST_F(IvemuKeyVaultTest, WithoutAVaultTokenTheAnswerIs401WithTheChallenge)
{
    const QUrl url = vaultUrl(info.endpoints.keyVault, secretPath());
    const HttpResult none = http.get(url);
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(errorCode(none), QStringLiteral("Unauthorized"));
    EXPECT_TRUE(none.json()[QLatin1String("error")][QLatin1String("message")].toString().startsWith(
        QStringLiteral("AKV10000: ")));
    QUrl authority = info.endpoints.authority;
    authority.setPath(u'/' + info.credentials.tenantId);
    EXPECT_EQ(QString::fromUtf8(none.header("WWW-Authenticate")),
              QStringLiteral("Bearer authorization=\"%1\", resource=\"https://vault.azure.net\"")
                  .arg(authority.toString()));

    const HttpResult ivToken = http.get(url, bearer(entraToken())); // a token for IV, not the vault
    EXPECT_EQ(ivToken.status, 401);
    EXPECT_FALSE(ivToken.header("WWW-Authenticate").isEmpty());
    EXPECT_EQ(http.get(url, bearer(QStringLiteral("forged"))).status, 401);

    const QString token = vaultAppToken();
    emulator.advanceClock(std::chrono::seconds(3601));
    EXPECT_EQ(http.get(url, bearer(token)).status, 401);
}

TEST_F(IvemuKeyVaultTest, RbacVaultRefusesAnAppWithoutARoleWithForbiddenByRbac)
{
    // The IV app itself has no role on the vault.
    const QString token = appToken(info.credentials.clientId, info.credentials.clientSecret);
    const HttpResult result = http.get(vaultUrl(info.endpoints.keyVault, secretPath()), bearer(token));
    EXPECT_EQ(result.status, 403);
    EXPECT_EQ(errorCode(result), QStringLiteral("Forbidden"));
    EXPECT_EQ(innerCode(result), QStringLiteral("ForbiddenByRbac"));
    // Secrets User may read but not write.
    const HttpResult write = put(vaultUrl(info.endpoints.keyVault, secretPath()),
                                 {{QStringLiteral("value"), QStringLiteral("x")}}, vaultAppToken());
    EXPECT_EQ(write.status, 403);
    EXPECT_EQ(innerCode(write), QStringLiteral("ForbiddenByRbac"));
}

TEST_F(IvemuKeyVaultTest, AccessPolicyVaultWithoutListIsAccessDenied)
{
    const QString token = vaultAppToken();
    EXPECT_EQ(http.get(vaultUrl(info.endpoints.accessPolicyKeyVault, secretPath()), bearer(token)).status,
              200);
    const HttpResult list =
        http.get(vaultUrl(info.endpoints.accessPolicyKeyVault, QStringLiteral("secrets")), bearer(token));
    EXPECT_EQ(list.status, 403);
    EXPECT_EQ(errorCode(list), QStringLiteral("Forbidden"));
    EXPECT_EQ(innerCode(list), QStringLiteral("AccessDenied"));
    EXPECT_TRUE(list.json()[QLatin1String("error")][QLatin1String("message")].toString().contains(
        QStringLiteral("secrets list permission")));
    EXPECT_EQ(http.get(vaultUrl(info.endpoints.accessPolicyKeyVault, QStringLiteral("secrets")),
                       bearer(adminToken()))
                  .status,
              200);
}

TEST_F(IvemuKeyVaultTest, EachSetAddsAVersionAndGetReturnsTheNewest)
{
    const QString token = adminToken();
    const QUrl url = vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/rotated-secret"));
    const QJsonObject first{
        {QStringLiteral("value"), QStringLiteral("one")},
        {QStringLiteral("contentType"), QStringLiteral("text/plain")},
        {QStringLiteral("tags"), QJsonObject{{QStringLiteral("owner"), QStringLiteral("it")}}},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("exp"), 1893456000}}}};
    const HttpResult one = put(url, first, token);
    ASSERT_EQ(one.status, 200) << one.body.toStdString();
    EXPECT_EQ(one.json()[QLatin1String("value")].toString(), QStringLiteral("one"));
    EXPECT_EQ(one.json()[QLatin1String("contentType")].toString(), QStringLiteral("text/plain"));
    EXPECT_EQ(one.json()[QLatin1String("attributes")][QLatin1String("exp")].toInteger(), 1893456000);
    EXPECT_EQ(one.json()[QLatin1String("tags")][QLatin1String("owner")].toString(), QStringLiteral("it"));
    const HttpResult two = put(url, {{QStringLiteral("value"), QStringLiteral("two")}}, token);
    ASSERT_EQ(two.status, 200);
    EXPECT_NE(one.json()[QLatin1String("id")].toString(), two.json()[QLatin1String("id")].toString());

    EXPECT_EQ(http.get(url, bearer(token)).json()[QLatin1String("value")].toString(), QStringLiteral("two"));
    const QString oldVersion = one.json()[QLatin1String("id")].toString().section(u'/', -1);
    EXPECT_EQ(
        http.get(vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/rotated-secret/") + oldVersion),
                 bearer(token))
            .json()[QLatin1String("value")]
            .toString(),
        QStringLiteral("one"));

    const HttpResult versions = http.get(
        vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/rotated-secret/versions")), bearer(token));
    ASSERT_EQ(versions.status, 200);
    const QJsonArray items = versions.json()[QLatin1String("value")].toArray();
    ASSERT_EQ(items.size(), 2);
    for (const QJsonValue &item : items) {
        EXPECT_FALSE(item.toObject().contains(QLatin1String("value")));
        EXPECT_EQ(item[QLatin1String("id")].toString().section(u'/', -1).size(), 32);
    }
}

TEST_F(IvemuKeyVaultTest, ListHasIdsWithoutValuesAndPagesWithNextLink)
{
    const QString token = adminToken();
    for (const char *name : {"alpha", "beta", "gamma"})
        ASSERT_EQ(put(vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/") + QLatin1String(name)),
                      {{QStringLiteral("value"), QStringLiteral("v")}}, token)
                      .status,
                  200);
    QUrl url = vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets"));
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("maxresults"), QStringLiteral("3"));
    url.setQuery(query);
    const HttpResult page1 = http.get(url, bearer(token));
    ASSERT_EQ(page1.status, 200) << page1.body.toStdString();
    const QJsonArray first = page1.json()[QLatin1String("value")].toArray();
    ASSERT_EQ(first.size(), 3);
    EXPECT_TRUE(first.at(0)[QLatin1String("id")].toString().endsWith(QStringLiteral("/secrets/alpha")));
    EXPECT_FALSE(first.at(0).toObject().contains(QLatin1String("value")));
    const QString next = page1.json()[QLatin1String("nextLink")].toString();
    ASSERT_TRUE(next.contains(QStringLiteral("$skiptoken="))) << next.toStdString();
    const HttpResult page2 = http.get(QUrl(next), bearer(token));
    ASSERT_EQ(page2.status, 200);
    const QJsonArray second = page2.json()[QLatin1String("value")].toArray();
    ASSERT_EQ(second.size(), 1); // alpha, beta, commerce-iv-01-secret | gamma
    EXPECT_TRUE(second.at(0)[QLatin1String("id")].toString().endsWith(QStringLiteral("/secrets/gamma")));
    EXPECT_TRUE(page2.json()[QLatin1String("nextLink")].isNull());
}

TEST_F(IvemuKeyVaultTest, UnknownSecretsAre404AndDisabledVersions403)
{
    const QString token = adminToken();
    const HttpResult missing =
        http.get(vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/nope")), bearer(token));
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(errorCode(missing), QStringLiteral("SecretNotFound"));
    EXPECT_EQ(http.get(vaultUrl(info.endpoints.keyVault,
                                secretPath() + QStringLiteral("/0123456789abcdef0123456789abcdef")),
                       bearer(token))
                  .status,
              404);

    const QUrl url = vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/off"));
    ASSERT_EQ(put(url,
                  {{QStringLiteral("value"), QStringLiteral("v")},
                   {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("enabled"), false}}}},
                  token)
                  .status,
              200);
    const HttpResult disabled = http.get(url, bearer(token));
    EXPECT_EQ(disabled.status, 403);
    EXPECT_EQ(errorCode(disabled), QStringLiteral("Forbidden"));
    EXPECT_EQ(innerCode(disabled), QStringLiteral("SecretDisabled"));

    ASSERT_TRUE(emulator.setVaultSecretEnabled(QStringLiteral("ivdesk-demo-kv"),
                                               info.credentials.vaultSecretName, {}, false));
    EXPECT_EQ(innerCode(http.get(vaultUrl(info.endpoints.keyVault, secretPath()), bearer(token))),
              QStringLiteral("SecretDisabled"));
}

TEST_F(IvemuKeyVaultTest, ExpiredVersionsAreServedUnlessTheDocumentedRuleIsOn)
{
    const QString token = adminToken();
    const QUrl url = vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/old"));
    ASSERT_EQ(put(url,
                  {{QStringLiteral("value"), QStringLiteral("v")},
                   {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("exp"), 1000000000}}}},
                  token)
                  .status,
              200);
    EXPECT_EQ(http.get(url, bearer(token)).status, 200); // live service: exp is informational
    emulator.setKeyVaultEnforcesValidityDates(true);
    const HttpResult expired = http.get(url, bearer(token));
    EXPECT_EQ(expired.status, 403);
    EXPECT_EQ(innerCode(expired), QStringLiteral("SecretExpired"));
}

TEST_F(IvemuKeyVaultTest, BadNamesBodiesAndApiVersionsAre400BadParameter)
{
    const QString token = adminToken();
    const QList<HttpResult> results{
        http.get(vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/bad_name")), bearer(token)),
        http.get(vaultUrl(info.endpoints.keyVault, secretPath(), QString()), bearer(token)),
        http.get(vaultUrl(info.endpoints.keyVault, secretPath(), QStringLiteral("9.9")), bearer(token)),
        put(vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/x")), {{QStringLiteral("value"), 42}},
            token),
        put(vaultUrl(info.endpoints.keyVault, QStringLiteral("secrets/x")),
            {{QStringLiteral("value"), QStringLiteral("v")},
             {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("exp"), QStringLiteral("soon")}}}},
            token),
    };
    for (const HttpResult &result : results) {
        EXPECT_EQ(result.status, 400) << result.body.toStdString();
        EXPECT_EQ(errorCode(result), QStringLiteral("BadParameter"));
        EXPECT_FALSE(result.json()[QLatin1String("error")][QLatin1String("message")].toString().isEmpty());
    }
}

TEST_F(IvemuKeyVaultTest, PatchChangesAVersionsAttributesButNotItsValue)
{
    const QString token = adminToken();
    const QString id = http.get(vaultUrl(info.endpoints.keyVault, secretPath()), bearer(token))
                           .json()[QLatin1String("id")]
                           .toString();
    const QUrl versionUrl = vaultUrl(info.endpoints.keyVault, secretPath() + u'/' + id.section(u'/', -1));
    QNetworkRequest request(versionUrl);
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(
        request, "PATCH", R"({"attributes":{"enabled":false},"tags":{"rotated":"no"}})");
    ASSERT_TRUE(QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject updated = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    EXPECT_FALSE(updated.contains(QLatin1String("value")));
    EXPECT_FALSE(updated[QLatin1String("attributes")][QLatin1String("enabled")].toBool(true));
    EXPECT_EQ(updated[QLatin1String("tags")][QLatin1String("rotated")].toString(), QStringLiteral("no"));
    EXPECT_TRUE(updated[QLatin1String("attributes")][QLatin1String("exp")].isDouble()); // kept
    EXPECT_EQ(innerCode(http.get(versionUrl, bearer(token))), QStringLiteral("SecretDisabled"));
}
