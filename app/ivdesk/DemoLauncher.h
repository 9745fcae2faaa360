// Starts demo mode: the embedded emulator on its own thread, a demo profile
// pointing at it, and the dashboard; optionally renders one screenshot.
#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace ivemu {
class EmulatorHost;
struct EmulatorInfo;
} // namespace ivemu
namespace ivcore {
class Connection;
}
namespace ivui {
class DashboardWindow;
}

namespace ivdesk {

class DemoLauncher : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override;

    // With a path, the dashboard is rendered there once data is on screen and
    // finished() follows; without, the window stays until the user closes it.
    void start(quint32 seed, const QString &screenshotPath = {});

    ivui::DashboardWindow *window() const { return m_window.get(); }

signals:
    void finished(int exitCode);

private:
    void onEmulatorStarted(const ivemu::EmulatorInfo &info);
    void fail(const QString &reason);
    void takeScreenshot();

    ivemu::EmulatorHost *m_emulator;
    ivcore::Connection *m_connection = nullptr;
    std::unique_ptr<ivui::DashboardWindow> m_window;
    QString m_screenshotPath;
    int m_snapshotsSeen = 0;
};

} // namespace ivdesk
