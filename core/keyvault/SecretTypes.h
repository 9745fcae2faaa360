// What Key Vault says about a secret (reference §17). Lists carry SecretItem
// (never a value); only a get returns a SecretBundle with the value.
#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace ivcore {

// Where a version stands against its nbf..exp window. Key Vault has been seen
// serving versions outside the window with 200, so the client judges itself.
enum class SecretValidity
{
    Valid,
    NotYetValid,
    Expired,
};

struct SecretItem
{
    QString id;      // {vault}/secrets/{name}[/{version}]
    QString name;    // from the id
    QString version; // from the id; empty for items of listSecrets()
    bool enabled = true;
    std::optional<QDateTime> notBefore; // attributes.nbf
    std::optional<QDateTime> expires;   // attributes.exp
    QDateTime created;
    QDateTime updated;
    QString contentType;

    SecretValidity validityAt(const QDateTime &now) const
    {
        if (expires && now >= *expires)
            return SecretValidity::Expired;
        if (notBefore && now < *notBefore)
            return SecretValidity::NotYetValid;
        return SecretValidity::Valid;
    }
};

struct SecretBundle : SecretItem
{
    QString value; // filled by getSecret only; never logged, never put in a Problem
};

// The optional parts of a setSecret call (attributes and content type).
struct SecretWriteOptions
{
    QString contentType;
    std::optional<bool> enabled;
    std::optional<QDateTime> notBefore;
    std::optional<QDateTime> expires;
};

} // namespace ivcore
