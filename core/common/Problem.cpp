#include "common/Problem.h"

namespace ivcore {

QString Problem::summary() const
{
    return cause.isEmpty() ? what : what + QStringLiteral(": ") + cause;
}

namespace {

QString detailOf(const HttpResponse &response)
{
    QString detail;
    if (response.status > 0)
        detail = QStringLiteral("HTTP %1").arg(response.status);
    if (!response.transportMessage.isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" · ")) + response.transportMessage;
    if (!response.requestId.isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral(" · ")) + QStringLiteral("request id ") +
                  response.requestId;
    return detail;
}

} // namespace

Problem problemFromTransport(const QString &what, const HttpResponse &response)
{
    Problem p;
    p.what = what;
    p.detail = detailOf(response);
    const QString host = response.finalUrl.host();
    switch (response.transportError) {
    case TransportErrorKind::Timeout:
        p.cause = QStringLiteral("%1 did not answer in time.").arg(host);
        p.fix = QStringLiteral("Check the network connection; ivdesk retries by itself.");
        break;
    case TransportErrorKind::ConnectionRefused:
        p.cause = QStringLiteral("%1 refused the connection.").arg(response.finalUrl.authority());
        p.fix = QStringLiteral("Check that the address and port are right and the service is running.");
        break;
    case TransportErrorKind::HostNotFound:
        p.kind = ProblemKind::Configuration;
        p.cause = QStringLiteral("The host name %1 could not be found.").arg(host);
        p.fix = QStringLiteral("Check the address for typing errors, and the network or proxy settings.");
        break;
    case TransportErrorKind::Tls:
        p.cause = QStringLiteral("The secure connection to %1 could not be verified.").arg(host);
        p.fix = QStringLiteral("If your network inspects TLS, add its root certificate to the system store.");
        break;
    case TransportErrorKind::InsecureUrl:
    case TransportErrorKind::RedirectRefused:
    case TransportErrorKind::TooManyRedirects:
        p.kind = ProblemKind::Configuration;
        p.cause = response.transportMessage;
        p.fix =
            QStringLiteral("Check the addresses in the profile; ivdesk only follows redirects to Microsoft "
                           "hosts over https.");
        break;
    case TransportErrorKind::ResponseTooLarge:
        p.kind = ProblemKind::Service;
        p.cause = response.transportMessage;
        p.fix = QStringLiteral("Query fewer stores or products at once.");
        break;
    case TransportErrorKind::Network:
    case TransportErrorKind::None:
        p.cause = response.transportMessage.isEmpty() ? QStringLiteral("The network request failed.")
                                                      : response.transportMessage;
        p.fix = QStringLiteral("Check the network connection; ivdesk retries by itself.");
        break;
    }
    return p;
}

Problem problemFromHttpStatus(const QString &what, const HttpResponse &response)
{
    Problem p;
    p.what = what;
    p.detail = detailOf(response);
    const int status = response.status;
    if (status == 429 || status == 503) {
        p.kind = ProblemKind::Service;
        p.cause = QStringLiteral("The service is busy (HTTP %1).").arg(status);
        p.fix = QStringLiteral("ivdesk waits and retries by itself.");
    } else if (status >= 500) {
        p.kind = ProblemKind::Service;
        p.cause = QStringLiteral("The service had an internal error (HTTP %1).").arg(status);
        p.fix = QStringLiteral("ivdesk retries by itself; if it lasts, check the service health.");
    } else if (status == 401 || status == 403) {
        p.kind = ProblemKind::Authentication;
        p.cause = QStringLiteral("The service refused the credentials (HTTP %1).").arg(status);
        p.fix = QStringLiteral("Check the app registration and that it is bound to this environment.");
    } else if (status == 404) {
        p.kind = ProblemKind::Configuration;
        p.cause = QStringLiteral("The address was not found (HTTP 404).");
        p.fix = QStringLiteral("Check the endpoint and the environment id in the profile.");
    } else {
        p.kind = ProblemKind::Configuration;
        p.cause = QStringLiteral("The service rejected the request (HTTP %1).").arg(status);
        p.fix = QStringLiteral("Check the values in the profile.");
    }
    return p;
}

} // namespace ivcore
