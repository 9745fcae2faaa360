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
    QStringList faults;                    // fault rules, "route=kind[:param][@probability][xcount]"
    qint64 maxBodyBytes = 8 * 1024 * 1024; // larger request bodies get 413
    int storeCount = 12;                   // stores of the estate (12 = the demo estate, up to 200)
    int productCount = 300;                // catalogue items (300 = the demo catalogue, up to 2,000)
    int deviceCodeAutoApproveSeconds = -1; // demo: approve device codes after this delay; <0 never
    bool legacyQueryLimits = false;        // queries allow 100 products / 100 site x location (older docs)
    bool omitUntouchedMeasures = false;    // rows leave out zero measures no write touched (§24)
};

// The three addresses a client profile needs, all on 127.0.0.1.
struct EmulatorEndpoints
{
    QUrl authority;               // Entra: POST {authority}/{tenantId}/oauth2/v2.0/token
    QUrl securityServiceTokenUrl; // IV token exchange (global name; answers 307 to a regional listener)
    QUrl ivEndpoint;              // IV data plane: {ivEndpoint}/api/environment/{environmentId}/...
    QUrl keyVault;                // RBAC vault base URL: {keyVault}secrets/{name}?api-version=7.4 (§17)
    QUrl accessPolicyKeyVault;    // the same API on a vault that uses access policies
};

// Demo credentials of the one registered app bound to the demo environment.
struct DemoCredentials
{
    QString tenantId;
    QString clientId;
    QString clientSecret;
    QString environmentId;
    // Key Vault (§17): the app SCM reads the IV secret with (Key Vault Secrets User on the RBAC vault,
    // get only on the access-policy vault) and an administrator app (Secrets Officer, get/list/set).
    QString vaultClientId = {};
    QString vaultClientSecret = {};
    QString adminClientId = {};
    QString adminClientSecret = {};
    QString publicClientId = {};  // public client for the device-code flow (no secret)
    QString adminUser = {};       // user a device-code sign-in approves as by default
    QString vaultSecretName = {}; // holds clientSecret in both vaults
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
