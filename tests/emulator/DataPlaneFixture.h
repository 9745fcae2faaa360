// A started emulator with an IV token, plus helpers to call the data plane of
// the demo environment by path, the way a client would.
#pragma once

#include "ConformanceFixture.h"
#include "ivemu/WriteLedger.h"

namespace conformance {

inline QJsonArray strings(std::initializer_list<const char *> values)
{
    QJsonArray array;
    for (const char *value : values)
        array.append(QLatin1String(value));
    return array;
}

class DataPlaneTest : public ConformanceTest
{
protected:
    void SetUp() override
    {
        ConformanceTest::SetUp();
        token = ivToken();
        ASSERT_FALSE(token.isEmpty());
    }

    // `rest` may carry a query string ("onhand?productId=0140").
    QUrl api(const QString &rest, const QString &environmentId = {}) const
    {
        const qsizetype question = rest.indexOf(u'?');
        QUrl url = at(QStringLiteral("/api/environment/%1/%2")
                          .arg(environmentId.isEmpty() ? info.credentials.environmentId : environmentId,
                               rest.left(question)));
        if (question >= 0)
            url.setQuery(rest.mid(question + 1));
        return url;
    }
    HttpClient::Headers auth() const
    {
        return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
    }

    HttpResult post(const QString &rest, const QJsonDocument &body)
    {
        return http.postJson(api(rest), body, auth());
    }
    HttpResult post(const QString &rest, const QJsonObject &body) { return post(rest, QJsonDocument(body)); }
    HttpResult post(const QString &rest, const QJsonArray &body) { return post(rest, QJsonDocument(body)); }
    HttpResult get(const QString &rest) { return http.get(api(rest), auth()); }

    // A cell of the demo estate through the emulator's own accessor.
    qint64 cell(const char *product, const char *colour, const char *size, const char *location,
                const char *measure) const
    {
        return emulator
            .quantity(QLatin1String(product), QLatin1String(colour), QLatin1String(size),
                      QLatin1String(location), QLatin1String(measure))
            .value_or(-999999);
    }

    // How many ledger entries carry the event ID `id`.
    qsizetype ledgerCount(const QString &id) const
    {
        qsizetype count = 0;
        for (const ivemu::LedgerEntry &entry : emulator.ledger()->entries())
            count += entry.eventId == id;
        return count;
    }

    QString token;
};

} // namespace conformance
