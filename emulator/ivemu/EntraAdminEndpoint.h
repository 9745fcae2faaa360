// Run-time switches for the emulated tenant, for demos and manual tests of
// CASE-10 and throttling without restarting: /_emulator/entra/{action}.
#pragma once

#include "ivemu/HttpServer.h"

#include <QDateTime>

namespace ivemu {

class EntraTokenEndpoint;
class TenantDirectory;

// POST /_emulator/entra/expire-secret {"client_id": "..."}: the app's secrets end now (AADSTS7000222).
// POST /_emulator/entra/throttle {"requests": n}: the next n token requests get 429 AADSTS90055.
HttpReply entraAdmin(const QHttpServerRequest &request, const QString &action, TenantDirectory &directory,
                     EntraTokenEndpoint &entra, const QDateTime &now);

} // namespace ivemu
