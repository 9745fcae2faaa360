// Everything needed to talk to one IV environment, built from a profile and
// its secret: the HTTP door, the token provider and the IV client. Azure and
// the local emulator go through the very same objects.
#pragma once

#include "profile/Profile.h"

#include <QObject>

namespace ivcore {

class HttpClient;
class IvClient;
class TokenProvider;

class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(const Profile &profile, const QString &clientSecret, QObject *parent = nullptr);
    ~Connection() override;

    HttpClient *http() const { return m_http; }
    TokenProvider *tokens() const { return m_tokens; }
    IvClient *iv() const { return m_iv; }

private:
    HttpClient *m_http;
    TokenProvider *m_tokens;
    IvClient *m_iv;
};

} // namespace ivcore
