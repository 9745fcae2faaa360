#include "ivemu/EmulatorHost.h"

#include "ivemu/Emulator.h"

namespace ivemu {

EmulatorHost::EmulatorHost(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ivemu::EmulatorInfo>();
    m_thread.setObjectName(QStringLiteral("ivemu"));
}

EmulatorHost::~EmulatorHost()
{
    // The emulator is deleted on its own thread (finished -> deleteLater), so
    // its sockets and timers die where they live.
    m_thread.quit();
    m_thread.wait();
}

void EmulatorHost::start(const EmulatorConfig &config)
{
    if (m_emulator) {
        QMetaObject::invokeMethod(
            this, [this] { emit failed(QStringLiteral("The emulator has already been started.")); },
            Qt::QueuedConnection);
        return;
    }
    m_emulator = new Emulator; // no parent: it moves to m_thread
    m_emulator->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_emulator, &QObject::deleteLater);
    m_thread.start();

    // Start on the emulator's thread; answer on ours. A queued call to `this`
    // is dropped if the host is destroyed first.
    Emulator *emulator = m_emulator;
    QMetaObject::invokeMethod(emulator, [this, emulator, config] {
        const QString error = emulator->start(config);
        if (error.isEmpty()) {
            const EmulatorInfo info = emulator->info();
            QMetaObject::invokeMethod(
                this, [this, info] { emit started(info); }, Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
        }
    });
}

} // namespace ivemu
