// Opaque bearer tokens with an expiry measured on the emulator's own clock,
// which tests move forward instead of sleeping (§2.4).
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <chrono>
#include <optional>

namespace ivemu {

struct TokenGrant
{
    QString audience; // resource the token is for (Entra) or "iv" (IV tokens)
    QString tenantId;
    QString clientId;
    QString environmentId; // IV tokens only
    QDateTime expiresAt;
    QString subject = {}; // who the token speaks for: a user's UPN (device code); empty for an app (clientId)
};

class TokenRegistry
{
public:
    // Issues a token for `grant` valid for `lifetimeSeconds` from now().
    QString issue(TokenGrant grant, int lifetimeSeconds);

    // The grant of a known token that has not expired yet.
    std::optional<TokenGrant> find(const QString &token) const;

    QDateTime now() const;
    void advanceClock(std::chrono::seconds by) { m_offset += by; }
    // The "expire-tokens" fault: every live token for `audience` ("iv") expires now.
    void expireAll(const QString &audience)
    {
        const QDateTime current = now();
        for (TokenGrant &grant : m_tokens)
            if (grant.audience == audience && grant.expiresAt > current)
                grant.expiresAt = current;
    }

private:
    QHash<QString, TokenGrant> m_tokens;
    std::chrono::seconds m_offset{0};
};

} // namespace ivemu
