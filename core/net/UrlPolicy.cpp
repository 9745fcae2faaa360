#include "net/UrlPolicy.h"

#include <QHostAddress>
#include <QStringList>

namespace ivcore {

namespace {

bool hostEndsWith(const QString &host, QLatin1String suffix)
{
    return host.endsWith(suffix, Qt::CaseInsensitive);
}

bool isAllowListedHost(const QString &host)
{
    return host.compare(QLatin1String("login.microsoftonline.com"), Qt::CaseInsensitive) == 0 ||
           hostEndsWith(host, QLatin1String(".dynamics.com")) ||
           hostEndsWith(host, QLatin1String(".gateway.prod.island.powerapps.com")) ||
           hostEndsWith(host, QLatin1String(".vault.azure.net"));
}

} // namespace

bool isLoopbackUrl(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString refusalForRequestUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("'%1' is not a valid address.").arg(url.toDisplayString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackUrl(url))
        return {};
    if (scheme == QLatin1String("http"))
        return QStringLiteral("Plain http is only allowed to this computer (loopback); use https for %1.")
            .arg(url.host());
    return QStringLiteral("Unsupported address scheme '%1' in %2.").arg(url.scheme(), url.toDisplayString());
}

QString refusalForRedirect(const QUrl &from, const QUrl &to)
{
    if (const QString refusal = refusalForRequestUrl(to); !refusal.isEmpty())
        return refusal;
    const bool toLoopback = isLoopbackUrl(to);
    if (from.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 &&
        to.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("Refused a redirect from https to plain http (%1).").arg(to.toDisplayString());
    if (toLoopback)
        return isLoopbackUrl(from) ? QString()
                                   : QStringLiteral("Refused a redirect from %1 to this computer (%2).")
                                         .arg(from.host(), to.toDisplayString());
    if (!isAllowListedHost(to.host()))
        return QStringLiteral(
                   "Refused a redirect to %1: it is not a Microsoft Entra, Inventory Visibility or "
                   "Key Vault host.")
            .arg(to.host());
    return {};
}

QUrl resolveRedirectTarget(const QUrl &requestUrl, const QByteArray &location)
{
    QUrl target = requestUrl.resolved(QUrl::fromEncoded(location));
    if (!target.hasQuery() && requestUrl.hasQuery())
        target.setQuery(requestUrl.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return target;
}

} // namespace ivcore
