// Entra ID v2 client-credentials token endpoint (§2.1): the first hop.
#pragma once

#include "ivemu/HttpServer.h"

namespace ivemu {

class TokenRegistry;

class EntraTokenEndpoint
{
public:
    EntraTokenEndpoint(TokenRegistry &tokens, int lifetimeSeconds);

    // POST {authority}/{tenant}/oauth2/v2.0/token
    HttpReply handle(const QHttpServerRequest &request, const QString &tenant);

private:
    HttpReply error(int status, const QString &error, int code, const QString &description) const;

    TokenRegistry &m_tokens;
    int m_lifetimeSeconds;
};

} // namespace ivemu
