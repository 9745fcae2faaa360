// Entra ID token endpoints (§2.1, §24): v2 (`scope=`) and v1 (`resource=`)
// client credentials, and the v2 device-code grant, which DeviceCodeEndpoint redeems.
#pragma once

#include "ivemu/HttpServer.h"

#include <optional>

namespace ivemu {

class DeviceCodeEndpoint;
class TenantDirectory;
class TokenRegistry;
struct AppRegistration;
struct EntraRequest;

class EntraTokenEndpoint
{
public:
    EntraTokenEndpoint(TokenRegistry &tokens, const TenantDirectory &directory,
                       DeviceCodeEndpoint &deviceCodes, int lifetimeSeconds);

    // POST {authority}/{tenant}/oauth2/v2.0/token
    HttpReply handle(const QHttpServerRequest &request, const QString &tenant);
    // POST {authority}/{tenant}/oauth2/token (v1: `resource=`, numbers as strings)
    HttpReply handleV1(const QHttpServerRequest &request, const QString &tenant);

    // Test hook: the next `requests` token requests get 429 AADSTS90055.
    void throttle(int requests) { m_throttledRequests = requests; }

private:
    // Method, throttling and tenant: what Entra refuses before reading the form.
    std::optional<HttpReply> refuse(const QHttpServerRequest &request, const QString &tenant);
    // grant_type (client_credentials), client_id and the secret (AADSTS7000215/7000218/7000222).
    std::optional<HttpReply> authenticateClient(const EntraRequest &form, const QString &tenant) const;

    TokenRegistry &m_tokens;
    const TenantDirectory &m_directory;
    DeviceCodeEndpoint &m_deviceCodes;
    int m_lifetimeSeconds;
    int m_throttledRequests = 0;
};

} // namespace ivemu
