#include "ivemu/KeyVaultEndpoint.h"

#include "ivemu/Directory.h"
#include "ivemu/KeyVaultReplies.h"
#include "ivemu/TokenRegistry.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ivemu {

namespace {

constexpr int kMaxResults = 25;
constexpr qsizetype kMaxValueBytes = 25 * 1024;
const QString kLatestApiVersion = QStringLiteral("7.6");

bool isKnownApiVersion(const QString &version)
{
    for (const char *known : {"7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2016-10-01"})
        if (version == QLatin1String(known))
            return true;
    return false;
}

// Azure's naming rule for secrets (§17/§18): 1-127 letters, digits and dashes.
bool isValidSecretName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[0-9A-Za-z-]{1,127}$"));
    return rule.match(name).hasMatch();
}

QString actionOf(VaultPermission permission)
{
    switch (permission) {
    case SecretsGet:
        return QStringLiteral("Microsoft.KeyVault/vaults/secrets/getSecret/action");
    case SecretsList:
        return QStringLiteral("Microsoft.KeyVault/vaults/secrets/readMetadata/action");
    case SecretsSet:
        return QStringLiteral("Microsoft.KeyVault/vaults/secrets/setSecret/action");
    }
    return {};
}

QString verbOf(VaultPermission permission)
{
    return permission == SecretsGet    ? QStringLiteral("get")
           : permission == SecretsList ? QStringLiteral("list")
                                       : QStringLiteral("set");
}

std::optional<qint64> optionalSeconds(const QJsonValue &value, bool *ok)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble()) {
        *ok = false;
        return std::nullopt;
    }
    return qint64(value.toDouble());
}

// The optional properties of a set or update body; keys present replace, absent ones stay.
std::optional<HttpReply> applyProperties(const QJsonObject &json, SecretVersion *version)
{
    const QJsonValue contentType = json.value(QLatin1String("contentType"));
    if (!contentType.isUndefined() && !contentType.isNull() && !contentType.isString())
        return keyvault::badParameter(QStringLiteral("The property 'contentType' must be a string."));
    if (contentType.isString())
        version->contentType = contentType.toString();
    const QJsonValue tags = json.value(QLatin1String("tags"));
    if (!tags.isUndefined() && !tags.isNull() && !tags.isObject())
        return keyvault::badParameter(QStringLiteral("The property 'tags' must be an object."));
    const QJsonObject tagObject = tags.toObject();
    for (auto it = tagObject.constBegin(); it != tagObject.constEnd(); ++it)
        if (!it.value().isString())
            return keyvault::badParameter(QStringLiteral("Tag '%1' must have a string value.").arg(it.key()));
    if (tags.isObject())
        version->tags = tagObject;
    const QJsonValue attributes = json.value(QLatin1String("attributes"));
    if (attributes.isUndefined() || attributes.isNull())
        return std::nullopt;
    if (!attributes.isObject())
        return keyvault::badParameter(QStringLiteral("The property 'attributes' must be an object."));
    const QJsonObject a = attributes.toObject();
    const QJsonValue enabled = a.value(QLatin1String("enabled"));
    if (!enabled.isUndefined() && !enabled.isBool())
        return keyvault::badParameter(QStringLiteral("The attribute 'enabled' must be a boolean."));
    if (enabled.isBool())
        version->attributes.enabled = enabled.toBool();
    bool ok = true;
    if (a.contains(QLatin1String("nbf")))
        version->attributes.notBefore = optionalSeconds(a.value(QLatin1String("nbf")), &ok);
    if (a.contains(QLatin1String("exp")))
        version->attributes.expires = optionalSeconds(a.value(QLatin1String("exp")), &ok);
    if (!ok)
        return keyvault::badParameter(QStringLiteral("The attributes 'nbf' and 'exp' must be Unix seconds."));
    return std::nullopt;
}

} // namespace

KeyVaultEndpoint::KeyVaultEndpoint(const TokenRegistry &tokens, const QDateTime &clientSecretEnd)
    : m_tokens(tokens)
{
    const DemoCredentials demo = directory::demoCredentials();
    const QDateTime now = m_tokens.now();
    SecretVersion ivSecret;
    ivSecret.value = demo.clientSecret;
    ivSecret.contentType = QStringLiteral("IV client secret of app ") + demo.clientId;
    ivSecret.attributes.notBefore = now.addDays(-1).toSecsSinceEpoch();
    ivSecret.attributes.expires = clientSecretEnd.toSecsSinceEpoch();

    // RBAC: roles are what count (Secrets User = get + list metadata, Secrets Officer = all).
    SecretVault rbac(directory::rbacVaultName(), SecretVault::Model::Rbac);
    rbac.allow(demo.vaultClientId, SecretsGet | SecretsList);
    rbac.allow(demo.adminClientId, SecretsGet | SecretsList | SecretsSet);
    rbac.allow(demo.adminUser, SecretsGet | SecretsList | SecretsSet);
    rbac.set(demo.vaultSecretName, ivSecret, now);
    // Access policies: the SCM app was given Get but not List (CASE-11).
    SecretVault policy(directory::accessPolicyVaultName(), SecretVault::Model::AccessPolicy);
    policy.allow(demo.vaultClientId, SecretsGet);
    policy.allow(demo.adminClientId, SecretsGet | SecretsList | SecretsSet);
    policy.allow(demo.adminUser, SecretsGet | SecretsList | SecretsSet);
    policy.set(demo.vaultSecretName, ivSecret, now);
    m_vaults = {rbac, policy};
}

SecretVault *KeyVaultEndpoint::vault(const QString &name)
{
    for (SecretVault &vault : m_vaults)
        if (vault.name().compare(name, Qt::CaseInsensitive) == 0)
            return &vault;
    return nullptr;
}

std::optional<HttpReply> KeyVaultEndpoint::authenticate(const QHttpServerRequest &request,
                                                        TokenGrant *grant) const
{
    const QByteArray authorization = headerValue(request, "Authorization").trimmed();
    const bool isBearer = authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    QString message;
    if (!isBearer) {
        message = QStringLiteral("AKV10000: Request is missing a Bearer or PoP token.");
    } else if (const auto found = m_tokens.find(QString::fromLatin1(authorization.mid(7).trimmed()));
               !found) {
        message = QStringLiteral("AKV10013: Token validation failed: the token is unknown or has expired.");
    } else if (found->audience != directory::vaultResource()) {
        message = QStringLiteral("AKV10022: Invalid audience. Expected %1, found: %2.")
                      .arg(directory::vaultResource(), found->audience);
    } else {
        *grant = *found;
        return std::nullopt;
    }
    // The challenge names the authority to get a token from: this emulator's Entra.
    QUrl authority = request.url();
    authority.setPath(u'/' + directory::demoCredentials().tenantId);
    authority.setQuery(QString());
    HttpReply reply = keyvault::error(401, QStringLiteral("Unauthorized"), message);
    reply.headers.append(
        {QByteArrayLiteral("WWW-Authenticate"), QStringLiteral("Bearer authorization=\"%1\", resource=\"%2\"")
                                                    .arg(authority.toString(), directory::vaultResource())
                                                    .toUtf8()});
    return reply;
}

std::optional<HttpReply> KeyVaultEndpoint::authorize(const SecretVault &vault, const TokenGrant &grant,
                                                     VaultPermission needed, const QString &secretName) const
{
    const QString principal = grant.subject.isEmpty() ? grant.clientId : grant.subject;
    if (vault.permissionsOf(principal) & needed)
        return std::nullopt;
    const QString caller =
        grant.subject.isEmpty()
            ? QStringLiteral("appid=%1;iss=https://sts.windows.net/%2/").arg(grant.clientId, grant.tenantId)
            : QStringLiteral("upn=%1;appid=%2").arg(grant.subject, grant.clientId);
    if (vault.model() == SecretVault::Model::Rbac)
        return keyvault::error(
            403, QStringLiteral("Forbidden"),
            QStringLiteral(
                "Caller is not authorized to perform action on resource.\r\nIf role assignments, deny "
                "assignments or role definitions were changed recently, please observe propagation "
                "time.\r\nCaller: %1\r\nAction: '%2'\r\nResource: '/vaults/%3/secrets/%4'\r\n"
                "Assignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC'\r\nVault: %3\r\n")
                .arg(caller, actionOf(needed), vault.name(), secretName),
            QStringLiteral("ForbiddenByRbac"));
    return keyvault::error(
        403, QStringLiteral("Forbidden"),
        QStringLiteral("The user, group or application '%1' does not have secrets %2 permission "
                       "on key vault '%3'. For help resolving this issue, please see "
                       "https://go.microsoft.com/fwlink/?linkid=2125287")
            .arg(caller, verbOf(needed), vault.name()),
        QStringLiteral("AccessDenied"));
}

HttpReply KeyVaultEndpoint::handle(const QHttpServerRequest &request, const QString &vaultName,
                                   const QString &rest)
{
    SecretVault *vault = this->vault(vaultName);
    if (!vault) // a real client would fail DNS instead; 404 is our stand-in [I]
        return keyvault::error(404, QStringLiteral("VaultNotFound"),
                               QStringLiteral("There is no vault named '%1'.").arg(vaultName));
    TokenGrant grant;
    if (auto refusal = authenticate(request, &grant))
        return *refusal;
    const QUrlQuery query(request.url());
    const QString apiVersion = query.queryItemValue(QStringLiteral("api-version"));
    if (apiVersion.isEmpty())
        return keyvault::badParameter(QStringLiteral("The 'api-version' query parameter is missing."));
    if (!isKnownApiVersion(apiVersion))
        return keyvault::badParameter(
            QStringLiteral(
                "The specified version (%1) is not recognized. Consider using the latest supported "
                "version (%2).")
                .arg(apiVersion, kLatestApiVersion));

    QUrl baseUrl = request.url();
    baseUrl.setPath(QStringLiteral("/vaults/") + vault->name());
    baseUrl.setQuery(QString());
    const QString base = baseUrl.toString();
    const QStringList parts = rest.split(u'/', Qt::SkipEmptyParts);
    const auto method = request.method();
    if (parts.isEmpty() || parts.first().compare(QLatin1String("secrets"), Qt::CaseInsensitive) != 0 ||
        parts.size() > 3)
        return keyvault::badParameter(QStringLiteral("Unknown operation: /%1").arg(rest));
    if (parts.size() == 1) {
        if (method != QHttpServerRequest::Method::Get)
            return keyvault::badParameter(QStringLiteral("Only GET is supported on /secrets."));
        if (auto refusal = authorize(*vault, grant, SecretsList, {}))
            return *refusal;
        return list(*vault, base, query, {});
    }
    const QString name = parts.at(1);
    if (!isValidSecretName(name))
        return keyvault::badParameter(
            QStringLiteral(
                "The request URI contains an invalid name: %1. A secret name must be 1-127 letters, "
                "digits and dashes.")
                .arg(name));
    const bool isVersions =
        parts.size() == 3 && parts.at(2).compare(QLatin1String("versions"), Qt::CaseInsensitive) == 0;
    if (isVersions || (parts.size() == 2 && method == QHttpServerRequest::Method::Get) ||
        (parts.size() == 3 && method == QHttpServerRequest::Method::Get)) {
        if (method != QHttpServerRequest::Method::Get)
            return keyvault::badParameter(QStringLiteral("Only GET is supported on versions."));
        if (auto refusal = authorize(*vault, grant, isVersions ? SecretsList : SecretsGet, name))
            return *refusal;
        if (isVersions)
            return list(*vault, base, query, name);
        return getSecret(*vault, base, name, parts.size() == 3 ? parts.at(2) : QString());
    }
    if (parts.size() == 3 && method == QHttpServerRequest::Method::Patch) {
        if (auto refusal = authorize(*vault, grant, SecretsSet, name))
            return *refusal;
        return updateSecret(*vault, base, name, parts.at(2), request.body());
    }
    if (parts.size() == 2 && method == QHttpServerRequest::Method::Put) {
        if (auto refusal = authorize(*vault, grant, SecretsSet, name))
            return *refusal;
        return setSecret(*vault, base, name, request.body());
    }
    return keyvault::badParameter(QStringLiteral("This method is not supported on /%1.").arg(rest));
}

HttpReply KeyVaultEndpoint::getSecret(const SecretVault &vault, const QString &base, const QString &name,
                                      const QString &version) const
{
    const SecretVersion *found = vault.find(name, version);
    if (!found)
        return keyvault::secretNotFound(version.isEmpty() ? name : name + u'/' + version);
    if (!found->attributes.enabled)
        return keyvault::error(403, QStringLiteral("Forbidden"),
                               QStringLiteral("Operation get is not allowed on a disabled secret."),
                               QStringLiteral("SecretDisabled"));
    if (m_enforceDates) {
        const qint64 now = m_tokens.now().toSecsSinceEpoch();
        if (found->attributes.expires && *found->attributes.expires <= now)
            return keyvault::error(403, QStringLiteral("Forbidden"),
                                   QStringLiteral("Operation get is not allowed on an expired secret."),
                                   QStringLiteral("SecretExpired"));
        if (found->attributes.notBefore && *found->attributes.notBefore > now)
            return keyvault::error(403, QStringLiteral("Forbidden"),
                                   QStringLiteral("Operation get is not allowed on a secret that is not yet "
                                                  "valid."),
                                   QStringLiteral("SecretNotYetValid"));
    }
    return HttpReply::json(QJsonDocument(keyvault::secretBundle(base, vault.displayName(name), *found)));
}

HttpReply KeyVaultEndpoint::setSecret(SecretVault &vault, const QString &base, const QString &name,
                                      const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return keyvault::badParameter(QStringLiteral("The request body must be a JSON object."));
    const QJsonObject json = document.object();
    const QJsonValue value = json.value(QLatin1String("value"));
    if (!value.isString())
        return keyvault::badParameter(
            QStringLiteral("The property 'value' is required and must be a string."));
    if (value.toString().toUtf8().size() > kMaxValueBytes)
        return keyvault::badParameter(QStringLiteral("The secret value may not exceed 25 KB."));
    SecretVersion version;
    version.value = value.toString();
    if (auto refusal = applyProperties(json, &version))
        return *refusal;
    const SecretVersion &stored = vault.set(name, std::move(version), m_tokens.now());
    return HttpReply::json(QJsonDocument(keyvault::secretBundle(base, vault.displayName(name), stored)));
}

HttpReply KeyVaultEndpoint::updateSecret(SecretVault &vault, const QString &base, const QString &name,
                                         const QString &version, const QByteArray &body)
{
    SecretVersion *found = vault.edit(name, version);
    if (!found)
        return keyvault::secretNotFound(name + u'/' + version);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return keyvault::badParameter(QStringLiteral("The request body must be a JSON object."));
    SecretVersion changed = *found; // all or nothing
    if (auto refusal = applyProperties(document.object(), &changed))
        return *refusal;
    changed.attributes.updated = m_tokens.now().toSecsSinceEpoch();
    *found = changed;
    return HttpReply::json(QJsonDocument(keyvault::secretItem(base, vault.displayName(name), *found, true)));
}

HttpReply KeyVaultEndpoint::list(const SecretVault &vault, const QString &base, const QUrlQuery &query,
                                 const QString &versionsOf) const
{
    int pageSize = kMaxResults;
    if (query.hasQueryItem(QStringLiteral("maxresults"))) {
        bool ok = false;
        pageSize = query.queryItemValue(QStringLiteral("maxresults")).toInt(&ok);
        if (!ok || pageSize < 1 || pageSize > kMaxResults)
            return keyvault::badParameter(
                QStringLiteral("Invalid maxresults: it must be a number from 1 to %1.").arg(kMaxResults));
    }
    // $skiptoken is opaque to clients; ours is the base64 of the offset.
    const QString token = query.queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded);
    bool ok = true;
    const int offset =
        token.isEmpty() ? 0 : QString::fromLatin1(QByteArray::fromBase64(token.toLatin1())).toInt(&ok);
    if (!ok || offset < 0)
        return keyvault::badParameter(QStringLiteral("Invalid $skiptoken."));

    QJsonArray items;
    int total = 0;
    if (versionsOf.isEmpty()) {
        const QStringList names = vault.names();
        total = int(names.size());
        for (int i = offset; i < total && items.size() < pageSize; ++i)
            items.append(keyvault::secretItem(base, names.at(i), *vault.find(names.at(i)), false));
    } else {
        const QList<SecretVersion> versions = vault.versions(versionsOf);
        if (versions.isEmpty())
            return keyvault::secretNotFound(versionsOf);
        total = int(versions.size());
        for (int i = offset; i < total && items.size() < pageSize; ++i)
            items.append(keyvault::secretItem(base, vault.displayName(versionsOf), versions.at(i), true));
    }
    QJsonValue nextLink = QJsonValue::Null;
    if (offset + items.size() < total) {
        QUrl next(base + QStringLiteral("/secrets") +
                  (versionsOf.isEmpty() ? QString() : u'/' + versionsOf + QStringLiteral("/versions")));
        QUrlQuery nextQuery;
        nextQuery.addQueryItem(QStringLiteral("api-version"),
                               query.queryItemValue(QStringLiteral("api-version")));
        nextQuery.addQueryItem(QStringLiteral("$skiptoken"),
                               QString::fromLatin1(QByteArray::number(offset + items.size()).toBase64()));
        nextQuery.addQueryItem(QStringLiteral("maxresults"), QString::number(pageSize));
        next.setQuery(nextQuery);
        nextLink = next.toString();
    }
    return HttpReply::json(
        QJsonDocument(QJsonObject{{QStringLiteral("value"), items}, {QStringLiteral("nextLink"), nextLink}}));
}

} // namespace ivemu
