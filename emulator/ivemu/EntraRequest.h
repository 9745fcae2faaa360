// What a request to the Entra token endpoints says, independent of the grant:
// the form fields (urlencoded or multipart, §24), the client's credentials
// (form fields or HTTP Basic) and the resources this tenant knows.
#pragma once

#include <QHash>
#include <QHttpServerRequest>
#include <QString>

namespace ivemu {

struct EntraRequest
{
    QHash<QString, QString> fields; // form fields by name, decoded
    QString clientId;               // from the form, or from HTTP Basic (RFC 6749 §2.3.1)
    QString clientSecret;

    static EntraRequest parse(const QHttpServerRequest &request);
    QString field(const char *name) const { return fields.value(QLatin1String(name)); }
    bool has(const char *name) const { return fields.contains(QLatin1String(name)); }
};

namespace entra {

// A tenant segment Entra would try to resolve: a GUID or a DNS name (else AADSTS900023).
bool looksLikeTenant(const QString &tenant);

// The audience of tokens for a resource of this tenant (v1 `resource`, or a v2
// scope without its last segment); empty when the tenant has no such resource.
QString audienceOfResource(const QString &resource);

// True for a resource written as an application ID (a GUID): unknown ones are
// "resource principal not found" (AADSTS500011) rather than a bad scope.
bool isApplicationIdResource(const QString &resource);

} // namespace entra

} // namespace ivemu
