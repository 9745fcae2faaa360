#include "iv/OnhandRow.h"

namespace ivcore {

QString OnhandRow::measureKey(QStringView dataSource, QStringView measure)
{
    return (dataSource.toString() + QLatin1Char('.') + measure.toString()).toLower();
}

std::optional<double> OnhandRow::quantity(QStringView dataSource, QStringView measure) const
{
    return quantity(measureKey(dataSource, measure));
}

std::optional<double> OnhandRow::quantity(QStringView qualifiedMeasure) const
{
    const auto it = quantities.constFind(qualifiedMeasure.toString().toLower());
    if (it == quantities.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace ivcore
