// One row of an on-hand answer: a product, its dimension values and its
// quantities per data source and measure. Names are configuration, not
// contract, and arrive in any casing: lookups ignore case.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace ivcore {

struct OnhandRow
{
    QString productId;
    // Dimension name in lower case → value, e.g. "siteid" → "1", "colorid" → "Navy".
    QHash<QString, QString> dimensions;
    // "source.measure" in lower case → quantity, e.g. "fno.availphysical" → 12.
    QHash<QString, double> quantities;

    QString dimension(QStringView name) const { return dimensions.value(name.toString().toLower()); }
    std::optional<double> quantity(QStringView dataSource, QStringView measure) const;
    std::optional<double> quantity(QStringView qualifiedMeasure) const; // "iv.onhand"

    static QString measureKey(QStringView dataSource, QStringView measure);
};

// What a response held besides its rows: problems that did not stop parsing.
struct OnhandParseResult
{
    QList<OnhandRow> rows;
    QStringList warnings; // e.g. a quantity that is not a number
    QString error;        // set when the body could not be read at all
};

} // namespace ivcore
