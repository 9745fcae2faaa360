#include "DemoProfile.h"

namespace ivdesk {

ivcore::Profile demoProfile(const ivemu::EmulatorInfo &emulator)
{
    ivcore::Profile profile;
    profile.name = QStringLiteral("Demo");
    profile.isDemo = true;
    profile.tenantId = emulator.credentials.tenantId;
    profile.clientId = emulator.credentials.clientId;
    profile.environmentId = emulator.credentials.environmentId;
    profile.auth.authority = emulator.endpoints.authority;
    profile.auth.securityServiceTokenUrl = emulator.endpoints.securityServiceTokenUrl;
    profile.ivEndpoint = emulator.endpoints.ivEndpoint;
    profile.pollInterval = std::chrono::seconds(3); // demo traffic moves every second
    for (const ivemu::EstateLocation &location : emulator.locations) {
        profile.stores.append({location.organizationId, location.storeId, location.name, location.siteId,
                               location.locationId, location.isDistributionCentre});
    }
    for (const ivemu::DemoProduct &product : emulator.products)
        profile.productNames.insert(product.productId, product.name);
    return profile;
}

} // namespace ivdesk
