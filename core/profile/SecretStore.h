// Secrets live in the OS keychain (Secret Service, Keychain, Credential
// Manager) through QtKeychain, asynchronously, under one service name. "Not
// stored yet" and "keychain unavailable" are different answers: a failed read
// must never be taken for an empty one.
#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace ivcore {

enum class SecretStatus
{
    Ok,
    NotFound,    // the keychain works but holds no such entry
    Unavailable, // no keychain service (no session bus, no backend)
    Denied,      // the user or the system refused access
    Failed,      // any other backend error
};

struct SecretResult
{
    SecretStatus status = SecretStatus::Failed;
    QString secret;  // only for a successful read
    QString message; // for people, when status is not Ok
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QString service = QStringLiteral(IVDESK_APPLICATION_ID), QObject *parent = nullptr);

    void write(const QString &key, const QString &secret, QObject *context, Callback done);
    void read(const QString &key, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace ivcore
