// Who signs in: one Entra app registration. The secret lives in memory only;
// it comes from the keychain (SecretStore) or, in demo mode, from the emulator.
#pragma once

#include <QString>
#include <QUrl>

namespace ivcore {

struct ClientCredentials
{
    QString tenantId;
    QString clientId;
    QString clientSecret;
};

// Where the two token hops go. Azure and the local emulator differ only here.
struct AuthEndpoints
{
    QUrl authority;               // https://login.microsoftonline.com
    QUrl securityServiceTokenUrl; // https://securityservice.operations365.dynamics.com/token
};

// Fixed values of the IV token flow (reference §2.1, §2.2).
inline constexpr auto kIvResourceScope = "0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default";
inline constexpr auto kIvServiceScope = "https://inventoryservice.operations365.dynamics.com/.default";

} // namespace ivcore
