#include "ivemu/AdminLedgerEndpoint.h"

#include "ivemu/WriteLedger.h"

#include <QUrlQuery>

namespace ivemu {

HttpReply ledgerReply(const QHttpServerRequest &request, const WriteLedger &ledger)
{
    if (request.method() != QHttpServerRequest::Method::Get)
        return HttpReply::ivError(405, QStringLiteral("Use GET for /_emulator/ledger."));
    const QUrlQuery query(request.url());
    qint64 since = 0;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok)
            return HttpReply::ivError(400, QStringLiteral("since must be a ledger sequence number."));
    }
    return HttpReply::json(QJsonDocument(QJsonObject{{QStringLiteral("lastSequence"), ledger.lastSequence()},
                                                     {QStringLiteral("entries"), ledger.toJson(since)}}));
}

} // namespace ivemu
