// Who exists in the emulated world: one Entra tenant, the demo app registration
// and the environments IV is installed in. Fixed values, so documentation,
// tests and the command line all agree.
#pragma once

#include "ivemu/EmulatorTypes.h"

namespace ivemu::directory {

inline DemoCredentials demoCredentials()
{
    return {QStringLiteral("7d3c9e21-5b8a-4f6e-a1c2-9e4b7f0d2a61"),
            QStringLiteral("3f1c2a9e-0b7d-4e55-9a61-2c8d7e4b1f00"),
            QStringLiteral("iVd8Q~demo.ivdesk-emulator-secret_0001"),
            QStringLiteral("5e2b8c1d-7a4f-4c3e-9d21-0f6a3b9e7c55")};
}

// The tenant's verified domain; accepted in place of the tenant GUID (§2.1).
inline QString tenantDomain()
{
    return QStringLiteral("ivdesk-demo.onmicrosoft.com");
}

// An environment where IV was installed with another app registration: the
// demo app is not bound to it, so its token exchange fails (§2.2, F2).
inline QString unboundEnvironmentId()
{
    return QStringLiteral("9a7f3e10-2c4b-4d8e-b6a5-1f0e9d8c7b42");
}

// Entra resource of IV (scope "<id>/.default") and the audience its tokens carry (§2.1, §24).
inline QString ivResourceId()
{
    return QStringLiteral("0cdb527f-a8d1-4bf8-9436-b352c68682b2");
}
inline QString ivAudience()
{
    return QStringLiteral("https://securityservice.operations365.dynamics.com");
}

// Scope and context type of the IV token exchange (§2.2).
inline QString ivExchangeScope()
{
    return QStringLiteral("https://inventoryservice.operations365.dynamics.com/.default");
}

} // namespace ivemu::directory
