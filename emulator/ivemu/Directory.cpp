#include "ivemu/Directory.h"

namespace ivemu {

TenantDirectory::TenantDirectory(const QDateTime &now)
{
    const DemoCredentials demo = directory::demoCredentials();
    const QDateTime end = now.addDays(directory::clientSecretLifetimeDays);
    m_apps = {
        {demo.clientId, QStringLiteral("ivdesk Inventory Visibility"), false, {{demo.clientSecret, end}}},
        {demo.vaultClientId, QStringLiteral("SCM Key Vault reader"), false, {{demo.vaultClientSecret, end}}},
        {demo.adminClientId,
         QStringLiteral("Key Vault administrator"),
         false,
         {{demo.adminClientSecret, end}}},
        {demo.publicClientId, QStringLiteral("ivdesk desktop"), true, {}},
    };
}

bool TenantDirectory::isTenant(const QString &tenant)
{
    return tenant.compare(directory::demoCredentials().tenantId, Qt::CaseInsensitive) == 0 ||
           tenant.compare(directory::tenantDomain(), Qt::CaseInsensitive) == 0;
}

const AppRegistration *TenantDirectory::findApp(const QString &clientId) const
{
    for (const AppRegistration &app : m_apps)
        if (app.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
            return &app;
    return nullptr;
}

SecretCheck TenantDirectory::checkSecret(const AppRegistration &app, const QString &secret,
                                         const QDateTime &now) const
{
    for (const ClientSecret &candidate : app.secrets) {
        if (candidate.value != secret)
            continue;
        // Entra names the expiry only for a secret that once was right (AADSTS7000222).
        return candidate.endDate.isValid() && candidate.endDate <= now ? SecretCheck::Expired
                                                                       : SecretCheck::Valid;
    }
    return SecretCheck::Wrong;
}

bool TenantDirectory::setSecretEndDate(const QString &clientId, const QDateTime &at)
{
    for (AppRegistration &app : m_apps) {
        if (app.clientId.compare(clientId, Qt::CaseInsensitive) != 0)
            continue;
        for (ClientSecret &secret : app.secrets)
            secret.endDate = at;
        return true;
    }
    return false;
}

QString TenantDirectory::findUser(const QString &userPrincipalName) const
{
    for (const QString &user : {directory::demoCredentials().adminUser, directory::storeManagerUser()})
        if (user.compare(userPrincipalName, Qt::CaseInsensitive) == 0)
            return user;
    return {};
}

} // namespace ivemu
