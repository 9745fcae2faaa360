#include "DemoLauncher.h"

#include "DemoProfile.h"
#include "ScreenshotWriter.h"
#include "dashboard/DashboardWindow.h"
#include "iv/Connection.h"
#include "ivemu/EmulatorHost.h"
#include "monitor/StorePoller.h"

#include <QDir>
#include <QTimer>
#include <cstdio>

namespace ivdesk {

namespace {
constexpr int kScreenshotDeadlineMs = 60000;
constexpr int kSettleMs = 400; // layout settles
} // namespace

DemoLauncher::DemoLauncher(QObject *parent) : QObject(parent), m_emulator(new ivemu::EmulatorHost(this))
{
    connect(m_emulator, &ivemu::EmulatorHost::started, this, &DemoLauncher::onEmulatorStarted);
    connect(m_emulator, &ivemu::EmulatorHost::failed, this,
            [this](const QString &reason) { fail(tr("The demo service could not start: %1").arg(reason)); });
}

DemoLauncher::~DemoLauncher()
{
    m_window.reset(); // the window's polls end before the emulator thread does
}

void DemoLauncher::start(quint32 seed, const QString &screenshotPath)
{
    m_screenshotPath = screenshotPath;
    if (!m_screenshotPath.isEmpty()) {
        QTimer::singleShot(kScreenshotDeadlineMs, this, [this] {
            fail(tr("No data arrived within %1 s; no screenshot was written.")
                     .arg(kScreenshotDeadlineMs / 1000));
        });
    }
    ivemu::EmulatorConfig config;
    config.seed = seed;
    m_emulator->start(config);
}

void DemoLauncher::onEmulatorStarted(const ivemu::EmulatorInfo &info)
{
    const ivcore::Profile profile = demoProfile(info);
    // The demo secret is the emulator's; like any secret it stays in memory only.
    m_connection = new ivcore::Connection(profile, info.credentials.clientSecret, this);
    m_window = std::make_unique<ivui::DashboardWindow>(profile, m_connection->iv(), m_connection->tokens());
    if (!m_screenshotPath.isEmpty()) {
        // Wait for the poll after the first, so the picture shows changed cells too.
        connect(m_window->poller(), &ivcore::StorePoller::snapshotReady, this, [this] {
            if (++m_snapshotsSeen == 2)
                QTimer::singleShot(kSettleMs, this, &DemoLauncher::takeScreenshot);
        });
    }
    m_window->show();
}

void DemoLauncher::takeScreenshot()
{
    const QString error = writeScreenshot(m_window.get(), m_screenshotPath);
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    std::printf("ivdesk: wrote %s\n", qPrintable(QDir::toNativeSeparators(m_screenshotPath)));
    std::fflush(stdout);
    emit finished(0);
}

void DemoLauncher::fail(const QString &reason)
{
    std::fprintf(stderr, "ivdesk: %s\n", qPrintable(reason));
    emit finished(1);
}

} // namespace ivdesk
