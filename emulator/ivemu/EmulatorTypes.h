// Plain value types that describe a running emulator to its host (the app,
// the command line or a test). Nothing here depends on the HTTP machinery.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace ivemu {

struct EmulatorConfig
{
    quint16 port = 0;             // 0 picks a free loopback port
    quint32 seed = 42;            // same seed, same estate
    bool simulateTraffic = true;  // post sales and receipts so numbers move
    int trafficIntervalMs = 1000; // one simulator tick
    int tokenLifetimeSeconds = 3600;
};

// The three addresses a client profile needs, all on 127.0.0.1.
struct EmulatorEndpoints
{
    QUrl authority;               // Entra: POST {authority}/{tenantId}/oauth2/v2.0/token
    QUrl securityServiceTokenUrl; // IV token exchange (global name; answers 307 to a regional listener)
    QUrl ivEndpoint;              // IV data plane: {ivEndpoint}/api/environment/{environmentId}/...
};

// Demo credentials of the one registered app bound to the demo environment.
struct DemoCredentials
{
    QString tenantId;
    QString clientId;
    QString clientSecret;
    QString environmentId;
};

// A store or distribution centre of the seeded estate.
struct EstateLocation
{
    QString organizationId; // legal entity, "usrt"
    QString storeId;        // "S-001", "DC-01"
    QString name;           // "Seattle Downtown"
    QString siteId;         // IV siteId
    QString locationId;     // IV locationId (the warehouse)
    bool isDistributionCentre = false;
};

// A catalogue item. IV itself knows no names; a demo needs them anyway. Every
// colour exists in every size (empty strings for items without variants).
struct DemoProduct
{
    QString productId; // "0140"
    QString name;      // "Shasta rain jacket"
    QStringList colorIds;
    QStringList sizeIds;
};

struct EmulatorInfo
{
    EmulatorEndpoints endpoints;
    DemoCredentials credentials;
    QList<EstateLocation> locations;
    QList<DemoProduct> products;
};

} // namespace ivemu

// Crosses threads in EmulatorHost's queued signals.
Q_DECLARE_METATYPE(ivemu::EmulatorInfo)
