// Entra's device-code flow (RFC 8628 as Entra speaks it): a public client asks
// for a code, the user approves it (here through an admin endpoint, or by
// itself after a delay in demo mode) and the client polls the v2 token endpoint.
#pragma once

#include "ivemu/HttpServer.h"

#include <QDateTime>
#include <QHash>

namespace ivemu {

class TenantDirectory;
class TokenRegistry;
struct EntraRequest;

class DeviceCodeEndpoint
{
public:
    static constexpr int kExpiresInSeconds = 900;
    static constexpr int kIntervalSeconds = 5;

    // autoApproveSeconds < 0: codes wait for approve(); otherwise they approve
    // themselves (as the demo administrator) that long after being issued.
    DeviceCodeEndpoint(TokenRegistry &tokens, const TenantDirectory &directory, int lifetimeSeconds,
                       int autoApproveSeconds);

    // POST {authority}/{tenant}/oauth2/v2.0/devicecode
    HttpReply requestCode(const QHttpServerRequest &request, const QString &tenant);
    // The v2 token endpoint's grant_type=urn:ietf:params:oauth:grant-type:device_code.
    HttpReply redeem(const EntraRequest &form, const QString &tenant);
    // POST /_emulator/devicecode/approve | decline, body {"user_code": "...", "user": "<upn>"?}
    HttpReply answer(const QHttpServerRequest &request, bool approve);
    // GET/POST {authority}/devicelogin: the verification page; a posted user_code approves as the
    // demo administrator (a browser stand-in for Microsoft's sign-in page).
    HttpReply loginPage(const QHttpServerRequest &request);

private:
    // Approves or declines the pending code; an empty string, or why not (with an HTTP status).
    QString settle(const QString &userCode, bool approve, const QString &user, int *status);

    enum class State
    {
        Pending,
        Approved,
        Declined,
        Redeemed
    };
    struct Grant
    {
        QString userCode;
        QString clientId;
        QString scope;    // as requested, for the token response
        QString audience; // of the first resource scope
        QDateTime issuedAt;
        QDateTime lastPoll;
        State state = State::Pending;
        QString user; // who approved
    };

    TokenRegistry &m_tokens;
    const TenantDirectory &m_directory;
    int m_lifetimeSeconds;
    int m_autoApproveSeconds;
    QHash<QString, Grant> m_grants; // by device_code
};

} // namespace ivemu
