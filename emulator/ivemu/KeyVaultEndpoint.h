// Azure Key Vault secrets data plane (§17) for the emulator's vaults, served
// on the main listener at /vaults/{vaultName}/...: bearer tokens for
// https://vault.azure.net, per-identity permissions, versions and attributes.
#pragma once

#include "ivemu/HttpServer.h"
#include "ivemu/SecretVault.h"

#include <QDateTime>
#include <QUrlQuery>
#include <optional>

namespace ivemu {

class TokenRegistry;
struct TokenGrant;

class KeyVaultEndpoint
{
public:
    // Seeds both vaults; the IV secret expires at `clientSecretEnd`, like the app's own secret.
    KeyVaultEndpoint(const TokenRegistry &tokens, const QDateTime &clientSecretEnd);

    // {vault}/{rest}: rest is "secrets", "secrets/{name}", "secrets/{name}/versions"
    // or "secrets/{name}/{version}".
    HttpReply handle(const QHttpServerRequest &request, const QString &vaultName, const QString &rest);

    SecretVault *vault(const QString &name);
    // Test hook: refuse to read versions outside nbf..exp (the documented rule) instead of
    // serving them as the live service does.
    void setEnforceValidityDates(bool enforce) { m_enforceDates = enforce; }

private:
    // 401 with the challenge, unless the token is a live one for Key Vault.
    std::optional<HttpReply> authenticate(const QHttpServerRequest &request, TokenGrant *grant) const;
    std::optional<HttpReply> authorize(const SecretVault &vault, const TokenGrant &grant,
                                       VaultPermission needed, const QString &secretName) const;

    HttpReply getSecret(const SecretVault &vault, const QString &base, const QString &name,
                        const QString &version) const;
    HttpReply setSecret(SecretVault &vault, const QString &base, const QString &name, const QByteArray &body);
    // PATCH {vault}/secrets/{name}/{version}: contentType, tags, attributes; no value.
    HttpReply updateSecret(SecretVault &vault, const QString &base, const QString &name,
                           const QString &version, const QByteArray &body);
    HttpReply list(const SecretVault &vault, const QString &base, const QUrlQuery &query,
                   const QString &versionsOf) const;

    const TokenRegistry &m_tokens;
    QList<SecretVault> m_vaults;
    bool m_enforceDates = false;
};

} // namespace ivemu
