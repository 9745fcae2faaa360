// The emulator's control surface for faults and request statistics, on the
// main listener under /_emulator/ (never faulted, never counted):
//   GET    /_emulator/faults        {"faults":[rule, ...]}
//   POST   /_emulator/faults        a rule, {"faults":[rules]}, [rules], {"spec":"route=kind..."}
//                                   or {"specs":[...]}; all or nothing; answers the list
//   DELETE /_emulator/faults        removes every rule
//   DELETE /_emulator/faults/{id}   removes one rule (404 if unknown)
//   GET    /_emulator/stats         {"requests":n,"routes":{name:n},"faults":{kind:n}}
//   DELETE /_emulator/stats         resets the counters
#pragma once

#include "ivemu/HttpServer.h"

namespace ivemu {

class FaultInjector;

class AdminFaultsEndpoint
{
public:
    explicit AdminFaultsEndpoint(FaultInjector &faults) : m_faults(faults) {}

    // Adds the admin routes to `server`.
    void addRoutes(HttpServer &server);

    HttpReply faults(const QHttpServerRequest &request);
    HttpReply fault(const QHttpServerRequest &request, const QString &id);
    HttpReply stats(const QHttpServerRequest &request);

private:
    FaultInjector &m_faults;
};

} // namespace ivemu
