// A bearer token with the lifetime the issuer gave it.
#pragma once

#include <QByteArray>
#include <QDateTime>

namespace ivcore {

struct AccessToken
{
    QByteArray value; // never logged, never written to disk
    QDateTime obtainedAt;
    QDateTime expiresAt;

    // Refresh once 80 % of the lifetime has passed, so a request never leaves
    // with a token about to expire (lifetimes of 1200 s and 3600 s are seen).
    QDateTime refreshAt() const
    {
        const qint64 lifetime = obtainedAt.secsTo(expiresAt);
        return obtainedAt.addSecs(lifetime * 4 / 5);
    }
    bool isUsableAt(const QDateTime &now) const { return !value.isEmpty() && now < refreshAt(); }
};

} // namespace ivcore
