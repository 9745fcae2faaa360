// Key Vault refusals (reference §17, CASE-11) turned into Problems people can
// act on: which permission model, which role or policy, which version.
#pragma once

#include "common/Problem.h"
#include "keyvault/SecretTypes.h"

#include <QDateTime>
#include <optional>

namespace ivcore {

enum class VaultOperation
{
    GetSecret,
    SetSecret,
    ListSecrets,
    ListVersions,
};

// What was being done, so a message can name the vault, secret and app.
struct VaultCall
{
    VaultOperation operation = VaultOperation::GetSecret;
    QString vaultName;
    QString secretName; // empty for ListSecrets
    QString version;    // empty: latest
    QString clientId;   // the app the token was issued to
    QString tenantId;
};

// "Could not read secret X from vault V", etc.
QString vaultCallWhat(const VaultCall &call);

// Any non-2xx answer (or no answer). Detail holds status, error code, inner
// code and request id; never a secret value.
Problem problemFromKeyVaultError(const HttpResponse &response, const VaultCall &call);

// Key Vault may serve a version outside its nbf..exp window with 200. Get
// returns such a bundle anyway; this says what is wrong with it, if anything.
std::optional<Problem> problemFromSecretValidity(const SecretItem &secret, const QDateTime &now,
                                                 const VaultCall &call);

} // namespace ivcore
