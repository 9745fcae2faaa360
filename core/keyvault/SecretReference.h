// SCM's "Key Vault parameters" secret reference (reference §18):
// vault://<vault>/<name>/<version>, vault and version optional. Both short
// spellings are read (vault:///name and vault://name); we write three slashes.
#pragma once

#include "common/Result.h"

#include <QString>
#include <QUrl>

namespace ivcore {

struct SecretReference
{
    QString vaultName; // empty: the record's Key Vault URL applies
    QString secretName;
    QString version; // empty: the latest version

    static Result<SecretReference> parse(const QString &text);

    // vault:///name, or vault://vault/name[/version] when they are set.
    QString toString() const;

    // https://{vaultName}.vault.azure.net/ when the reference names a vault,
    // else the record's URL.
    QUrl vaultUrl(const QUrl &recordVaultUrl) const;
};

} // namespace ivcore
