#include "iv/Connection.h"

#include "auth/TokenProvider.h"
#include "iv/IvClient.h"
#include "net/HttpClient.h"

namespace ivcore {

Connection::Connection(const Profile &profile, const QString &clientSecret, QObject *parent)
    : QObject(parent), m_http(new HttpClient(this)),
      m_tokens(new TokenProvider(m_http, profile.auth, profile.environmentId,
                                 ClientCredentials{profile.tenantId, profile.clientId, clientSecret}, this)),
      m_iv(new IvClient(m_http, m_tokens, profile.ivEndpoint, profile.environmentId, this))
{}

Connection::~Connection() = default;

} // namespace ivcore
