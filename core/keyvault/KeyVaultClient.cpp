#include "keyvault/KeyVaultClient.h"

#include "auth/ScopedTokenProvider.h"
#include "common/Logging.h"
#include "keyvault/SecretJson.h"
#include "keyvault/SecretName.h"
#include "net/HttpClient.h"

#include <QPointer>
#include <QUrlQuery>

namespace ivcore {

namespace {

const QString kApiVersion = QStringLiteral("7.4");

QUrl withApiVersion(QUrl url)
{
    QUrlQuery query(url);
    if (!query.hasQueryItem(QStringLiteral("api-version")))
        query.addQueryItem(QStringLiteral("api-version"), kApiVersion);
    url.setQuery(query);
    return url;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port() == b.port();
}

// A value that a service echoed must not reach a screen or a log.
Problem withoutValue(Problem p, const QString &value)
{
    if (value.isEmpty())
        return p;
    const QString mask = QStringLiteral("•••");
    for (QString *text : {&p.what, &p.cause, &p.fix, &p.detail})
        text->replace(value, mask);
    return p;
}

} // namespace

struct KeyVaultClient::ListState
{
    VaultCall call;
    QPointer<QObject> context;
    ItemsCallback done;
    QList<SecretItem> items;
    int pages = 0;
};

KeyVaultClient::KeyVaultClient(HttpClient *http, ScopedTokenProvider *tokens, QUrl vaultUrl, QObject *parent)
    : QObject(parent), m_http(http), m_tokens(tokens), m_vaultUrl(std::move(vaultUrl)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    if (!m_vaultUrl.path().endsWith(QLatin1Char('/')))
        m_vaultUrl.setPath(m_vaultUrl.path() + QLatin1Char('/'));
}

QString KeyVaultClient::vaultName() const
{
    const QString host = m_vaultUrl.host();
    if (host.endsWith(QLatin1String(".vault.azure.net"), Qt::CaseInsensitive))
        return host.section(QLatin1Char('.'), 0, 0);
    const QString lastSegment = m_vaultUrl.path().section(QLatin1Char('/'), -2, -2);
    return lastSegment.isEmpty() ? host : lastSegment; // the emulator's /vaults/{name}/
}

VaultCall KeyVaultClient::callFor(VaultOperation operation, const QString &name, const QString &version) const
{
    return {operation,
            vaultName(),
            name,
            version,
            m_tokens->credentials().clientId,
            m_tokens->credentials().tenantId};
}

QUrl KeyVaultClient::urlFor(const QString &path) const
{
    return withApiVersion(m_vaultUrl.resolved(QUrl(path)));
}

void KeyVaultClient::send(const HttpRequest &request, const VaultCall &call, QObject *context,
                          ResponseCallback done, bool retried)
{
    if (m_tokens->scope() != QLatin1String(kKeyVaultScope)) {
        // Never hand Key Vault a token meant for another service.
        Problem p;
        p.kind = ProblemKind::Configuration;
        p.what = vaultCallWhat(call);
        p.cause = QStringLiteral("The token source is for %1, not Key Vault.").arg(m_tokens->scope());
        p.fix = QStringLiteral("This is a fault in ivdesk; please report it.");
        done(p);
        return;
    }
    QPointer<QObject> guard(context);
    m_tokens->requestToken(this, [=, this](const Result<AccessToken> &token) {
        if (!guard)
            return;
        if (!token) {
            done(token.problem());
            return;
        }
        HttpRequest authorized = request;
        authorized.headers.append({QByteArrayLiteral("Authorization"),
                                   QByteArray(QByteArrayLiteral("Bearer ") + token.value().value)});
        m_http->send(authorized, this, [=, this](const HttpResponse &response) {
            if (!guard)
                return;
            if (response.status == 401 && !retried) {
                // A token revoked or expired early: one fresh token, one retry (§2.4).
                m_tokens->invalidate();
                send(request, call, guard, done, true);
                return;
            }
            if (!response.isSuccess()) {
                const Problem p = problemFromKeyVaultError(response, call);
                qCWarning(lcSecrets).noquote() << p.summary() << p.detail;
                done(p);
                return;
            }
            done(response);
        });
    });
}

void KeyVaultClient::getSecret(const QString &name, QObject *context, BundleCallback done)
{
    getSecret(name, QString(), context, std::move(done));
}

void KeyVaultClient::getSecret(const QString &name, const QString &version, QObject *context,
                               BundleCallback done)
{
    if (auto invalid = problemFromSecretName(name, version)) {
        done(*invalid);
        return;
    }
    const VaultCall call = callFor(VaultOperation::GetSecret, name, version);
    HttpRequest request;
    request.url = urlFor(QStringLiteral("secrets/") + name +
                         (version.isEmpty() ? QString() : QLatin1Char('/') + version));
    request.retry = RetryPolicy::idempotent(); // a read; a PUT is never repeated (it adds a version)
    send(request, call, context, [this, call, done](const Result<HttpResponse> &response) {
        if (!response) {
            done(response.problem());
            return;
        }
        const auto bundle = parseSecretBundle(response.value().body, true);
        if (bundle) {
            if (auto stale = problemFromSecretValidity(bundle.value(), m_clock(), call))
                qCWarning(lcSecrets).noquote() << stale->summary();
        }
        done(bundle);
    });
}

void KeyVaultClient::setSecret(const QString &name, const QString &value, const SecretWriteOptions &options,
                               QObject *context, BundleCallback done)
{
    if (auto invalid = problemFromSecretName(name)) {
        done(*invalid);
        return;
    }
    HttpRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.url = urlFor(QStringLiteral("secrets/") + name);
    request.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    request.body = secretWriteBody(value, options);
    send(request, callFor(VaultOperation::SetSecret, name), context,
         [value, done](const Result<HttpResponse> &response) {
             if (!response) {
                 done(withoutValue(response.problem(), value));
                 return;
             }
             done(parseSecretBundle(response.value().body, false));
         });
}

void KeyVaultClient::listSecrets(QObject *context, ItemsCallback done)
{
    auto state = std::make_shared<ListState>(
        ListState{callFor(VaultOperation::ListSecrets), context, std::move(done), {}, 0});
    fetchPage(state, urlFor(QStringLiteral("secrets?maxresults=25")));
}

void KeyVaultClient::listVersions(const QString &name, QObject *context, ItemsCallback done)
{
    if (auto invalid = problemFromSecretName(name)) {
        done(*invalid);
        return;
    }
    auto state = std::make_shared<ListState>(
        ListState{callFor(VaultOperation::ListVersions, name), context, std::move(done), {}, 0});
    fetchPage(state, urlFor(QStringLiteral("secrets/") + name + QStringLiteral("/versions?maxresults=25")));
}

void KeyVaultClient::fetchPage(const std::shared_ptr<ListState> &state, const QUrl &url)
{
    if (!state->context)
        return;
    HttpRequest request;
    request.url = url;
    request.retry = RetryPolicy::idempotent();
    send(request, state->call, state->context, [this, state](const Result<HttpResponse> &response) {
        if (!response) {
            state->done(response.problem());
            return;
        }
        auto page = parseSecretPage(response.value().body);
        if (!page) {
            state->done(page.problem());
            return;
        }
        state->items.append(page.value().items);
        const QUrl next = page.value().nextLink;
        if (next.isEmpty()) {
            state->done(state->items);
            return;
        }
        // The bearer token goes to the vault only, never to a host a link names.
        if (!sameOrigin(next, m_vaultUrl) || ++state->pages >= kMaxPages) {
            Problem p;
            p.kind = ProblemKind::Service;
            p.what = vaultCallWhat(state->call);
            p.cause =
                QStringLiteral("The vault's next-page link was refused (another host, or too many pages).");
            p.fix = QStringLiteral("Check that the Key Vault URL is the vault's own address.");
            p.detail = next.toDisplayString();
            state->done(p);
            return;
        }
        fetchPage(state, withApiVersion(next));
    });
}

} // namespace ivcore
