// Parsing of the two token hops' answers: success bodies into AccessToken,
// Entra and security-service error bodies into Problems people can act on.
#pragma once

#include "auth/AccessToken.h"
#include "common/Result.h"
#include "net/HttpTypes.h"

namespace ivcore {

// A token body: {"access_token": "...", "expires_in": 3599 | "3599", ...}.
Result<AccessToken> parseTokenBody(const QByteArray &body, const QDateTime &now, const QString &what);

// Entra's error body (error, error_description "AADSTSnnn: ...", error_codes).
Problem problemFromEntraError(const HttpResponse &response);

// The IV security service's refusal of the exchange (bodies are undocumented).
Problem problemFromTokenExchangeError(const HttpResponse &response, const QString &environmentId);

} // namespace ivcore
