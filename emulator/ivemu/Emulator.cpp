#include "ivemu/Emulator.h"

#include "ivemu/Directory.h"
#include "ivemu/EntraTokenEndpoint.h"
#include "ivemu/Estate.h"
#include "ivemu/HttpServer.h"
#include "ivemu/IvApiEndpoint.h"
#include "ivemu/MeasureModel.h"
#include "ivemu/TokenExchangeEndpoint.h"
#include "ivemu/TokenRegistry.h"
#include "ivemu/TrafficSimulator.h"

namespace ivemu {

namespace {

QUrl loopbackUrl(quint16 port, const QString &path = {})
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(path);
    return url;
}

} // namespace

Emulator::Emulator(QObject *parent) : QObject(parent) {}

Emulator::~Emulator()
{
    stop();
}

QString Emulator::start(const EmulatorConfig &config)
{
    if (isRunning())
        return QStringLiteral("The emulator is already running.");
    m_config = config;
    m_tokens = std::make_unique<TokenRegistry>();
    m_model = std::make_unique<MeasureModel>();
    m_estate = std::make_unique<Estate>(config.seed);
    m_traffic = std::make_unique<TrafficSimulator>(*m_estate, config.seed);
    m_entra = std::make_unique<EntraTokenEndpoint>(*m_tokens, config.tokenLifetimeSeconds);
    m_exchange = std::make_unique<TokenExchangeEndpoint>(*m_tokens, config.tokenLifetimeSeconds);
    m_iv = std::make_unique<IvApiEndpoint>(*m_tokens, *m_estate, *m_model,
                                           directory::demoCredentials().environmentId);

    m_main = std::make_unique<HttpServer>();
    m_gateway = std::make_unique<HttpServer>();
    QString error;
    if (m_main->listenLoopback(config.port, &error) == 0) {
        stop();
        return QStringLiteral(
                   "Cannot listen on 127.0.0.1:%1 (%2). Choose another port, or 0 for any free port.")
            .arg(config.port)
            .arg(error);
    }
    if (m_gateway->listenLoopback(0, &error) == 0) {
        stop();
        return QStringLiteral("Cannot open the security-service gateway listener on 127.0.0.1: %1")
            .arg(error);
    }
    addRoutes();
    if (config.simulateTraffic)
        m_traffic->start(config.trafficIntervalMs);
    return {};
}

void Emulator::addRoutes()
{
    // Captures of `this` are safe: the servers die before the endpoints (stop()).
    const QUrl gatewayToken = loopbackUrl(m_gateway->port(), QStringLiteral("/securityservice/token"));
    m_main->route(QStringLiteral("/token"), [gatewayToken](const QHttpServerRequest &, const QStringList &) {
        return TokenExchangeEndpoint::redirect(gatewayToken);
    });
    m_main->route(QStringLiteral("/([^/]+)/oauth2/v2\\.0/token"),
                  [this](const QHttpServerRequest &request, const QStringList &captures) {
                      return m_entra->handle(request, captures.at(0));
                  });
    m_main->route(QStringLiteral("/api/environment/([^/]+)/(.+)"),
                  [this](const QHttpServerRequest &request, const QStringList &captures) {
                      return m_iv->handle(request, captures.at(0), captures.at(1));
                  });
    m_gateway->route(QStringLiteral("/securityservice/token"),
                     [this](const QHttpServerRequest &request, const QStringList &) {
                         return m_exchange->handle(request);
                     });
}

void Emulator::stop()
{
    m_gateway.reset();
    m_main.reset();
    m_iv.reset();
    m_exchange.reset();
    m_entra.reset();
    m_traffic.reset();
    m_estate.reset();
    m_model.reset();
    m_tokens.reset();
}

EmulatorInfo Emulator::info() const
{
    EmulatorInfo info;
    if (!isRunning())
        return info;
    info.endpoints.authority = loopbackUrl(m_main->port());
    info.endpoints.securityServiceTokenUrl = loopbackUrl(m_main->port(), QStringLiteral("/token"));
    info.endpoints.ivEndpoint = loopbackUrl(m_main->port());
    info.credentials = directory::demoCredentials();
    info.locations = m_estate->locations();
    info.products = m_estate->demoProducts();
    return info;
}

void Emulator::advanceClock(std::chrono::seconds by)
{
    if (m_tokens)
        m_tokens->advanceClock(by);
}

void Emulator::simulateTick()
{
    if (m_traffic)
        m_traffic->tick();
}

std::optional<qint64> Emulator::quantity(const QString &productId, const QString &colorId,
                                         const QString &sizeId, const QString &locationId,
                                         const QString &measure) const
{
    if (!m_estate)
        return std::nullopt;
    const int variant = m_estate->findVariant(m_estate->catalogue().findProduct(productId), colorId, sizeId);
    int location = -1;
    for (int l = 0; l < m_estate->locations().size(); ++l)
        if (m_estate->locations()[l].locationId.compare(locationId, Qt::CaseInsensitive) == 0)
            location = l;
    if (variant < 0 || location < 0)
        return std::nullopt;
    const auto cell = m_estate->cell(variant, location);
    std::array<qint64, PhysicalCount> wide{};
    std::copy(cell.begin(), cell.end(), wide.begin());
    return m_model->evaluate(measure, wide);
}

} // namespace ivemu
