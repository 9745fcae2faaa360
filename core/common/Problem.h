// A failure told for people: what failed, the likely cause and what to do.
// Every error that reaches a screen or a terminal is one of these.
#pragma once

#include "net/HttpTypes.h"

#include <QString>

namespace ivcore {

enum class ProblemKind
{
    Network,        // no answer: offline, timeout, refused, TLS
    Configuration,  // the profile is wrong (ids, addresses); retrying will not help
    Authentication, // a credential was refused
    Service,        // the service answered with an error; may pass
};

struct Problem
{
    ProblemKind kind = ProblemKind::Network;
    QString what;   // "Could not sign in to Microsoft Entra"
    QString cause;  // "The client secret is wrong."
    QString fix;    // "Paste the secret's Value, not its Secret ID."
    QString detail; // codes, status and request id, for support

    bool isRetryable() const { return kind == ProblemKind::Network || kind == ProblemKind::Service; }
    QString summary() const; // one line: what — cause
};

// The transport part of a failure (no answer at all), in plain words.
Problem problemFromTransport(const QString &what, const HttpResponse &response);

// An HTTP error status with a body we do not understand any better.
Problem problemFromHttpStatus(const QString &what, const HttpResponse &response);

} // namespace ivcore
