// One Azure Key Vault's secrets (§17): every set adds a version, each version
// has its own attributes, and who may do what depends on the vault's
// permission model (Azure RBAC roles or access policies, CASE-11).
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ivemu {

enum VaultPermission
{
    SecretsGet = 1,
    SecretsList = 2,
    SecretsSet = 4
};

struct SecretAttributes
{
    bool enabled = true;
    std::optional<qint64> notBefore; // `nbf`, Unix seconds
    std::optional<qint64> expires;   // `exp`, Unix seconds
    qint64 created = 0;
    qint64 updated = 0;
};

struct SecretVersion
{
    QString version; // 32 lowercase hex digits
    QString value;
    QString contentType;
    QJsonObject tags;
    SecretAttributes attributes;
};

class SecretVault
{
public:
    enum class Model
    {
        Rbac,
        AccessPolicy
    };

    SecretVault(QString name, Model model);

    const QString &name() const { return m_name; }
    Model model() const { return m_model; }

    // `principal` is an app's client ID or a user's UPN, in any case.
    void allow(const QString &principal, int permissions);
    int permissionsOf(const QString &principal) const;

    // A new version of `name` (created if needed); version, created and updated are filled in.
    const SecretVersion &set(const QString &name, SecretVersion version, const QDateTime &now);
    // The newest version, or a given one; nullptr if unknown. Names are case-insensitive.
    const SecretVersion *find(const QString &name, const QString &version = {}) const;
    // Secret names as first written, sorted case-insensitively.
    QStringList names() const;
    // Every version of a secret, oldest first (empty if unknown).
    QList<SecretVersion> versions(const QString &name) const;
    // The name as first written; empty if unknown.
    QString displayName(const QString &name) const;
    // Test hook: enable or disable one version (the newest if `version` is empty).
    bool setEnabled(const QString &name, const QString &version, bool enabled, const QDateTime &now);
    // A version to change in place (Update Secret); nullptr if unknown.
    SecretVersion *edit(const QString &name, const QString &version);

private:
    struct Secret
    {
        QString displayName;
        QList<SecretVersion> versions; // oldest first
    };

    QString m_name;
    Model m_model;
    QHash<QString, int> m_permissions; // by lower-case principal
    QHash<QString, Secret> m_secrets;  // by lower-case name
};

} // namespace ivemu
