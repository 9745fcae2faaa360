// Entra's device-code flow (RFC 8628 as Entra speaks it) against the emulator:
// request a code, poll, approve or decline through /_emulator/devicecode/...
#include "ConformanceFixture.h"

#include <QUrlQuery>

using namespace conformance;

namespace {

const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

class IvemuDeviceCodeTest : public ConformanceTest
{
protected:
    QUrl deviceCodeUrl() const
    {
        QUrl url = info.endpoints.authority;
        url.setPath(u'/' + info.credentials.tenantId + QStringLiteral("/oauth2/v2.0/devicecode"));
        return url;
    }
    QUrl adminUrl(const QString &verb) const { return at(QStringLiteral("/_emulator/devicecode/") + verb); }

    QJsonObject
    requestCode(const QString &scope = QStringLiteral("https://vault.azure.net/user_impersonation "
                                                      "offline_access"))
    {
        const HttpResult result =
            http.postForm(deviceCodeUrl(), {{QStringLiteral("client_id"), info.credentials.publicClientId},
                                            {QStringLiteral("scope"), scope}});
        EXPECT_EQ(result.status, 200) << result.body.toStdString();
        return result.json().object();
    }
    HttpResult poll(const QJsonObject &code)
    {
        return http.postForm(
            entraUrl(info.credentials.tenantId),
            {{QStringLiteral("grant_type"), kDeviceGrant},
             {QStringLiteral("client_id"), info.credentials.publicClientId},
             {QStringLiteral("device_code"), code[QLatin1String("device_code")].toString()}});
    }
    HttpResult answer(const QString &verb, const QJsonObject &code, const QString &user = {})
    {
        QJsonObject body{{QStringLiteral("user_code"), code[QLatin1String("user_code")].toString()}};
        if (!user.isEmpty())
            body.insert(QStringLiteral("user"), user);
        return http.postJson(adminUrl(verb), QJsonDocument(body));
    }
    static QString error(const HttpResult &result)
    {
        return result.json()[QLatin1String("error")].toString();
    }
    static int aadsts(const HttpResult &result)
    {
        return result.json()[QLatin1String("error_codes")].toArray().first().toInt();
    }
    HttpResult readSecret(const QString &token)
    {
        QUrl url = info.endpoints.keyVault.resolved(
            QUrl(QStringLiteral("secrets/") + info.credentials.vaultSecretName));
        url.setQuery(QStringLiteral("api-version=7.4"));
        return http.get(url, {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}});
    }
};

class IvemuDeviceCodeAutoApproveTest : public IvemuDeviceCodeTest
{
protected:
    void SetUp() override
    {
        ivemu::EmulatorConfig config;
        config.simulateTraffic = false;
        config.deviceCodeAutoApproveSeconds = 10;
        const QString failure = emulator.start(config);
        ASSERT_TRUE(failure.isEmpty()) << failure.toStdString();
        info = emulator.info();
    }
};

} // namespace

TEST_F(IvemuDeviceCodeTest, TheCodeResponseHasEveryRfc8628Field)
{
    const QJsonObject code = requestCode();
    EXPECT_EQ(code[QLatin1String("user_code")].toString().size(), 9);
    EXPECT_FALSE(code[QLatin1String("device_code")].toString().isEmpty());
    EXPECT_EQ(code[QLatin1String("expires_in")].toInt(), 900);
    EXPECT_EQ(code[QLatin1String("interval")].toInt(), 5);
    const QString uri = code[QLatin1String("verification_uri")].toString();
    EXPECT_TRUE(uri.startsWith(info.endpoints.authority.toString())) << uri.toStdString();
    EXPECT_TRUE(
        code[QLatin1String("message")].toString().contains(code[QLatin1String("user_code")].toString()));
}

TEST_F(IvemuDeviceCodeTest, PendingThenApprovedGivesAUserTokenForTheRequestedResource)
{
    const QJsonObject code = requestCode();
    const HttpResult pending = poll(code);
    EXPECT_EQ(pending.status, 400);
    EXPECT_EQ(error(pending), QStringLiteral("authorization_pending"));
    EXPECT_EQ(aadsts(pending), 70016);

    const HttpResult approved = answer(QStringLiteral("approve"), code);
    ASSERT_EQ(approved.status, 200) << approved.body.toStdString();
    EXPECT_EQ(approved.json()[QLatin1String("user")].toString(), info.credentials.adminUser);
    emulator.advanceClock(std::chrono::seconds(5));
    const HttpResult token = poll(code);
    ASSERT_EQ(token.status, 200) << token.body.toStdString();
    EXPECT_EQ(token.json()[QLatin1String("token_type")].toString(), QStringLiteral("Bearer"));
    EXPECT_EQ(token.json()[QLatin1String("scope")].toString(),
              QStringLiteral("https://vault.azure.net/user_impersonation"));
    EXPECT_TRUE(token.json()[QLatin1String("expires_in")].isDouble());
    // The administrator may read the vault; the code is spent.
    const QString accessToken = token.json()[QLatin1String("access_token")].toString();
    EXPECT_EQ(readSecret(accessToken).status, 200);
    EXPECT_EQ(error(poll(code)), QStringLiteral("bad_verification_code"));
}

TEST_F(IvemuDeviceCodeTest, AUserWithoutARoleIsRefusedByTheVault)
{
    const QJsonObject code = requestCode();
    ASSERT_EQ(
        answer(QStringLiteral("approve"), code, QStringLiteral("manager@ivdesk-demo.onmicrosoft.com")).status,
        200);
    const HttpResult token = poll(code);
    ASSERT_EQ(token.status, 200);
    const HttpResult refused = readSecret(token.json()[QLatin1String("access_token")].toString());
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(
        refused.json()[QLatin1String("error")][QLatin1String("innererror")][QLatin1String("code")].toString(),
        QStringLiteral("ForbiddenByRbac"));
}

TEST_F(IvemuDeviceCodeTest, PollingFasterThanTheIntervalIsSlowDown)
{
    const QJsonObject code = requestCode();
    EXPECT_EQ(error(poll(code)), QStringLiteral("authorization_pending"));
    const HttpResult fast = poll(code);
    EXPECT_EQ(fast.status, 400);
    EXPECT_EQ(error(fast), QStringLiteral("slow_down"));
    emulator.advanceClock(std::chrono::seconds(5));
    EXPECT_EQ(error(poll(code)), QStringLiteral("authorization_pending"));
}

TEST_F(IvemuDeviceCodeTest, ACodeExpiresAfterFifteenMinutes)
{
    const QJsonObject code = requestCode();
    emulator.advanceClock(std::chrono::seconds(901));
    const HttpResult expired = poll(code);
    EXPECT_EQ(expired.status, 400);
    EXPECT_EQ(error(expired), QStringLiteral("expired_token"));
    EXPECT_EQ(aadsts(expired), 70019);
    EXPECT_EQ(answer(QStringLiteral("approve"), code).status, 409); // too late to approve
}

TEST_F(IvemuDeviceCodeTest, ADeclinedCodeIsAuthorizationDeclined)
{
    const QJsonObject code = requestCode();
    ASSERT_EQ(answer(QStringLiteral("decline"), code).status, 200);
    const HttpResult declined = poll(code);
    EXPECT_EQ(declined.status, 400);
    EXPECT_EQ(error(declined), QStringLiteral("authorization_declined"));
    EXPECT_EQ(answer(QStringLiteral("approve"), code).status, 409);
}

TEST_F(IvemuDeviceCodeTest, MistakesAreRefused)
{
    const HttpResult unknownCode = poll({{QStringLiteral("device_code"), QStringLiteral("nope")}});
    EXPECT_EQ(error(unknownCode), QStringLiteral("bad_verification_code"));
    const HttpResult badScope = http.postForm(
        deviceCodeUrl(), {{QStringLiteral("client_id"), info.credentials.publicClientId},
                          {QStringLiteral("scope"), QStringLiteral("https://example.invalid/x")}});
    EXPECT_EQ(badScope.status, 400);
    EXPECT_EQ(aadsts(badScope), 70011);
    const HttpResult unknownClient =
        http.postForm(deviceCodeUrl(),
                      {{QStringLiteral("client_id"), QStringLiteral("11111111-2222-3333-4444-555555555555")},
                       {QStringLiteral("scope"), QStringLiteral("openid")}});
    EXPECT_EQ(aadsts(unknownClient), 700016);
    EXPECT_EQ(aadsts(http.get(deviceCodeUrl())), 900561);
    EXPECT_EQ(
        http.postJson(adminUrl(QStringLiteral("approve")),
                      QJsonDocument(QJsonObject{{QStringLiteral("user_code"), QStringLiteral("ZZZZZZZZZ")}}))
            .status,
        404);
    EXPECT_EQ(http.post(adminUrl(QStringLiteral("approve")), "not json").status, 400);
}

TEST_F(IvemuDeviceCodeTest, AConfidentialAppMustStillSendItsSecret)
{
    const HttpResult issued = http.postForm(
        deviceCodeUrl(), {{QStringLiteral("client_id"), info.credentials.adminClientId},
                          {QStringLiteral("scope"), QStringLiteral("https://vault.azure.net/.default")}});
    ASSERT_EQ(issued.status, 200);
    const QJsonObject code = issued.json().object();
    ASSERT_EQ(answer(QStringLiteral("approve"), code).status, 200);
    const QList<QPair<QString, QString>> form{
        {QStringLiteral("grant_type"), kDeviceGrant},
        {QStringLiteral("client_id"), info.credentials.adminClientId},
        {QStringLiteral("device_code"), code[QLatin1String("device_code")].toString()}};
    EXPECT_EQ(aadsts(http.postForm(entraUrl(info.credentials.tenantId), form)), 7000218);
    QList<QPair<QString, QString>> withSecret = form;
    withSecret.append({QStringLiteral("client_secret"), info.credentials.adminClientSecret});
    EXPECT_EQ(http.postForm(entraUrl(info.credentials.tenantId), withSecret).status, 200);
}

TEST_F(IvemuDeviceCodeAutoApproveTest, DemoModeApprovesByItselfAfterTheDelay)
{
    const QJsonObject code = requestCode(QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default"));
    EXPECT_EQ(error(poll(code)), QStringLiteral("authorization_pending"));
    emulator.advanceClock(std::chrono::seconds(10));
    const HttpResult token = poll(code);
    ASSERT_EQ(token.status, 200) << token.body.toStdString();
    // The audience follows the scope: this is an IV token the security service takes.
    EXPECT_EQ(exchange(exchangeBody(token.json()[QLatin1String("access_token")].toString())).status, 200);
}

TEST_F(IvemuDeviceCodeTest, TheVerificationPageSignsInTheDemoAdministrator)
{
    const QJsonObject code = requestCode();
    const QUrl page(code[QLatin1String("verification_uri")].toString());
    const HttpResult form = http.get(page);
    EXPECT_EQ(form.status, 200);
    EXPECT_TRUE(form.header("Content-Type").startsWith("text/html"));
    EXPECT_TRUE(form.body.contains("name=\"user_code\""));
    const HttpResult signedIn =
        http.postForm(page, {{QStringLiteral("user_code"), code[QLatin1String("user_code")].toString()}});
    EXPECT_TRUE(signedIn.body.contains(info.credentials.adminUser.toUtf8())) << signedIn.body.toStdString();
    EXPECT_EQ(poll(code).status, 200);
}
