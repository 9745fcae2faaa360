// Runs an Emulator on a thread of its own, so that a GUI embedding it never
// waits on the (single-threaded) HTTP server.
#pragma once

#include "ivemu/EmulatorTypes.h"

#include <QObject>
#include <QThread>

namespace ivemu {

class Emulator;

class EmulatorHost : public QObject
{
    Q_OBJECT
public:
    explicit EmulatorHost(QObject *parent = nullptr);
    ~EmulatorHost() override; // stops the server and joins the thread

    // Starts the thread and the server; answers with started() or failed()
    // asynchronously, never blocking the caller's thread.
    void start(const EmulatorConfig &config);

signals:
    void started(const ivemu::EmulatorInfo &info);
    void failed(const QString &reason);

private:
    QThread m_thread;
    Emulator *m_emulator = nullptr; // lives on m_thread, deleted when it finishes
};

} // namespace ivemu
