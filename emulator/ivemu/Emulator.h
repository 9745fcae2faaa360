// One emulated Inventory Visibility world: an Entra tenant, the IV security
// service (global name + regional gateway) and the IV data plane of one
// environment with a seeded retail estate. Single-threaded: create, start and
// use it on one thread (EmulatorHost gives it a thread of its own).
#pragma once

#include "ivemu/EmulatorTypes.h"

#include <QJsonObject>
#include <QObject>
#include <chrono>
#include <memory>
#include <optional>

namespace ivemu {

class AdminFaultsEndpoint;
class DeviceCodeEndpoint;
class KeyVaultEndpoint;
class TenantDirectory;
class EntraTokenEndpoint;
class FaultInjector;
class Estate;
class HttpServer;
class IvApiEndpoint;
class MeasureModel;
class TokenExchangeEndpoint;
class TokenRegistry;
class TrafficSimulator;
class WriteLedger;

class Emulator : public QObject
{
    Q_OBJECT
public:
    explicit Emulator(QObject *parent = nullptr);
    ~Emulator() override;

    // Seeds the estate and listens on 127.0.0.1. Returns an empty string on
    // success, else a reason naming the port.
    QString start(const EmulatorConfig &config);
    void stop();
    bool isRunning() const { return m_main != nullptr; }

    EmulatorInfo info() const;

    // Test hooks.
    void advanceClock(std::chrono::seconds by); // token expiry without sleeping
    void simulateTick();                        // one traffic tick, even when traffic is off
    // A cell's "source.measure" (physical or calculated, any case) for a
    // variant at a location (locationId such as "S001"); nullopt if unknown.
    std::optional<qint64> quantity(const QString &productId, const QString &colorId, const QString &sizeId,
                                   const QString &locationId, const QString &measure) const;
    // Every write applied so far (event IDs, what changed); null when stopped.
    const WriteLedger *ledger() const;

    // Faults (tests): adds a rule "route=kind[:param][@probability][xcount]";
    // returns an empty string, or the reason the rule is invalid.
    QString addFault(const QString &spec);
    void clearFaults();
    // Requests per route name since start: {"requests","routes","faults"} (GET /_emulator/stats).
    QJsonObject requestStats() const;

    // Entra and Key Vault (tests).
    bool expireClientSecret(const QString &clientId); // its secrets end now: AADSTS7000222
    void throttleEntra(int requests);                 // the next token requests get 429 AADSTS90055
    // Enables or disables a secret version (the newest if `version` is empty) in a vault.
    bool setVaultSecretEnabled(const QString &vault, const QString &name, const QString &version,
                               bool enabled);
    void setKeyVaultEnforcesValidityDates(bool enforce); // 403 outside nbf..exp, as documented

private:
    void addRoutes();

    EmulatorConfig m_config;
    // Declaration order matters: servers and endpoints refer to what is above them.
    std::unique_ptr<TokenRegistry> m_tokens;
    std::unique_ptr<TenantDirectory> m_directory;
    std::unique_ptr<DeviceCodeEndpoint> m_deviceCodes;
    std::unique_ptr<KeyVaultEndpoint> m_keyVault;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<AdminFaultsEndpoint> m_adminFaults;
    std::unique_ptr<MeasureModel> m_model;
    std::unique_ptr<Estate> m_estate;
    std::unique_ptr<TrafficSimulator> m_traffic;
    std::unique_ptr<EntraTokenEndpoint> m_entra;
    std::unique_ptr<TokenExchangeEndpoint> m_exchange;
    std::unique_ptr<IvApiEndpoint> m_iv;
    std::unique_ptr<HttpServer> m_main;    // Entra, global security service name, IV data plane
    std::unique_ptr<HttpServer> m_gateway; // regional security-service gateway
};

} // namespace ivemu
