// Where a write lands: the product, the store and the colour/size variants its
// `dimensions` name (§6, §8). Dimension names are case-insensitive and may be a
// data source's own names (`dimensionDataSource`); keys that are no dimension
// (e.g. "posMachineId") are carried by IV but ignored here.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ivemu {

class Estate;
class MeasureModel;

struct WriteTarget
{
    int product = -1;
    int location = -1;
    QList<int> variants;           // variants matching the named colour/size, in catalogue order
    QList<int> namedDimensions;    // base dimensions named besides siteId/locationId, in request order
    QString error;                 // non-empty: the write cannot land
    bool missingPartition = false; // siteId or locationId absent (partition rule By location)
};

WriteTarget resolveWriteTarget(const Estate &estate, const MeasureModel &model, const QJsonObject &event);

} // namespace ivemu
