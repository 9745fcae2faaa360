#include "ivemu/KeyVaultReplies.h"

#include <QJsonObject>

namespace ivemu::keyvault {

namespace {

QJsonObject attributesJson(const SecretAttributes &attributes)
{
    QJsonObject json{{QStringLiteral("enabled"), attributes.enabled}};
    if (attributes.notBefore)
        json.insert(QStringLiteral("nbf"), *attributes.notBefore);
    if (attributes.expires)
        json.insert(QStringLiteral("exp"), *attributes.expires);
    json.insert(QStringLiteral("created"), attributes.created);
    json.insert(QStringLiteral("updated"), attributes.updated);
    json.insert(QStringLiteral("recoveryLevel"), QStringLiteral("Recoverable+Purgeable"));
    json.insert(QStringLiteral("recoverableDays"), 90);
    return json;
}

} // namespace

QJsonObject secretItem(const QString &base, const QString &name, const SecretVersion &version,
                       bool withVersion)
{
    QString id = base + QStringLiteral("/secrets/") + name;
    if (withVersion)
        id += u'/' + version.version;
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("attributes"), attributesJson(version.attributes)}};
    if (!version.contentType.isEmpty())
        json.insert(QStringLiteral("contentType"), version.contentType);
    json.insert(QStringLiteral("tags"), version.tags);
    return json;
}

QJsonObject secretBundle(const QString &base, const QString &name, const SecretVersion &version)
{
    QJsonObject json = secretItem(base, name, version, true);
    json.insert(QStringLiteral("value"), version.value);
    return json;
}

HttpReply error(int status, const QString &code, const QString &message, const QString &innerCode)
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!innerCode.isEmpty())
        error.insert(QStringLiteral("innererror"), QJsonObject{{QStringLiteral("code"), innerCode}});
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}), status);
}

HttpReply badParameter(const QString &message)
{
    // Live traffic says BadParameter; the docs' sample says BadArgument (§17).
    return error(400, QStringLiteral("BadParameter"), message);
}

HttpReply secretNotFound(const QString &nameOrId)
{
    return error(
        404, QStringLiteral("SecretNotFound"),
        QStringLiteral("A secret with (name/id) %1 was not found in this key vault. If you recently "
                       "deleted this secret you may be able to recover it using the correct recovery "
                       "command. For help resolving this issue, please see "
                       "https://go.microsoft.com/fwlink/?linkid=2125182")
            .arg(nameOrId));
}

} // namespace ivemu::keyvault
