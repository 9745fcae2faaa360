// GET /_emulator/ledger[?since=N]: the write ledger as JSON, so a test or a
// person can see every applied event ID and what it changed. [I] Emulator-only,
// no authentication (loopback).
#pragma once

#include "ivemu/HttpServer.h"

namespace ivemu {

class WriteLedger;

HttpReply ledgerReply(const QHttpServerRequest &request, const WriteLedger &ledger);

} // namespace ivemu
