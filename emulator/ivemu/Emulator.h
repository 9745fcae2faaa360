// One emulated Inventory Visibility world: an Entra tenant, the IV security
// service (global name + regional gateway) and the IV data plane of one
// environment with a seeded retail estate. Single-threaded: create, start and
// use it on one thread (EmulatorHost gives it a thread of its own).
#pragma once

#include "ivemu/EmulatorTypes.h"

#include <QObject>
#include <chrono>
#include <memory>
#include <optional>

namespace ivemu {

class EntraTokenEndpoint;
class Estate;
class HttpServer;
class IvApiEndpoint;
class MeasureModel;
class TokenExchangeEndpoint;
class TokenRegistry;
class TrafficSimulator;

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

private:
    void addRoutes();

    EmulatorConfig m_config;
    // Declaration order matters: servers and endpoints refer to what is above them.
    std::unique_ptr<TokenRegistry> m_tokens;
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
