// Which addresses the client may talk to, and which redirects it may follow.
// Plain http is only ever allowed to loopback (the local emulator).
#pragma once

#include <QString>
#include <QUrl>

namespace ivcore {

bool isLoopbackUrl(const QUrl &url);

// Empty when the URL may be requested; otherwise the reason it may not.
QString refusalForRequestUrl(const QUrl &url);

// Empty when a 307/308 from `from` to `to` may be followed; otherwise why not.
// Allowed: https hosts of Entra, the IV security service and gateways, and Key
// Vault; or loopback. Never a downgrade from https to http.
QString refusalForRedirect(const QUrl &from, const QUrl &to);

// A Location header may be relative and may drop the query string (IV's 308 is
// seen to do so): resolve it against the request URL and restore the query.
QUrl resolveRedirectTarget(const QUrl &requestUrl, const QByteArray &location);

} // namespace ivcore
