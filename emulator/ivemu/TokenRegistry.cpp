#include "ivemu/TokenRegistry.h"

#include <QRandomGenerator>

namespace ivemu {

QString TokenRegistry::issue(TokenGrant grant, int lifetimeSeconds)
{
    // Forget expired tokens so a long-running demo does not grow without bound.
    const QDateTime current = now();
    m_tokens.removeIf([&](QHash<QString, TokenGrant>::iterator it) { return it->expiresAt <= current; });

    // Tokens are deliberately not JWTs: clients must treat them as opaque.
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QString token =
        QStringLiteral("ivemu.") +
        QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    grant.expiresAt = current.addSecs(lifetimeSeconds);
    m_tokens.insert(token, std::move(grant));
    return token;
}

std::optional<TokenGrant> TokenRegistry::find(const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd() || it->expiresAt <= now())
        return std::nullopt;
    return *it;
}

QDateTime TokenRegistry::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_offset.count());
}

} // namespace ivemu
