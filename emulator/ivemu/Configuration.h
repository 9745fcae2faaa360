// The active configuration of one environment (§14): read with GET
// /configuration, replaced with POST /configuration/hardupdate, re-keyed with
// updateEnvIdInConfig and moved to partition schema 2. Replacing it rebuilds
// the measure model; the partition rule may change only without data (F9).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ivemu {

class MeasureModel;

class Configuration
{
public:
    Configuration(MeasureModel &model, const QString &environmentId);

    const QJsonObject &document() const { return m_document; }

    // Each returns "" on success, else a message for a 400.
    QString replace(const QJsonObject &document, const QString &pathEnvironmentId, bool hasData);
    QString updateEnvironmentId(const QString &oldEnvironmentId, const QString &newEnvironmentId);
    QString updatePartitionSchema(const QString &newVersion, bool hasData);

    bool byProductId() const { return m_byProductId; }
    bool hasIndexHierarchy() const { return m_hasIndexHierarchy; }
    const QList<int> &reservationHierarchy() const { return m_reservationHierarchy; } // below the partition
    int reservationVersion() const { return m_reservationVersion; }

private:
    MeasureModel &m_model;
    QJsonObject m_document;
    bool m_byProductId = false;
    bool m_hasIndexHierarchy = true;
    QList<int> m_reservationHierarchy;
    int m_reservationVersion = 0;
};

} // namespace ivemu
