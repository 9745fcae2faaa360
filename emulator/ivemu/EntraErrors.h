// Entra's error body (§2.1): `error`, `error_description` starting with
// "AADSTSnnn: ", `error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`.
#pragma once

#include "ivemu/HttpServer.h"

#include <QDateTime>
#include <optional>

namespace ivemu {
class TenantDirectory;
struct AppRegistration;
} // namespace ivemu

namespace ivemu::entra {

HttpReply error(const QDateTime &now, int status, const QString &error, int code, const QString &description);

// AADSTS900144: a required form field is missing.
HttpReply missingField(const QDateTime &now, const QString &name);

// AADSTS900023 for a malformed tenant segment, AADSTS90002 for another tenant; nullopt for ours.
std::optional<HttpReply> checkTenant(const QDateTime &now, const QString &tenant);

// AADSTS700016: no such app in the tenant.
HttpReply unknownClient(const QDateTime &now, const QString &clientId, const QString &tenant);

// AADSTS7000218 (no secret), 7000222 (expired) or 7000215 (wrong); nullopt for a valid secret.
std::optional<HttpReply> checkClientSecret(const QDateTime &now, const TenantDirectory &directory,
                                           const AppRegistration &app, const QString &secret);

// AADSTS900561: the token endpoints take POST only.
HttpReply postOnly(const QDateTime &now, const QHttpServerRequest &request);

} // namespace ivemu::entra
