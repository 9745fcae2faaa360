// The IV data plane: /api/environment/{environmentId}/... behind an IV bearer
// token (§2.3, §4). This slice serves the v1 queries and the configuration.
#pragma once

#include "ivemu/HttpServer.h"
#include "ivemu/QueryEngine.h"

namespace ivemu {

class Estate;
class MeasureModel;
class TokenRegistry;

class IvApiEndpoint
{
public:
    IvApiEndpoint(const TokenRegistry &tokens, const Estate &estate, const MeasureModel &model,
                  QString environmentId);

    // `rest` is the path after the environment ID, without a trailing slash.
    HttpReply handle(const QHttpServerRequest &request, const QString &environmentId, const QString &rest);

private:
    const TokenRegistry &m_tokens;
    const MeasureModel &m_model;
    QueryEngine m_queries;
    QString m_environmentId;
};

} // namespace ivemu
