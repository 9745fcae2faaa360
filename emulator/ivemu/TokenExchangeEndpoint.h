// IV security-service token exchange (§2.2): the second hop, served by the
// regional gateway listener after the global name's 307.
#pragma once

#include "ivemu/HttpServer.h"

namespace ivemu {

class TokenRegistry;

class TokenExchangeEndpoint
{
public:
    TokenExchangeEndpoint(TokenRegistry &tokens, int lifetimeSeconds);

    // POST {gateway}/securityservice/token
    HttpReply handle(const QHttpServerRequest &request);

    // The global name's answer: 307 to the gateway, method and body kept.
    static HttpReply redirect(const QUrl &gatewayTokenUrl);

private:
    TokenRegistry &m_tokens;
    int m_lifetimeSeconds;
};

} // namespace ivemu
