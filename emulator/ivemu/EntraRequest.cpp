#include "ivemu/EntraRequest.h"

#include "ivemu/Directory.h"
#include "ivemu/HttpServer.h"

#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

namespace ivemu {

namespace {

// RFC 7578 bodies, as the 2021 Power Automate flow sends them (iv-observed §3).
QHash<QString, QString> parseMultipart(const QByteArray &body, const QByteArray &boundary)
{
    QHash<QString, QString> fields;
    const QByteArray delimiter = "--" + boundary;
    static const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]*)\""),
                                           QRegularExpression::CaseInsensitiveOption);
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        const qsizetype start = at + delimiter.size();
        const qsizetype next = body.indexOf(delimiter, start);
        if (next < 0)
            break;
        const QByteArray part = body.mid(start, next - start);
        const qsizetype split = part.indexOf("\r\n\r\n");
        if (split >= 0) {
            const QString headers = QString::fromUtf8(part.left(split));
            QByteArray value = part.mid(split + 4);
            if (value.endsWith("\r\n"))
                value.chop(2);
            const QRegularExpressionMatch name = nameRe.match(headers);
            if (name.hasMatch())
                fields.insert(name.captured(1), QString::fromUtf8(value));
        }
        at = next;
    }
    return fields;
}

QHash<QString, QString> parseUrlEncoded(QByteArray body)
{
    // Form encoding writes spaces as '+', which QUrlQuery would keep literally.
    body.replace('+', "%20");
    QHash<QString, QString> fields;
    const QUrlQuery form(QString::fromUtf8(body));
    for (const auto &[name, value] : form.queryItems(QUrl::FullyDecoded))
        fields.insert(name, value);
    return fields;
}

} // namespace

EntraRequest EntraRequest::parse(const QHttpServerRequest &request)
{
    EntraRequest parsed;
    const QByteArray contentType = headerValue(request, "Content-Type");
    const qsizetype boundaryAt = contentType.indexOf("boundary=");
    if (contentType.trimmed().startsWith("multipart/form-data") && boundaryAt >= 0) {
        QByteArray boundary = contentType.mid(boundaryAt + 9).trimmed();
        if (boundary.size() > 1 && boundary.startsWith('"') && boundary.endsWith('"'))
            boundary = boundary.mid(1, boundary.size() - 2);
        parsed.fields = parseMultipart(request.body(), boundary);
    } else {
        parsed.fields = parseUrlEncoded(request.body());
    }
    parsed.clientId = parsed.field("client_id");
    parsed.clientSecret = parsed.field("client_secret");
    const QByteArray authorization = headerValue(request, "Authorization");
    if (authorization.left(6).compare("basic ", Qt::CaseInsensitive) == 0) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        if (colon > 0) {
            parsed.clientId = QUrl::fromPercentEncoding(pair.left(colon));
            parsed.clientSecret = QUrl::fromPercentEncoding(pair.mid(colon + 1));
        }
    }
    return parsed;
}

namespace entra {

bool looksLikeTenant(const QString &tenant)
{
    static const QRegularExpression domain(QStringLiteral("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"));
    return !QUuid::fromString(tenant).isNull() || domain.match(tenant).hasMatch();
}

QString audienceOfResource(const QString &resource)
{
    // Vault and Graph exist so a client can obtain a token for the wrong resource, as users do (§24).
    const QString iv = directory::ivResourceId();
    if (resource.compare(iv, Qt::CaseInsensitive) == 0 ||
        resource.compare(QStringLiteral("api://") + iv, Qt::CaseInsensitive) == 0 ||
        resource.compare(directory::ivAudience(), Qt::CaseInsensitive) == 0)
        return directory::ivAudience();
    for (const QString &known : {directory::vaultResource(), QStringLiteral("https://graph.microsoft.com")}) {
        if (resource.compare(known, Qt::CaseInsensitive) == 0 ||
            resource.compare(known + u'/', Qt::CaseInsensitive) == 0)
            return known;
    }
    return {};
}

bool isApplicationIdResource(const QString &resource)
{
    return !QUuid::fromString(resource).isNull();
}

} // namespace entra

} // namespace ivemu
