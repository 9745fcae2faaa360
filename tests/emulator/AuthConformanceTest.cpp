// Both token hops (§2.1, §2.2) and the data plane's 401 (§2.3), from the reference.
#include "ConformanceFixture.h"

#include <QNetworkRequest>

using namespace conformance;

namespace {

using IvemuEntraTest = ConformanceTest;
using IvemuExchangeTest = ConformanceTest;
using IvemuDataPlaneAuthTest = ConformanceTest;
using IvemuEntraV1Test = ConformanceTest;
using IvemuEntraSecretTest = ConformanceTest;

QJsonObject withKeys(QJsonObject body, const QString &from, const QString &to)
{
    body.insert(to, body.take(from));
    return body;
}

} // namespace

TEST_F(IvemuEntraTest, ClientCredentialsForTheIvScopeGiveABearerToken)
{
    const HttpResult result = http.postForm(entraUrl(info.credentials.tenantId), entraForm());
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const QJsonObject body = result.json().object();
    EXPECT_EQ(body[QLatin1String("token_type")].toString(), QStringLiteral("Bearer"));
    EXPECT_TRUE(body[QLatin1String("expires_in")].isDouble());
    EXPECT_EQ(body[QLatin1String("expires_in")].toInt(), 3600);
    EXPECT_TRUE(body[QLatin1String("ext_expires_in")].isDouble());
    EXPECT_FALSE(body[QLatin1String("access_token")].toString().isEmpty());
}

TEST_F(IvemuEntraTest, HttpBasicAuthenticationReplacesTheFormFields)
{
    const QByteArray pair = QUrl::toPercentEncoding(info.credentials.clientId) + ':' +
                            QUrl::toPercentEncoding(info.credentials.clientSecret);
    const QByteArray basic = pair.toBase64();
    const HttpResult result =
        http.postForm(entraUrl(info.credentials.tenantId),
                      {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                       {QStringLiteral("scope"), kIvResourceScope}},
                      {{QByteArrayLiteral("Authorization"), "Basic " + basic}});
    EXPECT_EQ(result.status, 200) << result.body.toStdString();
}

TEST_F(IvemuEntraTest, EachMistakeAnswersWithItsAadstsCodeAndStatus)
{
    struct Case
    {
        const char *what;
        QString tenant;
        QString field, value; // replaced (or removed when value is null)
        int status;
        const char *error;
        int code;
    };
    const QString tenant = info.credentials.tenantId;
    const QList<Case> cases{
        {"unknown tenant",
         QStringLiteral("00000000-0000-0000-0000-000000000001"),
         {},
         {},
         400,
         "invalid_request",
         90002},
        {"unknown client", tenant, QStringLiteral("client_id"),
         QStringLiteral("11111111-2222-3333-4444-555555555555"), 400, "unauthorized_client", 700016},
        {"wrong secret", tenant, QStringLiteral("client_secret"), QStringLiteral("secret-id-not-value"), 401,
         "invalid_client", 7000215},
        {"missing secret", tenant, QStringLiteral("client_secret"), QString(), 401, "invalid_client",
         7000218},
        {"missing grant_type", tenant, QStringLiteral("grant_type"), QString(), 400, "invalid_request",
         900144},
        {"missing scope", tenant, QStringLiteral("scope"), QString(), 400, "invalid_request", 900144},
        {"scope without /.default", tenant, QStringLiteral("scope"),
         QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2/user_impersonation"), 400, "invalid_scope",
         1002012},
        {"unknown resource", tenant, QStringLiteral("scope"),
         QStringLiteral("https://example.invalid/.default"), 400, "invalid_scope", 70011},
        {"malformed tenant", QStringLiteral("not a tenant!"), {}, {}, 400, "invalid_request", 900023},
        {"unknown resource principal", tenant, QStringLiteral("scope"),
         QStringLiteral("11111111-2222-3333-4444-555555555555/.default"), 400, "invalid_resource", 500011},
        {"unsupported grant", tenant, QStringLiteral("grant_type"), QStringLiteral("password"), 400,
         "unsupported_grant_type", 70003},
        {"missing client_id", tenant, QStringLiteral("client_id"), QString(), 400, "invalid_request", 900144},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.what);
        QList<QPair<QString, QString>> form;
        for (const auto &field : entraForm())
            if (field.first != c.field)
                form.append(field);
        if (!c.field.isEmpty() && !c.value.isNull())
            form.append({c.field, c.value});
        const HttpResult result = http.postForm(entraUrl(c.tenant), form);
        EXPECT_EQ(result.status, c.status);
        const QJsonObject body = result.json().object();
        EXPECT_EQ(body[QLatin1String("error")].toString(), QLatin1String(c.error));
        EXPECT_EQ(body[QLatin1String("error_codes")].toArray().first().toInt(), c.code);
        EXPECT_TRUE(body[QLatin1String("error_description")].toString().startsWith(
            QStringLiteral("AADSTS%1: ").arg(c.code)));
        for (const char *key : {"timestamp", "trace_id", "correlation_id", "error_uri"})
            EXPECT_TRUE(body.contains(QLatin1String(key))) << key;
    }
}

TEST_F(IvemuEntraTest, GetIsRefusedLikeEntra)
{
    const HttpResult result = http.get(entraUrl(info.credentials.tenantId));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json()[QLatin1String("error_codes")].toArray().first().toInt(), 900561);
}

TEST_F(IvemuExchangeTest, TheGlobalNameAnswers307ToTheGateway)
{
    const HttpResult result =
        http.post(info.endpoints.securityServiceTokenUrl, "{}",
                  {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
                  QNetworkRequest::ManualRedirectPolicy);
    EXPECT_EQ(result.status, 307);
    const QUrl location(QString::fromLatin1(result.header("Location")));
    EXPECT_EQ(location.host(), QStringLiteral("127.0.0.1"));
    EXPECT_NE(location.port(), info.endpoints.securityServiceTokenUrl.port());
    EXPECT_EQ(location.path(), QStringLiteral("/securityservice/token"));
}

TEST_F(IvemuExchangeTest, QtRepostsTheBodyOn307AndBothKeySpellingsWork)
{
    const HttpResult lower =
        exchange(exchangeBody(entraToken()), {{QByteArrayLiteral("Api-Version"), "1.0"}});
    ASSERT_EQ(lower.status, 200) << lower.body.toStdString();
    EXPECT_EQ(lower.finalUrl.path(), QStringLiteral("/securityservice/token"));
    const QJsonObject body = lower.json().object();
    EXPECT_EQ(body[QLatin1String("token_type")].toString(), QStringLiteral("bearer"));
    EXPECT_EQ(body[QLatin1String("expires_in")].toInt(), 3600);
    EXPECT_FALSE(body[QLatin1String("access_token")].toString().isEmpty());

    // Microsoft's own tests: "Scope", "Context", and no Api-Version header.
    const QJsonObject capitalised =
        withKeys(withKeys(exchangeBody(entraToken()), QStringLiteral("scope"), QStringLiteral("Scope")),
                 QStringLiteral("context"), QStringLiteral("Context"));
    EXPECT_EQ(exchange(capitalised).status, 200);
}

TEST_F(IvemuExchangeTest, AnEntraTokenForAnotherAudienceIs400)
{
    const HttpResult result =
        exchange(exchangeBody(entraToken(QStringLiteral("https://vault.azure.net/.default"))));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json()[QLatin1String("error")].toString(), QStringLiteral("invalid_client"));
    EXPECT_TRUE(result.json()[QLatin1String("error_description")].toString().startsWith(
        QStringLiteral("Expected aud https://securityservice.operations365.dynamics.com but found ")));
}

TEST_F(IvemuExchangeTest, UnboundOrUnknownEnvironmentsAndDeadAssertionsAre401)
{
    QJsonObject unbound = exchangeBody(entraToken());
    unbound[QLatin1String("context")] = QStringLiteral("9a7f3e10-2c4b-4d8e-b6a5-1f0e9d8c7b42");
    QJsonObject unknown = exchangeBody(entraToken());
    unknown[QLatin1String("context")] = QStringLiteral("00000000-0000-0000-0000-000000000000");
    for (const QJsonObject &body : {unbound, unknown, exchangeBody(QStringLiteral("not-a-token"))}) {
        const HttpResult result = exchange(body);
        EXPECT_EQ(result.status, 401);
        EXPECT_EQ(result.json()[QLatin1String("error")].toString(), QStringLiteral("invalid_client"));
        EXPECT_FALSE(result.json()[QLatin1String("error_description")].toString().isEmpty());
    }
    const QJsonObject expiring = exchangeBody(entraToken());
    emulator.advanceClock(std::chrono::seconds(3601));
    EXPECT_EQ(exchange(expiring).status, 401);
}

TEST_F(IvemuDataPlaneAuthTest, QueriesWithoutAValidIvTokenAre401)
{
    const QJsonObject body{
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("organizationId"), QJsonArray{QStringLiteral("usrt")}},
                     {QStringLiteral("productId"), QJsonArray{QStringLiteral("0140")}}}}};
    const QUrl url =
        at(QStringLiteral("/api/environment/%1/onhand/indexquery").arg(info.credentials.environmentId));
    EXPECT_EQ(http.postJson(url, QJsonDocument(body)).status, 401);
    EXPECT_EQ(query(QStringLiteral("indexquery"), body, QStringLiteral("forged")).status, 401);
    EXPECT_EQ(query(QStringLiteral("indexquery"), body, entraToken()).status, 401); // hop 1 is not enough

    const QString token = ivToken();
    EXPECT_EQ(query(QStringLiteral("indexquery"), body, token).status, 200);
    // Microsoft's tests write the scheme in lower case.
    EXPECT_EQ(http.postJson(url, QJsonDocument(body),
                            {{QByteArrayLiteral("Authorization"), "bearer " + token.toLatin1()}})
                  .status,
              200);
    emulator.advanceClock(std::chrono::seconds(3601));
    EXPECT_EQ(query(QStringLiteral("indexquery"), body, token).status, 401);
}

TEST_F(IvemuEntraTest, TheTenantDomainStandsForTheGuid)
{
    const HttpResult result =
        http.postForm(entraUrl(QStringLiteral("IVDESK-DEMO.onmicrosoft.com")), entraForm());
    EXPECT_EQ(result.status, 200) << result.body.toStdString();
}

TEST_F(IvemuEntraTest, ThrottlingIs429WithRetryAfterAndAadsts90055)
{
    emulator.throttleEntra(1);
    const HttpResult throttled = http.postForm(entraUrl(info.credentials.tenantId), entraForm());
    EXPECT_EQ(throttled.status, 429);
    EXPECT_EQ(throttled.header("Retry-After"), QByteArrayLiteral("5"));
    EXPECT_EQ(throttled.json()[QLatin1String("error_codes")].toArray().first().toInt(), 90055);
    EXPECT_TRUE(throttled.json()[QLatin1String("error_description")].toString().startsWith(
        QStringLiteral("AADSTS90055: ")));
    EXPECT_EQ(http.postForm(entraUrl(info.credentials.tenantId), entraForm()).status, 200);
}

TEST_F(IvemuEntraSecretTest, AnExpiredSecretIs401Aadsts7000222)
{
    ASSERT_TRUE(emulator.expireClientSecret(info.credentials.clientId));
    const HttpResult result = http.postForm(entraUrl(info.credentials.tenantId), entraForm());
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.json()[QLatin1String("error")].toString(), QStringLiteral("invalid_client"));
    EXPECT_EQ(result.json()[QLatin1String("error_codes")].toArray().first().toInt(), 7000222);
    // A wrong secret is still "wrong", not "expired".
    QList<QPair<QString, QString>> wrong = entraForm();
    wrong[1].second = QStringLiteral("not-the-secret");
    EXPECT_EQ(http.postForm(entraUrl(info.credentials.tenantId), wrong)
                  .json()[QLatin1String("error_codes")]
                  .toArray()
                  .first()
                  .toInt(),
              7000215);
}

TEST_F(IvemuEntraSecretTest, SecretsEndOnTheEmulatorClock)
{
    emulator.advanceClock(std::chrono::hours(24 * 179));
    EXPECT_EQ(http.postForm(entraUrl(info.credentials.tenantId), entraForm()).status, 200);
    emulator.advanceClock(std::chrono::hours(24 * 2));
    const HttpResult result = http.postForm(entraUrl(info.credentials.tenantId), entraForm());
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.json()[QLatin1String("error_codes")].toArray().first().toInt(), 7000222);
}

namespace {

QUrl v1Url(const ivemu::EmulatorInfo &info, const QString &tenant)
{
    QUrl url = info.endpoints.authority;
    url.setPath(u'/' + tenant + QStringLiteral("/oauth2/token"));
    return url;
}

QList<QPair<QString, QString>> v1Form(const ivemu::EmulatorInfo &info, const QString &resource)
{
    return {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
            {QStringLiteral("client_id"), info.credentials.clientId},
            {QStringLiteral("client_secret"), info.credentials.clientSecret},
            {QStringLiteral("resource"), resource}};
}

} // namespace

TEST_F(IvemuEntraV1Test, ResourceGivesAV1TokenWithNumbersAsStrings)
{
    const QString resource = QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2");
    const HttpResult result = http.postForm(v1Url(info, info.credentials.tenantId), v1Form(info, resource));
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const QJsonObject body = result.json().object();
    EXPECT_EQ(body[QLatin1String("token_type")].toString(), QStringLiteral("Bearer"));
    EXPECT_EQ(body[QLatin1String("expires_in")].toString(), QStringLiteral("3600"));
    EXPECT_EQ(body[QLatin1String("ext_expires_in")].toString(), QStringLiteral("3600"));
    EXPECT_EQ(body[QLatin1String("resource")].toString(), resource);
    bool ok = false;
    const qint64 expiresOn = body[QLatin1String("expires_on")].toString().toLongLong(&ok);
    EXPECT_TRUE(ok);
    EXPECT_EQ(expiresOn - body[QLatin1String("not_before")].toString().toLongLong(), 3600);

    // The security service takes a v1 token like a v2 one (iv-observed §3).
    const QString token = body[QLatin1String("access_token")].toString();
    EXPECT_EQ(exchange(exchangeBody(token)).status, 200);
}

TEST_F(IvemuEntraV1Test, VaultResourceTokensAreForKeyVault)
{
    const HttpResult result = http.postForm(v1Url(info, info.credentials.tenantId),
                                            v1Form(info, QStringLiteral("https://vault.azure.net")));
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const HttpResult refused =
        exchange(exchangeBody(result.json()[QLatin1String("access_token")].toString()));
    EXPECT_EQ(refused.status, 400);
    EXPECT_TRUE(refused.json()[QLatin1String("error_description")].toString().endsWith(
        QStringLiteral("but found https://vault.azure.net")));
}

TEST_F(IvemuEntraV1Test, MultipartBodiesWorkAsTheObservedFlowSendsThem)
{
    QByteArray body;
    for (const auto &[name, value] : v1Form(info, QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2")))
        body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() + "\"\r\n\r\n" +
                value.toUtf8() + "\r\n";
    body += "--XyZ--\r\n";
    const HttpResult result = http.post(
        v1Url(info, info.credentials.tenantId), body,
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("multipart/form-data; boundary=XyZ")}});
    EXPECT_EQ(result.status, 200) << result.body.toStdString();
}

TEST_F(IvemuEntraV1Test, MistakesAnswerWithAadstsCodes)
{
    QList<QPair<QString, QString>> noResource = v1Form(info, {});
    noResource.removeLast();
    const HttpResult missing = http.postForm(v1Url(info, info.credentials.tenantId), noResource);
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json()[QLatin1String("error_codes")].toArray().first().toInt(), 900144);
    EXPECT_TRUE(
        missing.json()[QLatin1String("error_description")].toString().contains(QStringLiteral("'resource'")));

    const HttpResult unknown = http.postForm(v1Url(info, info.credentials.tenantId),
                                             v1Form(info, QStringLiteral("https://example.invalid")));
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(unknown.json()[QLatin1String("error")].toString(), QStringLiteral("invalid_resource"));
    EXPECT_EQ(unknown.json()[QLatin1String("error_codes")].toArray().first().toInt(), 500011);

    const HttpResult get = http.get(v1Url(info, info.credentials.tenantId));
    EXPECT_EQ(get.status, 400);
    EXPECT_EQ(get.json()[QLatin1String("error_codes")].toArray().first().toInt(), 900561);

    const HttpResult tenant =
        http.postForm(v1Url(info, QStringLiteral("00000000-0000-0000-0000-000000000009")),
                      v1Form(info, QStringLiteral("https://vault.azure.net")));
    EXPECT_EQ(tenant.json()[QLatin1String("error_codes")].toArray().first().toInt(), 90002);
}

TEST_F(IvemuEntraSecretTest, TheAdminEndpointExpiresSecretsAndThrottlesAtRunTime)
{
    const QUrl expire = at(QStringLiteral("/_emulator/entra/expire-secret"));
    EXPECT_EQ(http.postJson(expire,
                            QJsonDocument(QJsonObject{{QStringLiteral("client_id"), QStringLiteral("nope")}}))
                  .status,
              404);
    EXPECT_EQ(http.postJson(at(QStringLiteral("/_emulator/entra/throttle")),
                            QJsonDocument(QJsonObject{{QStringLiteral("requests"), 1}}))
                  .status,
              200);
    EXPECT_EQ(http.postForm(entraUrl(info.credentials.tenantId), entraForm()).status, 429);
    ASSERT_EQ(http.postJson(expire, QJsonDocument(QJsonObject{
                                        {QStringLiteral("client_id"), info.credentials.clientId}}))
                  .status,
              200);
    const HttpResult expired = http.postForm(entraUrl(info.credentials.tenantId), entraForm());
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.json()[QLatin1String("error_codes")].toArray().first().toInt(), 7000222);
}
