// A connection profile: everything needed to reach one IV environment, except
// the client secret (which lives in the keychain, see SecretStore).
#pragma once

#include "auth/ClientCredentials.h"
#include "iv/OnhandQuery.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>

namespace ivcore {

// A store (or distribution centre) and the IV location that holds its stock.
struct StoreLocation
{
    QString organizationId; // legal entity, e.g. "usrt"
    QString storeId;        // e.g. "S-001"
    QString name;           // e.g. "Seattle Downtown"
    QString siteId;
    QString locationId; // the warehouse
    bool isDistributionCentre = false;

    LocationKey key() const { return {siteId, locationId}; }
};

struct Profile
{
    QString name;
    bool isDemo = false; // shown as DEMO DATA everywhere
    QString tenantId;
    QString clientId;
    QString environmentId;
    AuthEndpoints auth;
    QUrl ivEndpoint;
    QList<StoreLocation> stores;
    QStringList groupBy{QStringLiteral("ColorId"), QStringLiteral("SizeId")};
    std::chrono::seconds pollInterval{30};
    // Item names by product id. IV knows ids only; names come from a catalogue
    // the profile carries (the demo fills it from the emulator's catalogue).
    QHash<QString, QString> productNames;

    // The keychain entry that holds this profile's IV client secret.
    QString clientSecretKey() const { return QStringLiteral("profile/%1/iv-client-secret").arg(name); }
};

} // namespace ivcore
