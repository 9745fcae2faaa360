// ivdesk: the desktop app. `ivdesk --demo` runs on the embedded emulator;
// `--screenshot FILE` renders the dashboard once data has arrived and exits.
#include "DemoLauncher.h"
#include "common/Theme.h"
#include "dashboard/WelcomeWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <cstdio>

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "ivdesk: %s\n", qPrintable(message));
}

// Without a display Qt would abort with a cryptic plugin error: say what to do.
bool hasDisplayOrPlatform()
{
#if defined(Q_OS_LINUX)
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

} // namespace

int main(int argc, char **argv)
{
    // Without a display, start offscreen so --help, --version, argument errors
    // and --screenshot still work; refuse only when a window is really wanted.
    const bool noDisplay = !hasDisplayOrPlatform();
    if (noDisplay)
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ivdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ivdesk"));
    QApplication::setOrganizationName(QStringLiteral("ivdesk"));
    QApplication::setApplicationVersion(QStringLiteral(IVDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(IVDESK_APPLICATION_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/ivdesk/icons/ivdesk.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Setup wizard and live stock dashboard for Dynamics 365 Inventory Visibility."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Explore with demo data from the built-in Inventory Visibility emulator."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral(
            "Render the dashboard to <file> (PNG; missing folders are created) once data has arrived, "
            "then exit. Works without a display."),
        QStringLiteral("file"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the demo estate."),
                                        QStringLiteral("number"), QStringLiteral("42"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QStringLiteral("Look of the window: system, light or dark."),
                                         QStringLiteral("name"), QStringLiteral("system"));
    parser.addOptions({demoOption, screenshotOption, seedOption, themeOption});
    parser.process(app);

    const auto theme = ivui::themeFromName(parser.value(themeOption));
    if (!theme) {
        printError(QStringLiteral("--theme must be system, light or dark, not '%1'.")
                       .arg(parser.value(themeOption)));
        return 2;
    }
    ivui::applyTheme(app, *theme);

    const QString screenshotPath = parser.value(screenshotOption);
    if (noDisplay && screenshotPath.isEmpty()) {
        printError(
            QStringLiteral("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                           "  To see the window, run it under a virtual display:  xvfb-run -a ivdesk --demo\n"
                           "  To get a picture instead:  ivdesk --demo --screenshot dashboard.png"));
        return 2;
    }
    bool seedOk = false;
    const quint32 seed = parser.value(seedOption).toUInt(&seedOk);
    if (!seedOk) {
        printError(QStringLiteral("--seed must be a whole number from 0 to 4294967295, not '%1'.")
                       .arg(parser.value(seedOption)));
        return 2;
    }
    if (!parser.isSet(demoOption)) {
        if (!screenshotPath.isEmpty()) {
            printError(
                QStringLiteral("--screenshot needs a connection; add --demo to render the demo dashboard."));
            return 2;
        }
        auto *welcome = new ivui::WelcomeWindow;
        welcome->setAttribute(Qt::WA_DeleteOnClose);
        auto *demo = new ivdesk::DemoLauncher(&app);
        QObject::connect(welcome, &ivui::WelcomeWindow::demoRequested, demo, [welcome, demo, seed] {
            // hide(), not close(): closing the last window would quit the app.
            welcome->hide();
            welcome->deleteLater();
            demo->start(seed);
        });
        welcome->show();
        const int code = QApplication::exec();
        delete demo;
        return code;
    }

    auto *demo = new ivdesk::DemoLauncher(&app);
    QObject::connect(demo, &ivdesk::DemoLauncher::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    demo->start(seed, screenshotPath);
    const int code = QApplication::exec();
    delete demo; // its window goes before the emulator thread stops
    return code;
}
