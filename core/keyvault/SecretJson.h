// Key Vault's JSON (reference §17) to and from our secret types.
#pragma once

#include "common/Result.h"
#include "keyvault/SecretTypes.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace ivcore {

// One page of List Secrets / List Versions.
struct SecretPage
{
    QList<SecretItem> items;
    QUrl nextLink; // empty on the last page
};

// A SecretBundle body; `keepValue` false drops the value (setSecret's answer).
Result<SecretBundle> parseSecretBundle(const QByteArray &body, bool keepValue);

Result<SecretPage> parseSecretPage(const QByteArray &body);

// The PUT body of Set Secret: {"value", "contentType"?, "attributes"?}.
QByteArray secretWriteBody(const QString &value, const SecretWriteOptions &options);

} // namespace ivcore
