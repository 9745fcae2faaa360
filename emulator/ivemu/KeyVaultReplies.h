// The JSON Key Vault answers with (§17): SecretBundle, SecretItem and the
// error body {"error":{"code","message","innererror":{"code"}}}.
#pragma once

#include "ivemu/HttpServer.h"
#include "ivemu/SecretVault.h"

namespace ivemu::keyvault {

// `base` is the vault's URL without a trailing slash.
QJsonObject secretBundle(const QString &base, const QString &name, const SecretVersion &version);
// A list entry: no value; `withVersion` for the versions list.
QJsonObject secretItem(const QString &base, const QString &name, const SecretVersion &version,
                       bool withVersion);

// innerCode may be empty (no `innererror`).
HttpReply error(int status, const QString &code, const QString &message, const QString &innerCode = {});
HttpReply badParameter(const QString &message);
HttpReply secretNotFound(const QString &nameOrId);

} // namespace ivemu::keyvault
