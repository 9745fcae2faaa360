// The IV data plane: /api/environment/{environmentId}/... behind an IV bearer
// token (§2.3, §4): queries, writes, reservations and configuration of the
// demo environment, plus the 308 of an environment on another island (§3).
#pragma once

#include "ivemu/Configuration.h"
#include "ivemu/HttpServer.h"
#include "ivemu/QueryEngine.h"
#include "ivemu/Reservations.h"
#include "ivemu/Schedules.h"
#include "ivemu/WriteEngine.h"
#include "ivemu/WriteLedger.h"

namespace ivemu {

class Estate;
class MeasureModel;
class TokenRegistry;

class IvApiEndpoint
{
public:
    IvApiEndpoint(const TokenRegistry &tokens, Estate &estate, MeasureModel &model, QString environmentId);

    // `rest` is the path after the environment ID, without a trailing slash.
    HttpReply handle(const QHttpServerRequest &request, const QString &environmentId, const QString &rest);
    // The same call made to island 2's address (path prefix kOtherIslandPrefix).
    HttpReply handleOnOtherIsland(const QHttpServerRequest &request, const QString &environmentId,
                                  const QString &rest);

    // [I] An environment that lives on another island: the main address answers 308 for it.
    static QString otherIslandEnvironmentId()
    {
        return QStringLiteral("c3a1f7e2-4d6b-4e8a-9f10-2b7c5d9e3a84");
    }
    static QString otherIslandPrefix() { return QStringLiteral("/island2"); }

    // Emulator switches: the older 100/100 query limits (§23.5); omit never-touched measures (§24).
    void setSwitches(bool legacyQueryLimits, bool omitUntouchedMeasures);

    WriteLedger &ledger() { return m_ledger; }
    WriteEngine &writes() { return m_writes; }
    Reservations &reservations() { return m_reservations; }

private:
    HttpReply authenticate(const QHttpServerRequest &request, const QString &environmentId) const;
    HttpReply dispatch(const QHttpServerRequest &request, const QString &rest);
    HttpReply query(const QHttpServerRequest &request, const QString &route); // IvQueryRoutes.cpp
    HttpReply configurationRoute(const QHttpServerRequest &request,
                                 const QString &route); // IvConfigurationRoutes.cpp
    void applyConfiguration(); // pushes the configuration into queries and reservations

    bool m_legacyQueryLimits = false;
    bool m_omitUntouchedMeasures = false;

    const TokenRegistry &m_tokens;
    Estate &m_estate;
    MeasureModel &m_model;
    Configuration m_configuration;
    QueryEngine m_queries;
    WriteLedger m_ledger;
    WriteEngine m_writes;
    Reservations m_reservations;
    Schedules m_schedules;
    QString m_environmentId;
};

} // namespace ivemu
