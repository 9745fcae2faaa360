#include "keyvault/SecretReference.h"

#include "keyvault/SecretName.h"

namespace ivcore {

namespace {

constexpr qsizetype kMaxVaultNameLength = 24;

Problem parseProblem(const QString &text, const QString &cause)
{
    Problem p;
    p.kind = ProblemKind::Configuration;
    p.what = QStringLiteral("The secret reference “%1” is not valid").arg(text);
    p.cause = cause;
    p.fix =
        QStringLiteral("Write it as vault:///<secret name> or vault://<vault name>/<secret name>/<version>, "
                       "e.g. vault:///commerce-iv-01-secret.");
    return p;
}

QString vaultNameViolation(const QString &vault)
{
    if (vault.size() > kMaxVaultNameLength)
        return QStringLiteral("Vault name has %1 characters; at most 24 are allowed.").arg(vault.size());
    for (const QChar c : vault) {
        const bool ok =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!ok)
            return QStringLiteral("Vault name may only hold letters, digits and dashes; found “%1”.").arg(c);
    }
    return {};
}

} // namespace

Result<SecretReference> SecretReference::parse(const QString &input)
{
    const QString text = input.trimmed();
    const QLatin1String scheme("vault://");
    if (!text.startsWith(scheme, Qt::CaseInsensitive))
        return parseProblem(text, QStringLiteral("It does not start with vault://."));
    const QStringList parts = text.mid(scheme.size()).split(QLatin1Char('/'));

    SecretReference reference;
    if (parts.size() == 1) {
        reference.secretName = parts.at(0); // the two-slash spelling: vault://<name>
    } else if (parts.size() == 2 || parts.size() == 3) {
        reference.vaultName = parts.at(0);
        reference.secretName = parts.at(1);
        reference.version = parts.size() == 3 ? parts.at(2) : QString();
        if (parts.size() == 3 && reference.version.isEmpty())
            return parseProblem(text, QStringLiteral("The version after the last “/” is empty."));
    } else {
        return parseProblem(text,
                            QStringLiteral("It has too many “/” parts; at most vault, name and version."));
    }
    if (reference.secretName.isEmpty())
        return parseProblem(text, QStringLiteral("The secret name is missing."));
    for (const QString &violation :
         {vaultNameViolation(reference.vaultName), secretNameViolation(reference.secretName),
          reference.version.isEmpty() ? QString() : secretVersionViolation(reference.version)}) {
        if (!violation.isEmpty())
            return parseProblem(text, violation);
    }
    return reference;
}

QString SecretReference::toString() const
{
    QString text = QStringLiteral("vault://") + vaultName + QLatin1Char('/') + secretName;
    if (!version.isEmpty())
        text += QLatin1Char('/') + version;
    return text;
}

QUrl SecretReference::vaultUrl(const QUrl &recordVaultUrl) const
{
    if (vaultName.isEmpty())
        return recordVaultUrl;
    return QUrl(QStringLiteral("https://%1.vault.azure.net/").arg(vaultName.toLower()));
}

} // namespace ivcore
