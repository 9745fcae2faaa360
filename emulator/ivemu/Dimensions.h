// The base dimensions of §15.2 and how request names map onto them:
// case-insensitively, optionally through a data source's own names.
#pragma once

#include <QStringList>

namespace ivemu {

struct DataSource;

namespace dimensions {

// Indices into names(). The estate carries values for the first four.
enum : int
{
    SiteId,
    LocationId,
    ColorId,
    SizeId,
    StyleId
};

// Canonical names ("SiteId", "ColorId", …, "ExtendedDimension8").
const QStringList &names();

// A request's dimension name through `source`'s mappings (may be null); -1 if unknown.
int resolve(const QString &name, const DataSource *source);

// Response casing (§5.2): partition dimensions lowercase, the others canonical.
QString outputName(int dimension);

} // namespace dimensions
} // namespace ivemu
