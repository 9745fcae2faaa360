#include "auth/TokenResponses.h"

#include "common/JsonValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ivcore {

namespace {

struct EntraHint
{
    int code;
    const char *cause;
    const char *fix;
    ProblemKind kind;
};

// The AADSTS codes people meet when setting up IV (reference §2.1).
constexpr EntraHint kEntraHints[] = {
    {700016, "The application (client) id was not found in this tenant.",
     "Re-check the Application (client) ID and the Directory (tenant) ID: they must come from the same app "
     "registration.",
     ProblemKind::Configuration},
    {7000215, "The client secret is wrong.",
     "Paste the secret's Value, not its Secret ID (Azure portal › App registrations › your app › "
     "Certificates & "
     "secrets).",
     ProblemKind::Authentication},
    {7000222, "The client secret has expired.",
     "Create a new client secret for the app registration and store it again (and in Key Vault).",
     ProblemKind::Authentication},
    {7000218, "No client secret was sent.", "Enter the client secret of the app registration.",
     ProblemKind::Authentication},
    {90002, "The tenant was not found.",
     "Check the Directory (tenant) ID; it must be a tenant of the public Azure cloud.",
     ProblemKind::Configuration},
    {900023, "The tenant id is neither a GUID nor a valid domain name.",
     "Copy the Directory (tenant) ID from the app registration's Overview page.", ProblemKind::Configuration},
    {900144, "A required field was missing from the sign-in request.",
     "This is a fault in ivdesk; please report it with the details below.", ProblemKind::Configuration},
    {70011, "The requested scope is not valid.",
     "This is a fault in ivdesk; please report it with the details.", ProblemKind::Configuration},
    {1002012, "The requested scope is not valid for client credentials.",
     "This is a fault in ivdesk; please report it with the details.", ProblemKind::Configuration},
    {500011, "The Inventory Visibility resource is not provisioned in this tenant.",
     "Check that the Inventory Visibility add-in was installed with this tenant.",
     ProblemKind::Configuration},
    {90055, "Too many sign-in requests for this tenant.", "ivdesk waits and retries by itself.",
     ProblemKind::Service},
};

int aadstsCode(const QJsonObject &body)
{
    const QJsonArray codes = body.value(QLatin1String("error_codes")).toArray();
    if (!codes.isEmpty())
        return codes.first().toInt();
    static const QRegularExpression pattern(QStringLiteral("AADSTS(\\d+)"));
    const auto match = pattern.match(body.value(QLatin1String("error_description")).toString());
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString withRequestId(QString detail, const HttpResponse &response)
{
    if (!response.requestId.isEmpty())
        detail += QStringLiteral(" · request id ") + response.requestId;
    return detail;
}

} // namespace

Result<AccessToken> parseTokenBody(const QByteArray &body, const QDateTime &now, const QString &what)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    AccessToken token;
    token.value = object.value(QLatin1String("access_token")).toString().toUtf8();
    const auto lifetime = jsonNumber(object.value(QLatin1String("expires_in")));
    if (token.value.isEmpty() || !lifetime || *lifetime <= 0) {
        Problem p;
        p.kind = ProblemKind::Service;
        p.what = what;
        p.cause = QStringLiteral("The answer did not contain a usable token.");
        p.fix = QStringLiteral("Try again; if it lasts, check the service address in the profile.");
        return p;
    }
    token.obtainedAt = now;
    token.expiresAt = now.addSecs(static_cast<qint64>(*lifetime));
    return token;
}

Problem problemFromEntraError(const HttpResponse &response)
{
    const QString what = QStringLiteral("Could not sign in to Microsoft Entra");
    if (!response.hasAnswer())
        return problemFromTransport(what, response);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QString error = body.value(QLatin1String("error")).toString();
    if (error.isEmpty())
        return problemFromHttpStatus(what, response);

    Problem p;
    p.what = what;
    const int code = aadstsCode(body);
    const QString description = firstLine(body.value(QLatin1String("error_description")).toString());
    p.detail = withRequestId(QStringLiteral("HTTP %1 · %2 · %3").arg(response.status).arg(error, description),
                             response);
    for (const EntraHint &hint : kEntraHints) {
        if (hint.code == code) {
            p.kind = hint.kind;
            p.cause = QString::fromUtf8(hint.cause);
            p.fix = QString::fromUtf8(hint.fix);
            return p;
        }
    }
    // Branch on `error`, never on description text (Microsoft's advice).
    p.kind =
        error == QLatin1String("invalid_client") ? ProblemKind::Authentication : ProblemKind::Configuration;
    p.cause = description.isEmpty() ? error : description;
    p.fix = QStringLiteral("Check the tenant id, client id and client secret of the app registration.");
    return p;
}

Problem problemFromTokenExchangeError(const HttpResponse &response, const QString &environmentId)
{
    const QString what = QStringLiteral("Could not get an Inventory Visibility token");
    if (!response.hasAnswer())
        return problemFromTransport(what, response);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QString description = firstLine(body.value(QLatin1String("error_description")).toString());
    Problem p;
    p.what = what;
    p.detail =
        withRequestId(QStringLiteral("HTTP %1%2")
                          .arg(response.status)
                          .arg(description.isEmpty() ? QString() : QStringLiteral(" · ") + description),
                      response);
    if (response.status == 400 && description.contains(QLatin1String("Expected aud"))) {
        p.kind = ProblemKind::Configuration;
        p.cause = QStringLiteral("The Entra token was issued for the wrong resource.");
        p.fix = QStringLiteral("This is a fault in ivdesk or in the authority address; please report it.");
    } else if (response.status == 401 || response.status == 403 || response.status == 400) {
        p.kind = ProblemKind::Authentication;
        p.cause = QStringLiteral("Microsoft Entra accepted the app, but Inventory Visibility refused it for "
                                 "environment %1.")
                      .arg(environmentId);
        p.fix =
            QStringLiteral("Check the environment id, and that this app registration is the one Inventory "
                           "Visibility was (last) installed with for this environment.");
    } else {
        return problemFromHttpStatus(what, response);
    }
    return p;
}

} // namespace ivcore
