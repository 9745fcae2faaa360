// iv-emulator: the IV emulator as a standalone local service on 127.0.0.1.
#include "ivemu/Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

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

std::optional<int> intOption(const QCommandLineParser &parser, const QCommandLineOption &option, int min,
                             int max)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iv-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IVDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local Dynamics 365 Inventory Visibility emulator: Entra token, IV token exchange and IV "
        "queries over plain HTTP on 127.0.0.1, with a seeded demo estate."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on (0 = any free port)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the demo estate."),
                                  QStringLiteral("S"), QStringLiteral("42"));
    const QCommandLineOption noTraffic(QStringLiteral("no-traffic"),
                                       QStringLiteral("Do not simulate sales and receipts."));
    const QCommandLineOption lifetime(QStringLiteral("token-lifetime"),
                                      QStringLiteral("Lifetime of issued tokens in seconds."),
                                      QStringLiteral("SEC"), QStringLiteral("3600"));
    parser.addOptions({port, seed, noTraffic, lifetime});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto portValue = intOption(parser, port, 0, 65535);
    const auto lifetimeValue = intOption(parser, lifetime, 1, 86400 * 7);
    bool seedOk = false;
    const quint32 seedValue = parser.value(seed).toUInt(&seedOk);
    if (!portValue || !lifetimeValue || !seedOk) {
        err << "iv-emulator: --port must be 0..65535, --seed a non-negative integer and --token-lifetime "
               "1..604800 "
               "seconds.\n";
        return 1;
    }

    ivemu::EmulatorConfig config;
    config.port = quint16(*portValue);
    config.seed = seedValue;
    config.simulateTraffic = !parser.isSet(noTraffic);
    config.tokenLifetimeSeconds = *lifetimeValue;

    ivemu::Emulator emulator;
    if (const QString error = emulator.start(config); !error.isEmpty()) {
        err << "iv-emulator: " << error << '\n';
        err << "iv-emulator: run with --port <another port>, or --port 0 for any free port.\n";
        return 1;
    }
    quitOnSignals(app);

    const ivemu::EmulatorInfo info = emulator.info();
    const auto url = [](const QUrl &u) {
        return u.toString();
    };
    const ivemu::DemoCredentials &c = info.credentials;
    out << "iv-emulator " << QCoreApplication::applicationVersion() << ": seed " << config.seed
        << ", traffic " << (config.simulateTraffic ? "on" : "off") << ", tokens valid "
        << config.tokenLifetimeSeconds << " s\n"
        << "  Entra authority:    " << url(info.endpoints.authority)
        << "   (POST {authority}/{tenantId}/oauth2/v2.0/token)\n"
        << "  Security service:   " << url(info.endpoints.securityServiceTokenUrl)
        << "   (answers 307 to the gateway)\n"
        << "  IV endpoint:        " << url(info.endpoints.ivEndpoint)
        << "   (/api/environment/{environmentId}/...)\n"
        << "  Tenant ID:          " << c.tenantId << '\n'
        << "  Client ID:          " << c.clientId << '\n'
        << "  Client secret:      " << c.clientSecret << '\n'
        << "  Environment ID:     " << c.environmentId << '\n'
        << "  Legal entity:       usrt, " << info.locations.size() << " locations, " << info.products.size()
        << " products\n"
        << "Try: curl -s " << url(info.endpoints.authority) << '/' << c.tenantId
        << "/oauth2/v2.0/token -d grant_type=client_credentials -d client_id=" << c.clientId
        << " --data-urlencode 'client_secret=" << c.clientSecret
        << "' --data-urlencode 'scope=0cdb527f-a8d1-4bf8-9436-b352c68682b2/.default'\n"
        << "Press Ctrl+C to stop.\n";
    out.flush();

    const int status = QCoreApplication::exec();
    out << "iv-emulator: stopped.\n";
    return status;
}
