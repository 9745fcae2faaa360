// iv-emulator: the IV emulator as a standalone local service on 127.0.0.1.
#include "ivemu/Emulator.h"
#include "ivemu/FaultPlan.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

// Signal handlers may only do async-signal-safe work: write one byte and let
// the event loop quit cleanly (the self-pipe pattern from Qt's documentation).
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
#else
void quitOnSignals(QCoreApplication &) {} // Ctrl+C ends the process; there is nothing to flush
#endif

std::optional<int> intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int min,
                             int max)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

QCommandLineOption option(const char *name, const char *help, const char *valueName = nullptr,
                          const char *defaultValue = nullptr)
{
    QCommandLineOption result{QString::fromLatin1(name), QString::fromLatin1(help)};
    if (valueName)
        result.setValueName(QLatin1String(valueName));
    if (defaultValue)
        result.setDefaultValue(QLatin1String(defaultValue));
    return result;
}

void printBanner(QTextStream &out, const ivemu::EmulatorConfig &config, const ivemu::EmulatorInfo &info)
{
    const auto url = [](const QUrl &u) {
        return u.toString();
    };
    const QString base = url(info.endpoints.ivEndpoint);
    const ivemu::DemoCredentials &c = info.credentials;
    out << "iv-emulator " << QCoreApplication::applicationVersion() << ": seed " << config.seed
        << ", traffic "
        << (config.simulateTraffic ? QStringLiteral("every %1 ms").arg(config.trafficIntervalMs)
                                   : QStringLiteral("off"))
        << ", tokens valid " << config.tokenLifetimeSeconds << " s, body limit " << config.maxBodyBytes
        << " bytes\n"
        << "  Entra authority:    " << url(info.endpoints.authority)
        << "   (POST {authority}/{tenantId}/oauth2/v2.0/token)\n"
        << "  Security service:   " << url(info.endpoints.securityServiceTokenUrl)
        << "   (answers 307 to the gateway)\n"
        << "  IV endpoint:        " << base << "   (/api/environment/{environmentId}/...)\n";
    if (!info.endpoints.keyVault.isEmpty())
        out << "  Key Vault (RBAC):   " << url(info.endpoints.keyVault) << '\n';
    if (!info.endpoints.accessPolicyKeyVault.isEmpty())
        out << "  Key Vault (policy): " << url(info.endpoints.accessPolicyKeyVault) << '\n';
    out << "  Faults (admin):     " << base << "/_emulator/faults   (GET, POST, DELETE)\n"
        << "  Request counts:     " << base << "/_emulator/stats\n"
        << "  Write ledger:       " << base << "/_emulator/ledger\n"
        << "  Tenant ID:          " << c.tenantId << '\n'
        << "  Client ID:          " << c.clientId << '\n'
        << "  Client secret:      " << c.clientSecret << '\n'
        << "  Environment ID:     " << c.environmentId << '\n';
    if (!c.vaultClientId.isEmpty())
        out << "  Vault reader app:   " << c.vaultClientId << " / " << c.vaultClientSecret << '\n'
            << "  Vault admin app:    " << c.adminClientId << " / " << c.adminClientSecret << '\n'
            << "  Vault secret name:  " << c.vaultSecretName << '\n';
    if (!c.publicClientId.isEmpty())
        out << "  Device-code client: " << c.publicClientId << " (signs in as " << c.adminUser << ")\n";
    out << "  Legal entity:       usrt, " << info.locations.size() << " locations, " << info.products.size()
        << " products\n";
    for (const QString &fault : config.faults)
        out << "  Fault:              " << fault << '\n';
    out << "Try: curl -s " << url(info.endpoints.authority) << '/' << c.tenantId
        << "/oauth2/v2.0/token -d grant_type=client_credentials -d client_id=" << c.clientId
        << " --data-urlencode 'client_secret=" << c.clientSecret
        << "' --data-urlencode 'scope=0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default'\n"
        << "Press Ctrl+C to stop.\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iv-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IVDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local Dynamics 365 Inventory Visibility emulator: Entra token, IV token exchange and "
                       "the IV data plane over plain HTTP on 127.0.0.1, with a seeded demo estate.\n\n"
                       "Faults (--fault, repeatable; also at run time: POST /_emulator/faults):\n") +
        ivemu::faults::syntaxHelp() +
        QStringLiteral("Examples: --fault indexquery=warmupx3   --fault '*=latency:200'   "
                       "--fault token=429:5@0.1"));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto port = option("port", "Port to listen on (0 = any free port).", "N", "0");
    const auto seed =
        option("seed", "Seed of the demo estate, its traffic and fault probabilities.", "S", "42");
    const auto noTraffic = option("no-traffic", "Do not simulate sales and receipts.");
    const auto interval = option("traffic-interval", "Milliseconds between two traffic ticks.", "MS", "1000");
    const auto lifetime = option("token-lifetime", "Lifetime of issued tokens in seconds.", "SEC", "3600");
    const auto fault =
        option("fault", "A fault rule ROUTE=KIND[:PARAM][@PROBABILITY][xCOUNT] (see above).", "RULE");
    const auto bodyLimit =
        option("max-body-bytes", "Request bodies larger than this get 413.", "BYTES", "8388608");
    const auto autoApprove = option("device-code-auto-approve",
                                    "Approve device-code sign-ins after SEC seconds (-1 = only through the "
                                    "admin endpoint).",
                                    "SEC", "-1");
    const auto stores = option("stores",
                               "Stores in the estate (12 = the demo estate, up to 200; one "
                               "distribution centre per six stores).",
                               "N", "12");
    const auto products =
        option("products", "Catalogue items (300 = the demo catalogue, up to 2000).", "N", "300");
    const auto legacyLimits =
        option("legacy-query-limits", "Enforce the older query limits (100 site x location combinations, 100 "
                                      "products) instead of 10,000 and 5,000.");
    const auto omitUntouched = option("omit-untouched-measures",
                                      "Leave measures that no event ever touched out of query answers, as "
                                      "some real responses do.");
    parser.addOptions({port, seed, noTraffic, interval, lifetime, fault, bodyLimit, autoApprove, stores,
                       products, legacyLimits, omitUntouched});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto portValue = intOption(parser, port, 0, 65535);
    const auto intervalValue = intOption(parser, interval, 10, 3'600'000);
    const auto lifetimeValue = intOption(parser, lifetime, 1, 86400 * 7);
    const auto autoApproveValue = intOption(parser, autoApprove, -1, 86400);
    const auto storesValue = intOption(parser, stores, 1, 200);
    const auto productsValue = intOption(parser, products, 1, 2000);
    bool seedOk = false;
    const quint32 seedValue = parser.value(seed).toUInt(&seedOk);
    bool bodyLimitOk = false;
    const qint64 bodyLimitValue = parser.value(bodyLimit).toLongLong(&bodyLimitOk);
    // Name the one option that is wrong, its value and the range it takes.
    const struct
    {
        bool ok;
        const char *name;
        const char *range;
    } checks[] = {
        {portValue.has_value(), "port", "0..65535"},
        {seedOk, "seed", "a whole number 0..4294967295"},
        {intervalValue.has_value(), "traffic-interval", "10..3600000 ms"},
        {lifetimeValue.has_value(), "token-lifetime", "1..604800 s"},
        {bodyLimitOk && bodyLimitValue >= 1, "max-body-bytes", "a positive number of bytes"},
        {autoApproveValue.has_value(), "device-code-auto-approve", "-1..86400 s"},
        {storesValue.has_value(), "stores", "1..200"},
        {productsValue.has_value(), "products", "1..2000"},
    };
    for (const auto &check : checks) {
        if (!check.ok) {
            err << "iv-emulator: --" << check.name << " '" << parser.value(QString::fromLatin1(check.name))
                << "' is not valid; it takes " << check.range << ".\n";
            return 1;
        }
    }

    ivemu::EmulatorConfig config;
    config.port = quint16(*portValue);
    config.seed = seedValue;
    config.simulateTraffic = !parser.isSet(noTraffic);
    config.trafficIntervalMs = *intervalValue;
    config.tokenLifetimeSeconds = *lifetimeValue;
    config.faults = parser.values(fault);
    config.maxBodyBytes = bodyLimitValue;
    config.deviceCodeAutoApproveSeconds = *autoApproveValue;
    config.storeCount = *storesValue;
    config.productCount = *productsValue;
    config.legacyQueryLimits = parser.isSet(legacyLimits);
    config.omitUntouchedMeasures = parser.isSet(omitUntouched);

    ivemu::Emulator emulator;
    if (const QString error = emulator.start(config); !error.isEmpty()) {
        err << "iv-emulator: " << error << '\n';
        if (error.contains(QLatin1String("listen")))
            err << "iv-emulator: run with --port <another port>, or --port 0 for any free port.\n";
        return 1;
    }
    quitOnSignals(app);
    printBanner(out, config, emulator.info());
    out.flush();

    const int status = QCoreApplication::exec();
    out << "iv-emulator: stopped.\n";
    return status;
}
