#include "keyvault/KeyVaultErrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ivcore {

namespace {

struct VaultError
{
    QString code;
    QString innerCode;
    QString message;

    bool is(QLatin1String name) const { return code == name || innerCode == name; }
};

VaultError readError(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    return {error.value(QLatin1String("code")).toString(),
            error.value(QLatin1String("innererror")).toObject().value(QLatin1String("code")).toString(),
            error.value(QLatin1String("message")).toString().section(QLatin1Char('\n'), 0, 0).trimmed()};
}

QString detailOf(const HttpResponse &response, const VaultError &error)
{
    QString detail = QStringLiteral("HTTP %1").arg(response.status);
    if (!error.code.isEmpty())
        detail += QStringLiteral(" · ") + error.code;
    if (!error.innerCode.isEmpty())
        detail += QLatin1Char('/') + error.innerCode;
    if (!error.message.isEmpty())
        detail += QStringLiteral(" · ") + error.message.left(300);
    if (!response.requestId.isEmpty())
        detail += QStringLiteral(" · request id ") + response.requestId;
    return detail;
}

QString permissionOf(VaultOperation operation)
{
    switch (operation) {
    case VaultOperation::SetSecret:
        return QStringLiteral("set");
    case VaultOperation::ListSecrets:
    case VaultOperation::ListVersions:
        return QStringLiteral("list");
    case VaultOperation::GetSecret:
        break;
    }
    return QStringLiteral("get");
}

QString versionText(const VaultCall &call)
{
    return call.version.isEmpty() ? QStringLiteral("The latest version")
                                  : QStringLiteral("Version %1").arg(call.version);
}

// The tenant in WWW-Authenticate: Bearer authorization="https://login…/{tenant}".
QString challengedTenant(const HttpResponse &response)
{
    static const QRegularExpression pattern(QStringLiteral("authorization=\"[^\"]*/([^/\"]+)\""));
    return pattern.match(QString::fromLatin1(response.header(QByteArrayLiteral("WWW-Authenticate"))))
        .captured(1);
}

void explainForbidden(Problem &p, const VaultError &error, const VaultCall &call)
{
    const QString permission = permissionOf(call.operation);
    p.kind = ProblemKind::Authentication;
    if (error.is(QLatin1String("ForbiddenByRbac"))) {
        p.cause = QStringLiteral("Vault %1 uses Azure RBAC, and app %2 has no role that allows secrets %3.")
                      .arg(call.vaultName, call.clientId, permission);
        const QString role = call.operation == VaultOperation::SetSecret
                                 ? QStringLiteral("Key Vault Secrets Officer")
                                 : QStringLiteral("Key Vault Secrets User");
        p.fix =
            QStringLiteral("Give app %1 the “%2” role on vault %3 (Access control (IAM) › Add role "
                           "assignment). Access policies have no effect on this vault. A new role can take a "
                           "few minutes to apply: try again in 2 minutes.")
                .arg(call.clientId, role, call.vaultName);
    } else if (error.is(QLatin1String("AccessDenied")) || error.is(QLatin1String("ForbiddenByPolicy"))) {
        p.cause =
            QStringLiteral("Vault %1 uses access policies, and app %2 lacks the secret “%3” permission.")
                .arg(call.vaultName, call.clientId, permission);
        p.fix = QStringLiteral(
                    "In vault %1 › Access policies, add the Get and List secret permissions for app %2%3, "
                    "then Save.")
                    .arg(call.vaultName, call.clientId,
                         call.operation == VaultOperation::SetSecret
                             ? QStringLiteral(" (and Set, to store secrets)")
                             : QString());
    } else if (error.is(QLatin1String("ForbiddenByFirewall"))) {
        p.kind = ProblemKind::Configuration;
        p.cause =
            QStringLiteral("The firewall of vault %1 refused this computer's network.").arg(call.vaultName);
        p.fix =
            QStringLiteral("Allow the caller's network in vault %1 › Networking (add this computer's public "
                           "IP address), or connect from a network the vault allows.")
                .arg(call.vaultName);
    } else if (error.is(QLatin1String("SecretDisabled"))) {
        p.kind = ProblemKind::Configuration;
        p.cause = QStringLiteral("%1 of secret %2 is disabled.").arg(versionText(call), call.secretName);
        p.fix = QStringLiteral("Enable the version in vault %1 › Secrets › %2, or store a new version.")
                    .arg(call.vaultName, call.secretName);
    } else if (error.is(QLatin1String("SecretExpired")) || error.is(QLatin1String("SecretNotYetValid"))) {
        p.kind = ProblemKind::Configuration;
        p.cause =
            error.is(QLatin1String("SecretExpired"))
                ? QStringLiteral("%1 of secret %2 has expired.").arg(versionText(call), call.secretName)
                : QStringLiteral("%1 of secret %2 is not valid yet.").arg(versionText(call), call.secretName);
        p.fix = QStringLiteral("Store a new version of %1 with the right activation and expiration dates.")
                    .arg(call.secretName);
    } else {
        p.cause = QStringLiteral("Vault %1 refused app %2 (HTTP 403).").arg(call.vaultName, call.clientId);
        p.fix = QStringLiteral("Check the app's role assignments or access policies on the vault.");
    }
}

} // namespace

QString vaultCallWhat(const VaultCall &call)
{
    switch (call.operation) {
    case VaultOperation::SetSecret:
        return QStringLiteral("Could not store secret %1 in vault %2").arg(call.secretName, call.vaultName);
    case VaultOperation::ListSecrets:
        return QStringLiteral("Could not list the secrets of vault %1").arg(call.vaultName);
    case VaultOperation::ListVersions:
        return QStringLiteral("Could not list the versions of secret %1 in vault %2")
            .arg(call.secretName, call.vaultName);
    case VaultOperation::GetSecret:
        break;
    }
    return QStringLiteral("Could not read secret %1 from vault %2").arg(call.secretName, call.vaultName);
}

Problem problemFromKeyVaultError(const HttpResponse &response, const VaultCall &call)
{
    const QString what = vaultCallWhat(call);
    if (!response.hasAnswer())
        return problemFromTransport(what, response);
    const VaultError error = readError(response.body);
    const int status = response.status;
    if (status == 429 || status >= 500)
        return problemFromHttpStatus(what, response);

    Problem p;
    p.what = what;
    p.detail = detailOf(response, error);
    if (status == 404 && error.is(QLatin1String("SecretNotFound"))) {
        p.kind = ProblemKind::Configuration;
        p.cause =
            call.version.isEmpty()
                ? QStringLiteral("Vault %1 has no secret named %2.").arg(call.vaultName, call.secretName)
                : QStringLiteral("Vault %1 has no version %2 of secret %3.")
                      .arg(call.vaultName, call.version, call.secretName);
        p.fix =
            QStringLiteral("Check the secret name (and version) in the reference, and that the Key Vault URL "
                           "is the vault that holds it.");
    } else if (status == 404) {
        p.kind = ProblemKind::Configuration;
        p.cause = QStringLiteral("There is no vault at this address.");
        p.fix = QStringLiteral("Check the Key Vault URL (https://<vault name>.vault.azure.net/).");
    } else if (status == 401) {
        p.kind = ProblemKind::Authentication;
        const QString tenant = challengedTenant(response);
        p.cause =
            !tenant.isEmpty() && !call.tenantId.isEmpty() &&
                    tenant.compare(call.tenantId, Qt::CaseInsensitive)
                ? QStringLiteral("Vault %1 belongs to tenant %2, not to the app's tenant %3.")
                      .arg(call.vaultName, tenant, call.tenantId)
                : QStringLiteral("Vault %1 did not accept the token (wrong audience or tenant, or expired).")
                      .arg(call.vaultName);
        p.fix = QStringLiteral(
            "Use an app registration and vault of the same tenant; if they are, this is a "
            "fault in ivdesk (the token must be for https://vault.azure.net): please report it.");
    } else if (status == 403) {
        explainForbidden(p, error, call);
    } else {
        p.kind = ProblemKind::Configuration;
        p.cause = error.message.isEmpty()
                      ? QStringLiteral("Key Vault rejected the request (HTTP %1).").arg(status)
                      : error.message;
        p.fix = QStringLiteral("Check the vault URL and the secret name: 1–127 letters, digits and dashes.");
    }
    return p;
}

std::optional<Problem> problemFromSecretValidity(const SecretItem &secret, const QDateTime &now,
                                                 const VaultCall &call)
{
    const SecretValidity validity = secret.validityAt(now);
    if (validity == SecretValidity::Valid)
        return std::nullopt;
    Problem p;
    p.kind = ProblemKind::Configuration;
    p.what = QStringLiteral("Secret %1 in vault %2 is not usable").arg(call.secretName, call.vaultName);
    const QString version = secret.version.isEmpty() ? QStringLiteral("The secret")
                                                     : QStringLiteral("Version %1").arg(secret.version);
    if (validity == SecretValidity::Expired) {
        p.cause =
            QStringLiteral("%1 expired on %2.").arg(version, secret.expires->date().toString(Qt::ISODate));
        p.fix = QStringLiteral("Create a new client secret for the app, then store it as a new version of %1 "
                               "with a later expiration date.")
                    .arg(call.secretName);
    } else {
        p.cause = QStringLiteral("%1 is not valid before %2.")
                      .arg(version, secret.notBefore->toString(Qt::ISODate));
        p.fix = QStringLiteral("Wait until then, or change the version's activation date.");
    }
    p.detail = QStringLiteral("id %1").arg(secret.id);
    return p;
}

} // namespace ivcore
