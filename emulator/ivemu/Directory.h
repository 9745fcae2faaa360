// Who exists in the emulated world: one Entra tenant, its app registrations
// (with secrets that expire), its users, and the environments IV is installed
// in. Fixed values, so documentation, tests and the command line all agree.
#pragma once

#include "ivemu/EmulatorTypes.h"

#include <QDateTime>
#include <QList>

namespace ivemu::directory {

inline DemoCredentials demoCredentials()
{
    DemoCredentials credentials{QStringLiteral("7d3c9e21-5b8a-4f6e-a1c2-9e4b7f0d2a61"),
                                QStringLiteral("3f1c2a9e-0b7d-4e55-9a61-2c8d7e4b1f00"),
                                QStringLiteral("iVd8Q~demo.ivdesk-emulator-secret_0001"),
                                QStringLiteral("5e2b8c1d-7a4f-4c3e-9d21-0f6a3b9e7c55")};
    credentials.vaultClientId = QStringLiteral("b2e4c6a8-1d3f-4a5b-8c7d-9e0f1a2b3c4d");
    credentials.vaultClientSecret = QStringLiteral("kV7Q~scm.vault-reader-secret_0002");
    credentials.adminClientId = QStringLiteral("c9d8e7f6-5a4b-4c3d-9e2f-1a0b9c8d7e6f");
    credentials.adminClientSecret = QStringLiteral("aD3Q~vault.administrator-secret_0003");
    credentials.publicClientId = QStringLiteral("d4c3b2a1-9f8e-4d7c-8b6a-5f4e3d2c1b0a");
    credentials.adminUser = QStringLiteral("admin@ivdesk-demo.onmicrosoft.com");
    credentials.vaultSecretName = QStringLiteral("commerce-iv-01-secret");
    return credentials;
}

// The tenant's verified domain; accepted in place of the tenant GUID (§2.1).
inline QString tenantDomain()
{
    return QStringLiteral("ivdesk-demo.onmicrosoft.com");
}

// An environment where IV was installed with another app registration: the
// demo app is not bound to it, so its token exchange fails (§2.2, F2).
inline QString unboundEnvironmentId()
{
    return QStringLiteral("9a7f3e10-2c4b-4d8e-b6a5-1f0e9d8c7b42");
}

// Entra resource of IV (scope "<id>/.default") and the audience its tokens carry (§2.1, §24).
inline QString ivResourceId()
{
    return QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2");
}
inline QString ivAudience()
{
    return QStringLiteral("https://securityservice.operations365.dynamics.com");
}

// Scope and context type of the IV token exchange (§2.2).
inline QString ivExchangeScope()
{
    return QStringLiteral("https://inventoryservice.operations365.dynamics.com/.default");
}

// Key Vault's Entra resource, which is also the audience of its tokens (§2.5).
inline QString vaultResource()
{
    return QStringLiteral("https://vault.azure.net");
}

// The two vaults (§17, CASE-11): one on Azure RBAC, one on access policies.
inline QString rbacVaultName()
{
    return QStringLiteral("ivdesk-demo-kv");
}
inline QString accessPolicyVaultName()
{
    return QStringLiteral("ivdesk-policy-kv");
}

// A user with no rights on either vault, to sign in with and be refused.
inline QString storeManagerUser()
{
    return QStringLiteral("manager@ivdesk-demo.onmicrosoft.com");
}

// How long the seeded client secrets stay valid, counted from start (§2.1, CASE-10).
inline constexpr qint64 clientSecretLifetimeDays = 180;

} // namespace ivemu::directory

namespace ivemu {

struct ClientSecret
{
    QString value;
    QDateTime endDate; // invalid: never expires
};

struct AppRegistration
{
    QString clientId;
    QString displayName;
    bool publicClient = false; // may use the device-code flow, has no secret
    QList<ClientSecret> secrets;
};

enum class SecretCheck
{
    Valid,
    Wrong,
    Expired
};

// The tenant's registrations and users. Mutable only through test hooks.
class TenantDirectory
{
public:
    // Seeds the apps; their secrets end clientSecretLifetimeDays after `now`.
    explicit TenantDirectory(const QDateTime &now);

    // The tenant by GUID or verified domain, in any case.
    static bool isTenant(const QString &tenant);

    const AppRegistration *findApp(const QString &clientId) const;
    SecretCheck checkSecret(const AppRegistration &app, const QString &secret, const QDateTime &now) const;
    // Test hook: every secret of the app ends at `at`. False for an unknown app.
    bool setSecretEndDate(const QString &clientId, const QDateTime &at);
    // A known user principal name in its canonical case, or an empty string.
    QString findUser(const QString &userPrincipalName) const;

private:
    QList<AppRegistration> m_apps;
};

} // namespace ivemu
