// No secret or token ever reaches a log line: every path runs with every
// ivdesk category at debug level while a message handler keeps each line,
// then no client secret, token or vault value may appear in any of them.
#include "EmulatorFixture.h"
#include "auth/ScopedTokenProvider.h"
#include "auth/TokenProvider.h"
#include "iv/Connection.h"
#include "iv/IvClient.h"
#include "keyvault/KeyVaultClient.h"
#include "net/HttpClient.h"

#include <QLoggingCategory>
#include <QMutex>

using namespace ivcore;

namespace {

QMutex g_linesMutex;
QStringList g_lines;

void keepLine(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&g_linesMutex);
    g_lines << QString::fromLatin1(context.category ? context.category : "default") + QLatin1Char(' ') +
                   message;
}

} // namespace

class LogRedactionTest : public EmulatorFixture
{
protected:
    void SetUp() override
    {
        EmulatorFixture::SetUp();
        g_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("ivdesk.*=true"));
        m_previous = qInstallMessageHandler(keepLine);
    }
    void TearDown() override
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }

    template <typename T, typename Call> std::optional<Result<T>> run(Call call)
    {
        std::optional<Result<T>> result;
        QObject context;
        call(&context, [&](const Result<T> &r) { result = r; });
        EXPECT_TRUE(waitFor(result, 30000));
        return result;
    }

    void expectNoneOf(const QStringList &secrets) const
    {
        ASSERT_FALSE(g_lines.isEmpty()) << "debug logging produced nothing: the test would prove nothing";
        for (const QString &secret : secrets) {
            ASSERT_GE(secret.size(), 8) << "a secret this short would match by chance";
            for (const QString &line : std::as_const(g_lines))
                EXPECT_FALSE(line.contains(secret)) << "leaked in: " << line.toStdString();
        }
    }

    QtMessageHandler m_previous = nullptr;
};

TEST_F(LogRedactionTest, TokensQueriesFailuresAndTheVaultLeaveNoSecretInTheLog)
{
    // The happy path, with a retried fault and a token refresh on the way.
    ASSERT_TRUE(emulator.addFault(QStringLiteral("exactquery=503:0x1")).isEmpty());
    Connection connection(profile, info.credentials.clientSecret);
    ExactOnhandQuery query;
    query.organizationId = profile.stores.first().organizationId;
    query.locations = {profile.stores.first().key()};
    ASSERT_TRUE((run<OnhandAnswer>([&](QObject *c, auto done) {
                     connection.iv()->exactQuery(query, c, done);
                 })->ok()));
    const QString firstToken = QString::fromUtf8(connection.tokens()->currentToken()->value);
    emulator.advanceClock(std::chrono::seconds(3601));
    ASSERT_TRUE((run<OnhandAnswer>([&](QObject *c, auto done) {
                     connection.iv()->exactQuery(query, c, done);
                 })->ok()));
    const QString secondToken = QString::fromUtf8(connection.tokens()->currentToken()->value);

    // Failures that echo what was sent: a wrong secret, an unbound environment.
    Profile wrong = profile;
    wrong.environmentId = QStringLiteral("9a7f3e10-2c4b-4d8e-b6a5-1f0e9d8c7b42");
    const QString wrongSecret = QStringLiteral("wrong~secret.value_123");
    Connection refused(wrong, wrongSecret);
    Connection unbound(wrong, info.credentials.clientSecret);
    for (Connection *c : {&refused, &unbound})
        EXPECT_FALSE((run<OnhandAnswer>([&](QObject *ctx, auto done) {
                          c->iv()->exactQuery(query, ctx, done);
                      })->ok()));

    // The vault: a reader gets the stored IV secret.
    HttpClient http;
    ScopedTokenProvider vaultTokens(&http, profile.auth.authority,
                                    ClientCredentials{info.credentials.tenantId,
                                                      info.credentials.vaultClientId,
                                                      info.credentials.vaultClientSecret},
                                    QString::fromLatin1(kKeyVaultScope));
    KeyVaultClient vault(&http, &vaultTokens, info.endpoints.keyVault);
    const auto bundle = run<SecretBundle>(
        [&](QObject *c, auto done) { vault.getSecret(info.credentials.vaultSecretName, c, done); });
    ASSERT_TRUE(bundle && bundle->ok()) << bundle->problem().summary().toStdString();
    const QString vaultToken = QString::fromUtf8(vaultTokens.currentToken()->value);

    expectNoneOf({info.credentials.clientSecret, info.credentials.vaultClientSecret, wrongSecret, firstToken,
                  secondToken, vaultToken, bundle->value().value});
}
