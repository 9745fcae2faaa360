#include "keyvault/SecretName.h"

namespace ivcore {

namespace {

constexpr qsizetype kMaxNameLength = 127;
constexpr qsizetype kVersionLength = 32;

bool isAsciiLetterOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

QString firstBadCharacter(const QString &text, bool dashAllowed)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isAsciiLetterOrDigit(c) && !(dashAllowed && c == u'-'))
            return QStringLiteral("“%1” at position %2").arg(c).arg(i + 1);
    }
    return {};
}

} // namespace

QString secretNameViolation(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("Secret name is empty; it needs 1–127 letters, digits or dashes.");
    if (name.size() > kMaxNameLength)
        return QStringLiteral("Secret name has %1 characters; at most 127 are allowed.").arg(name.size());
    const QString bad = firstBadCharacter(name, true);
    if (!bad.isEmpty())
        return QStringLiteral("Secret name may only hold letters, digits and dashes; found %1.").arg(bad);
    return {};
}

QString secretVersionViolation(const QString &version)
{
    const QString bad = firstBadCharacter(version, false);
    if (version.size() != kVersionLength || !bad.isEmpty())
        return QStringLiteral(
                   "Secret version must be 32 letters or digits (as in the secret's identifier)%1.")
            .arg(bad.isEmpty() ? QString() : QStringLiteral("; found ") + bad);
    return {};
}

std::optional<Problem> problemFromSecretName(const QString &name, const QString &version)
{
    QString violation = secretNameViolation(name);
    if (violation.isEmpty() && !version.isEmpty())
        violation = secretVersionViolation(version);
    if (violation.isEmpty())
        return std::nullopt;
    Problem p;
    p.kind = ProblemKind::Configuration;
    p.what = QStringLiteral("The secret reference is not valid");
    p.cause = violation;
    p.fix = QStringLiteral("Copy the name (and version) from the vault's Secrets page, e.g. "
                           "commerce-iv-01-secret.");
    return p;
}

} // namespace ivcore
