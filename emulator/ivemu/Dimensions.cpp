#include "ivemu/Dimensions.h"

#include "ivemu/MeasureModel.h"

namespace ivemu::dimensions {

const QStringList &names()
{
    static const QStringList list = [] {
        QStringList out{
            QStringLiteral("SiteId"),        QStringLiteral("LocationId"),  QStringLiteral("ColorId"),
            QStringLiteral("SizeId"),        QStringLiteral("StyleId"),     QStringLiteral("ConfigId"),
            QStringLiteral("BatchId"),       QStringLiteral("SerialId"),    QStringLiteral("StatusId"),
            QStringLiteral("WMSLocationId"), QStringLiteral("WMSPalletId"), QStringLiteral("LicensePlateId"),
            QStringLiteral("VersionId"),     QStringLiteral("Empty")};
        for (int i = 1; i <= 12; ++i)
            out.append(QStringLiteral("InventDimension%1").arg(i));
        for (int i = 1; i <= 8; ++i)
            out.append(QStringLiteral("ExtendedDimension%1").arg(i));
        return out;
    }();
    return list;
}

int resolve(const QString &name, const DataSource *source)
{
    QString base = name;
    if (source)
        for (const auto &[from, to] : source->dimensionMappings)
            if (from.compare(name, Qt::CaseInsensitive) == 0)
                base = to;
    for (int i = 0; i < names().size(); ++i)
        if (names()[i].compare(base, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

QString outputName(int dimension)
{
    return dimension <= LocationId ? names()[dimension].toLower() : names()[dimension];
}

} // namespace ivemu::dimensions
