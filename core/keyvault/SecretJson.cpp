#include "keyvault/SecretJson.h"

#include "common/JsonValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ivcore {

namespace {

Problem malformed(const QString &what)
{
    Problem p;
    p.kind = ProblemKind::Service;
    p.what = what;
    p.cause = QStringLiteral("Key Vault's answer could not be read.");
    p.fix =
        QStringLiteral("Check that the Key Vault URL points at a vault (https://<name>.vault.azure.net/).");
    return p;
}

std::optional<QDateTime> unixTime(const QJsonValue &value)
{
    const auto seconds = jsonNumber(value);
    if (!seconds)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(*seconds), Qt::UTC);
}

// Name and version sit after the "secrets" segment of the id.
void readIdentifier(const QString &id, SecretItem &item)
{
    const QStringList segments = QUrl(id).path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const qsizetype at = segments.lastIndexOf(QStringLiteral("secrets"));
    if (at < 0)
        return;
    item.name = segments.value(at + 1);
    item.version = segments.value(at + 2);
}

SecretItem parseItem(const QJsonObject &object)
{
    SecretItem item;
    item.id = object.value(QLatin1String("id")).toString();
    readIdentifier(item.id, item);
    item.contentType = object.value(QLatin1String("contentType")).toString();
    const QJsonObject attributes = object.value(QLatin1String("attributes")).toObject();
    item.enabled = attributes.value(QLatin1String("enabled")).toBool(true);
    item.notBefore = unixTime(attributes.value(QLatin1String("nbf")));
    item.expires = unixTime(attributes.value(QLatin1String("exp")));
    item.created = unixTime(attributes.value(QLatin1String("created"))).value_or(QDateTime());
    item.updated = unixTime(attributes.value(QLatin1String("updated"))).value_or(QDateTime());
    return item;
}

} // namespace

Result<SecretBundle> parseSecretBundle(const QByteArray &body, bool keepValue)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (!object.value(QLatin1String("id")).isString())
        return malformed(QStringLiteral("Could not read the secret"));
    SecretBundle bundle;
    static_cast<SecretItem &>(bundle) = parseItem(object);
    if (keepValue)
        bundle.value = object.value(QLatin1String("value")).toString();
    return bundle;
}

Result<SecretPage> parseSecretPage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue values = object.value(QLatin1String("value"));
    if (!values.isArray())
        return malformed(QStringLiteral("Could not read the list of secrets"));
    SecretPage page;
    for (const QJsonValue &value : values.toArray())
        page.items.append(parseItem(value.toObject()));
    const QString next = object.value(QLatin1String("nextLink")).toString(); // null on the last page
    if (!next.isEmpty())
        page.nextLink = QUrl(next);
    return page;
}

QByteArray secretWriteBody(const QString &value, const SecretWriteOptions &options)
{
    QJsonObject body{{QStringLiteral("value"), value}};
    if (!options.contentType.isEmpty())
        body.insert(QStringLiteral("contentType"), options.contentType);
    QJsonObject attributes;
    if (options.enabled)
        attributes.insert(QStringLiteral("enabled"), *options.enabled);
    if (options.notBefore)
        attributes.insert(QStringLiteral("nbf"), options.notBefore->toSecsSinceEpoch());
    if (options.expires)
        attributes.insert(QStringLiteral("exp"), options.expires->toSecsSinceEpoch());
    if (!attributes.isEmpty())
        body.insert(QStringLiteral("attributes"), attributes);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace ivcore
