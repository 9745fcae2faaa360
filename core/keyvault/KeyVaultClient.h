// The Key Vault secrets data plane (reference §17, api-version 7.4): get, set
// and list, with paging. The vault URL is what a profile stores
// (https://contoso-iv-kv.vault.azure.net/ or the emulator's loopback URL);
// tokens come from a ScopedTokenProvider for https://vault.azure.net/.default.
#pragma once

#include "common/Result.h"
#include "keyvault/KeyVaultErrors.h"
#include "keyvault/SecretTypes.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>

namespace ivcore {

class HttpClient;
class ScopedTokenProvider;

// Key Vault accepts only tokens for this audience (§2.5).
inline constexpr auto kKeyVaultScope = "https://vault.azure.net/.default";

class KeyVaultClient : public QObject
{
    Q_OBJECT
public:
    using BundleCallback = std::function<void(const Result<SecretBundle> &)>;
    using ItemsCallback = std::function<void(const Result<QList<SecretItem>> &)>;
    using Clock = std::function<QDateTime()>;

    KeyVaultClient(HttpClient *http, ScopedTokenProvider *tokens, QUrl vaultUrl, QObject *parent = nullptr);

    // The latest version, or `version`. A version outside its nbf..exp window
    // is still returned (Key Vault serves it too): check validityAt() or
    // problemFromSecretValidity() before trusting it.
    void getSecret(const QString &name, QObject *context, BundleCallback done);
    void getSecret(const QString &name, const QString &version, QObject *context, BundleCallback done);
    // Stores a new version; the answer carries no value.
    void setSecret(const QString &name, const QString &value, const SecretWriteOptions &options,
                   QObject *context, BundleCallback done);
    // Every page, following nextLink; items carry no values.
    void listSecrets(QObject *context, ItemsCallback done);
    void listVersions(const QString &name, QObject *context, ItemsCallback done);

    const QUrl &vaultUrl() const { return m_vaultUrl; }
    QString vaultName() const;
    void setClock(Clock clock) { m_clock = std::move(clock); }

    static constexpr int kMaxPages = 400; // 10,000 items: a loop guard, not a limit people meet

private:
    using ResponseCallback = std::function<void(const Result<HttpResponse> &)>;
    struct ListState;

    VaultCall callFor(VaultOperation operation, const QString &name = {}, const QString &version = {}) const;
    QUrl urlFor(const QString &path) const;
    void send(const HttpRequest &request, const VaultCall &call, QObject *context, ResponseCallback done,
              bool retried = false);
    void fetchPage(const std::shared_ptr<ListState> &state, const QUrl &url);

    HttpClient *m_http;
    ScopedTokenProvider *m_tokens;
    QUrl m_vaultUrl;
    Clock m_clock;
};

} // namespace ivcore
