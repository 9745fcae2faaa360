#include "ivemu/DeviceCodeEndpoint.h"

#include "ivemu/Directory.h"
#include "ivemu/EntraErrors.h"
#include "ivemu/EntraRequest.h"
#include "ivemu/TokenRegistry.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace ivemu {

namespace {

// Scopes that ask for sign-in itself, not for a resource.
bool isOpenIdScope(const QString &scope)
{
    for (const char *name : {"openid", "profile", "offline_access", "email"})
        if (scope.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// The resource a delegated scope is for: "https://vault.azure.net/user_impersonation"
// -> "https://vault.azure.net"; a bare permission ("User.Read") is Microsoft Graph's.
QString resourceOfScope(const QString &scope)
{
    const qsizetype slash = scope.lastIndexOf(u'/');
    return slash < 0 ? QStringLiteral("https://graph.microsoft.com") : scope.left(slash);
}

QString randomText(const QString &alphabet, int length)
{
    QString text;
    for (int i = 0; i < length; ++i)
        text += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return text;
}

HttpReply adminReply(int status, const QJsonObject &body)
{
    return HttpReply::json(QJsonDocument(body), status);
}

HttpReply adminError(int status, const QString &message)
{
    return adminReply(status, {{QStringLiteral("error"), message}});
}

} // namespace

DeviceCodeEndpoint::DeviceCodeEndpoint(TokenRegistry &tokens, const TenantDirectory &directory,
                                       int lifetimeSeconds, int autoApproveSeconds)
    : m_tokens(tokens), m_directory(directory), m_lifetimeSeconds(lifetimeSeconds),
      m_autoApproveSeconds(autoApproveSeconds)
{}

HttpReply DeviceCodeEndpoint::requestCode(const QHttpServerRequest &request, const QString &tenant)
{
    const QDateTime now = m_tokens.now();
    if (request.method() != QHttpServerRequest::Method::Post)
        return entra::postOnly(now, request);
    if (auto refusal = entra::checkTenant(now, tenant))
        return *refusal;
    const EntraRequest form = EntraRequest::parse(request);
    if (form.clientId.isEmpty())
        return entra::missingField(now, QStringLiteral("client_id"));
    const AppRegistration *app = m_directory.findApp(form.clientId);
    if (!app)
        return entra::unknownClient(now, form.clientId, tenant);
    const QString scope = form.field("scope").simplified();
    if (scope.isEmpty())
        return entra::missingField(now, QStringLiteral("scope"));

    QString audience;
    for (const QString &part : scope.split(u' ')) {
        if (isOpenIdScope(part))
            continue;
        audience = entra::audienceOfResource(resourceOfScope(part));
        if (audience.isEmpty())
            return entra::error(now, 400, QStringLiteral("invalid_scope"), 70011,
                                QStringLiteral("The provided value for the input parameter 'scope' is not "
                                               "valid. The scope %1 is not valid.")
                                    .arg(part));
        break;
    }
    if (audience.isEmpty()) // sign-in only: Entra issues a Graph token
        audience = QStringLiteral("https://graph.microsoft.com");

    static const QString userAlphabet = QStringLiteral("BCDFGHJKLMNPQRSTVWXZ23456789");
    static const QString deviceAlphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    // Forget codes that expired long ago, so a long-running demo does not grow without bound.
    m_grants.removeIf([&now](QHash<QString, Grant>::iterator it) {
        return it->issuedAt.addSecs(2 * kExpiresInSeconds) <= now;
    });
    const QString userCode = randomText(userAlphabet, 9);
    const QString deviceCode = QStringLiteral("DAQABIQEAAAD") + randomText(deviceAlphabet, 120);
    m_grants.insert(deviceCode, {userCode, app->clientId, scope, audience, now, {}, State::Pending, {}});

    QUrl verification = request.url();
    verification.setPath(QStringLiteral("/devicelogin"));
    verification.setQuery(QString());
    const QString uri = verification.toString();
    return HttpReply::json(QJsonDocument(QJsonObject{
        {QStringLiteral("user_code"), userCode},
        {QStringLiteral("device_code"), deviceCode},
        {QStringLiteral("verification_uri"), uri},
        {QStringLiteral("expires_in"), kExpiresInSeconds},
        {QStringLiteral("interval"), kIntervalSeconds},
        {QStringLiteral("message"),
         QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to "
                        "authenticate.")
             .arg(uri, userCode)}}));
}

HttpReply DeviceCodeEndpoint::redeem(const EntraRequest &form, const QString &tenant)
{
    const QDateTime now = m_tokens.now();
    if (form.clientId.isEmpty())
        return entra::missingField(now, QStringLiteral("client_id"));
    const QString deviceCode = form.field("device_code");
    if (deviceCode.isEmpty())
        return entra::missingField(now, QStringLiteral("device_code"));
    const auto it = m_grants.find(deviceCode);
    // RFC 8628 §3.5 errors; the AADSTS numbers of slow_down, declined and unknown codes are ours [I].
    if (it == m_grants.end() || it->clientId.compare(form.clientId, Qt::CaseInsensitive) != 0 ||
        it->state == State::Redeemed)
        return entra::error(now, 400, QStringLiteral("bad_verification_code"), 70000,
                            QStringLiteral("The device code was not recognised, belongs to another client or "
                                           "was already redeemed."));
    Grant &grant = *it;
    if (grant.issuedAt.addSecs(kExpiresInSeconds) <= now)
        return entra::error(now, 400, QStringLiteral("expired_token"), 70019,
                            QStringLiteral("Verification code expired."));
    if (grant.state == State::Declined)
        return entra::error(now, 400, QStringLiteral("authorization_declined"), 70000,
                            QStringLiteral("The user declined the authorization request."));
    if (grant.state == State::Pending && m_autoApproveSeconds >= 0 &&
        grant.issuedAt.addSecs(m_autoApproveSeconds) <= now) {
        grant.state = State::Approved;
        grant.user = directory::demoCredentials().adminUser;
    }
    if (grant.state == State::Pending) {
        // A second of slack: timers fire a little early, and a client polling
        // at the interval must never be told to slow down.
        const bool tooSoon =
            grant.lastPoll.isValid() && grant.lastPoll.msecsTo(now) < (kIntervalSeconds - 1) * 1000;
        grant.lastPoll = now;
        if (tooSoon)
            return entra::error(
                now, 400, QStringLiteral("slow_down"), 70016,
                QStringLiteral("OAuth 2.0 device flow error. Polling too fast: wait %1 seconds "
                               "between requests.")
                    .arg(kIntervalSeconds));
        return entra::error(now, 400, QStringLiteral("authorization_pending"), 70016,
                            QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue "
                                           "polling."));
    }
    // Approved. A confidential app (not a public client) still has to prove itself.
    const AppRegistration *app = m_directory.findApp(grant.clientId);
    if (app && !app->publicClient) {
        if (auto failure = entra::checkClientSecret(now, m_directory, *app, form.clientSecret))
            return *failure;
    }
    Q_UNUSED(tenant);
    grant.state = State::Redeemed;
    const QString token = m_tokens.issue(
        {grant.audience, directory::demoCredentials().tenantId, grant.clientId, {}, {}, grant.user},
        m_lifetimeSeconds);
    QStringList resourceScopes;
    for (const QString &part : grant.scope.split(u' '))
        if (!isOpenIdScope(part))
            resourceScopes.append(part);
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                                     {QStringLiteral("scope"), resourceScopes.join(u' ')},
                                                     {QStringLiteral("expires_in"), m_lifetimeSeconds},
                                                     {QStringLiteral("ext_expires_in"), m_lifetimeSeconds},
                                                     {QStringLiteral("access_token"), token}}));
}

HttpReply DeviceCodeEndpoint::answer(const QHttpServerRequest &request, bool approve)
{
    if (request.method() != QHttpServerRequest::Method::Post)
        return adminError(405, QStringLiteral("Use POST."));
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isObject())
        return adminError(400, QStringLiteral("The body must be a JSON object with \"user_code\"."));
    const QJsonObject body = document.object();
    const QString userCode = body.value(QLatin1String("user_code")).toString().remove(u'-').trimmed();
    if (userCode.isEmpty())
        return adminError(400, QStringLiteral("\"user_code\" is missing."));
    QString user = directory::demoCredentials().adminUser;
    if (body.contains(QLatin1String("user"))) {
        user = m_directory.findUser(body.value(QLatin1String("user")).toString());
        if (user.isEmpty())
            return adminError(400, QStringLiteral("\"user\" is not a user of this tenant."));
    }
    int status = 200;
    const QString failure = settle(userCode, approve, user, &status);
    if (!failure.isEmpty())
        return adminError(status, failure);
    return adminReply(
        200, {{QStringLiteral("user_code"), userCode.toUpper()},
              {QStringLiteral("state"), approve ? QStringLiteral("approved") : QStringLiteral("declined")},
              {QStringLiteral("user"), user}});
}

QString DeviceCodeEndpoint::settle(const QString &userCode, bool approve, const QString &user, int *status)
{
    const QDateTime now = m_tokens.now();
    for (Grant &grant : m_grants) {
        if (grant.userCode.compare(userCode, Qt::CaseInsensitive) != 0)
            continue;
        *status = 409;
        if (grant.issuedAt.addSecs(kExpiresInSeconds) <= now)
            return QStringLiteral("The code %1 has expired.").arg(grant.userCode);
        if (grant.state != State::Pending)
            return QStringLiteral("The code %1 was already answered.").arg(grant.userCode);
        grant.state = approve ? State::Approved : State::Declined;
        grant.user = user;
        *status = 200;
        return {};
    }
    *status = 404;
    return QStringLiteral("No device code has the user code %1.").arg(userCode);
}

HttpReply DeviceCodeEndpoint::loginPage(const QHttpServerRequest &request)
{
    QString message = QStringLiteral("Enter the code your application shows.");
    if (request.method() == QHttpServerRequest::Method::Post) {
        const EntraRequest form = EntraRequest::parse(request);
        const QString userCode = form.field("user_code").remove(u'-').trimmed();
        int status = 200;
        const QString failure = settle(userCode, true, directory::demoCredentials().adminUser, &status);
        message = failure.isEmpty() ? QStringLiteral("Signed in as %1. You may close this page.")
                                          .arg(directory::demoCredentials().adminUser)
                                    : failure;
    }
    const QString html =
        QStringLiteral(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ivemu device sign-in</title>"
            "</head><body><h1>ivemu device sign-in</h1><p>%1</p><form method=\"post\">"
            "<input name=\"user_code\" autofocus> <button>Sign in</button></form>"
            "<p>This emulator signs you in as the demo administrator.</p></body></html>")
            .arg(message.toHtmlEscaped());
    return {200, QByteArrayLiteral("text/html; charset=utf-8"), html.toUtf8(), {}};
}

} // namespace ivemu
