#include "ivemu/Emulator.h"

#include "ivemu/AdminFaultsEndpoint.h"
#include "ivemu/AdminLedgerEndpoint.h"
#include "ivemu/DeviceCodeEndpoint.h"
#include "ivemu/Directory.h"
#include "ivemu/EntraAdminEndpoint.h"
#include "ivemu/EntraTokenEndpoint.h"
#include "ivemu/Estate.h"
#include "ivemu/FaultInjector.h"
#include "ivemu/HttpServer.h"
#include "ivemu/IvApiEndpoint.h"
#include "ivemu/KeyVaultEndpoint.h"
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
    m_faults = std::make_unique<FaultInjector>(config.seed);
    m_adminFaults = std::make_unique<AdminFaultsEndpoint>(*m_faults);
    for (const QString &spec : config.faults) {
        if (const QString error = addFault(spec); !error.isEmpty()) {
            stop();
            return QStringLiteral("Invalid fault rule: %1").arg(error);
        }
    }
    m_model = std::make_unique<MeasureModel>();
    m_estate = std::make_unique<Estate>(config.seed, config.storeCount, config.productCount);
    m_traffic = std::make_unique<TrafficSimulator>(*m_estate, config.seed);
    m_directory = std::make_unique<TenantDirectory>(m_tokens->now());
    m_deviceCodes = std::make_unique<DeviceCodeEndpoint>(*m_tokens, *m_directory, config.tokenLifetimeSeconds,
                                                         config.deviceCodeAutoApproveSeconds);
    m_keyVault = std::make_unique<KeyVaultEndpoint>(
        *m_tokens, m_tokens->now().addDays(directory::clientSecretLifetimeDays));
    m_entra = std::make_unique<EntraTokenEndpoint>(*m_tokens, *m_directory, *m_deviceCodes,
                                                   config.tokenLifetimeSeconds);
    m_exchange = std::make_unique<TokenExchangeEndpoint>(*m_tokens, config.tokenLifetimeSeconds);
    m_iv = std::make_unique<IvApiEndpoint>(*m_tokens, *m_estate, *m_model,
                                           directory::demoCredentials().environmentId);
    m_iv->setSwitches(config.legacyQueryLimits, config.omitUntouchedMeasures);
    m_traffic->setWriter(&m_iv->writes(), &m_iv->reservations()); // traffic shows in the ledger

    m_main = std::make_unique<HttpServer>();
    m_gateway = std::make_unique<HttpServer>();
    for (HttpServer *server : {m_main.get(), m_gateway.get()}) {
        server->setFaultInjector(m_faults.get());
        server->setBodyLimit(config.maxBodyBytes);
        server->setTokenExpiry([this] { m_tokens->expireAll(QStringLiteral("iv")); });
    }
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
    m_main->route(
        QStringLiteral("/token"),
        [gatewayToken](const QHttpServerRequest &, const QStringList &) {
            return TokenExchangeEndpoint::redirect(gatewayToken);
        },
        QStringLiteral("exchange"));
    m_main->route(
        QStringLiteral("/([^/]+)/oauth2/v2\\.0/token"),
        [this](const QHttpServerRequest &request, const QStringList &captures) {
            return m_entra->handle(request, captures.at(0));
        },
        QStringLiteral("token"));
    m_main->route(
        QStringLiteral("/([^/]+)/oauth2/token"),
        [this](const QHttpServerRequest &request, const QStringList &captures) {
            return m_entra->handleV1(request, captures.at(0));
        },
        QStringLiteral("token"));
    m_main->route(
        QStringLiteral("/([^/]+)/oauth2/v2\\.0/devicecode"),
        [this](const QHttpServerRequest &request, const QStringList &captures) {
            return m_deviceCodes->requestCode(request, captures.at(0));
        },
        QStringLiteral("devicecode"));
    m_main->route(
        QStringLiteral("/devicelogin"),
        [this](const QHttpServerRequest &request, const QStringList &) {
            return m_deviceCodes->loginPage(request);
        },
        QStringLiteral("devicelogin"));
    m_main->adminRoute(QStringLiteral("/_emulator/devicecode/(approve|decline)"),
                       [this](const QHttpServerRequest &request, const QStringList &captures) {
                           const bool approve =
                               captures.at(0).compare(QLatin1String("approve"), Qt::CaseInsensitive) == 0;
                           return m_deviceCodes->answer(request, approve);
                       });
    m_main->adminRoute(QStringLiteral("/_emulator/entra/([^/]+)"), [this](const QHttpServerRequest &request,
                                                                          const QStringList &captures) {
        return entraAdmin(request, captures.at(0), *m_directory, *m_entra, m_tokens->now());
    });
    m_main->route(
        QStringLiteral("/vaults/([^/]+)(/.*)?"),
        [this](const QHttpServerRequest &request, const QStringList &captures) {
            return m_keyVault->handle(request, captures.at(0), captures.value(1));
        },
        QStringLiteral("keyvault"));
    m_main->route(
        QStringLiteral("/api/environment/([^/]+)/(.+)"),
        [this](const QHttpServerRequest &request, const QStringList &captures) {
            return m_iv->handle(request, captures.at(0), captures.at(1));
        },
        QStringLiteral("iv"));
    // Island 2 (§3, F4): an environment that lives there gets 308 on the main address, and back.
    m_main->route(
        IvApiEndpoint::otherIslandPrefix() + QStringLiteral("/api/environment/([^/]+)/(.+)"),
        [this](const QHttpServerRequest &request, const QStringList &captures) {
            return m_iv->handleOnOtherIsland(request, captures.at(0), captures.at(1));
        },
        QStringLiteral("iv"));
    m_main->adminRoute(QStringLiteral("/_emulator/ledger"),
                       [this](const QHttpServerRequest &request, const QStringList &) {
                           return ledgerReply(request, m_iv->ledger());
                       });
    m_gateway->route(
        QStringLiteral("/securityservice/token"),
        [this](const QHttpServerRequest &request, const QStringList &) {
            return m_exchange->handle(request);
        },
        QStringLiteral("exchange"));
    m_adminFaults->addRoutes(*m_main);
}

void Emulator::stop()
{
    m_gateway.reset();
    m_main.reset();
    m_adminFaults.reset();
    m_faults.reset();
    m_iv.reset();
    m_exchange.reset();
    m_entra.reset();
    m_keyVault.reset();
    m_deviceCodes.reset();
    m_directory.reset();
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
    info.endpoints.keyVault =
        loopbackUrl(m_main->port(), QStringLiteral("/vaults/%1/").arg(directory::rbacVaultName()));
    info.endpoints.accessPolicyKeyVault =
        loopbackUrl(m_main->port(), QStringLiteral("/vaults/%1/").arg(directory::accessPolicyVaultName()));
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

bool Emulator::expireClientSecret(const QString &clientId)
{
    return m_directory && m_directory->setSecretEndDate(clientId, m_tokens->now());
}

void Emulator::throttleEntra(int requests)
{
    if (m_entra)
        m_entra->throttle(requests);
}

bool Emulator::setVaultSecretEnabled(const QString &vault, const QString &name, const QString &version,
                                     bool enabled)
{
    SecretVault *found = m_keyVault ? m_keyVault->vault(vault) : nullptr;
    return found && found->setEnabled(name, version, enabled, m_tokens->now());
}

void Emulator::setKeyVaultEnforcesValidityDates(bool enforce)
{
    if (m_keyVault)
        m_keyVault->setEnforceValidityDates(enforce);
}

QString Emulator::addFault(const QString &spec)
{
    if (!m_faults)
        return QStringLiteral("The emulator is not running.");
    QString error;
    const std::optional<FaultRule> rule = faults::parse(spec, &error);
    if (!rule)
        return error;
    m_faults->add(*rule);
    return {};
}

void Emulator::clearFaults()
{
    if (m_faults)
        m_faults->clear();
}

QJsonObject Emulator::requestStats() const
{
    return m_faults ? m_faults->statsJson() : QJsonObject();
}

const WriteLedger *Emulator::ledger() const
{
    return m_iv ? &m_iv->ledger() : nullptr;
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
