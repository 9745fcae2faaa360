#include "ivemu/SecretVault.h"

#include <QUuid>
#include <algorithm>

namespace ivemu {

SecretVault::SecretVault(QString name, Model model) : m_name(std::move(name)), m_model(model) {}

void SecretVault::allow(const QString &principal, int permissions)
{
    m_permissions[principal.toLower()] |= permissions;
}

int SecretVault::permissionsOf(const QString &principal) const
{
    return m_permissions.value(principal.toLower(), 0);
}

const SecretVersion &SecretVault::set(const QString &name, SecretVersion version, const QDateTime &now)
{
    Secret &secret = m_secrets[name.toLower()];
    if (secret.displayName.isEmpty())
        secret.displayName = name;
    version.version = QUuid::createUuid().toString(QUuid::Id128);
    version.attributes.created = now.toSecsSinceEpoch();
    version.attributes.updated = version.attributes.created;
    secret.versions.append(std::move(version));
    return secret.versions.constLast();
}

const SecretVersion *SecretVault::find(const QString &name, const QString &version) const
{
    const auto it = m_secrets.constFind(name.toLower());
    if (it == m_secrets.constEnd() || it->versions.isEmpty())
        return nullptr;
    if (version.isEmpty())
        return &it->versions.constLast();
    for (const SecretVersion &candidate : it->versions)
        if (candidate.version.compare(version, Qt::CaseInsensitive) == 0)
            return &candidate;
    return nullptr;
}

SecretVersion *SecretVault::edit(const QString &name, const QString &version)
{
    return const_cast<SecretVersion *>(std::as_const(*this).find(name, version));
}

QStringList SecretVault::names() const
{
    QStringList names;
    for (const Secret &secret : m_secrets)
        names.append(secret.displayName);
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return names;
}

QList<SecretVersion> SecretVault::versions(const QString &name) const
{
    return m_secrets.value(name.toLower()).versions;
}

QString SecretVault::displayName(const QString &name) const
{
    return m_secrets.value(name.toLower()).displayName;
}

bool SecretVault::setEnabled(const QString &name, const QString &version, bool enabled, const QDateTime &now)
{
    SecretVersion *found = edit(name, version);
    if (!found)
        return false;
    found->attributes.enabled = enabled;
    found->attributes.updated = now.toSecsSinceEpoch();
    return true;
}

} // namespace ivemu
