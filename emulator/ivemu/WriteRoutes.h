// HTTP framing of the write APIs: one JSON object (single) or a JSON array of
// at most 512 (bulk, §5.4, F16), each element handed to a WriteEngine or
// Reservations call.
#pragma once

#include "ivemu/HttpServer.h"
#include "ivemu/WriteEngine.h"

#include <functional>

namespace ivemu::writeroutes {

using Apply = std::function<WriteResult(const QJsonObject &)>;

// The result's body with its HTTP status.
HttpReply single(const QHttpServerRequest &request, const Apply &apply);

// [I] {"success":[ids…],"failure":[{"id","message","statusCode"}…]} (§5.9), HTTP 200.
HttpReply bulk(const QHttpServerRequest &request, const Apply &apply);

// [I] Reservations: a JSON array of the single responses, in request order, HTTP 200.
HttpReply bulkOfResponses(const QHttpServerRequest &request, const Apply &apply);

} // namespace ivemu::writeroutes
