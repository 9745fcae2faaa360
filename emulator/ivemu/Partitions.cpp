#include "ivemu/Partitions.h"

#include "ivemu/Estate.h"

#include <QSet>

namespace ivemu::partitions {

namespace {

QString idOf(const Estate &estate, bool byProductId, int variant, int location)
{
    if (byProductId) {
        const int product = estate.catalogue().variants()[variant].product;
        return Estate::organizationId() + u'~' + estate.catalogue().products()[product].productId;
    }
    const EstateLocation &l = estate.locations()[location];
    return Estate::organizationId() + u'~' + l.siteId + u'~' + l.locationId;
}

bool isEmpty(const Estate &estate, int variant, int location)
{
    const auto cell = estate.cell(variant, location);
    return std::all_of(cell.begin(), cell.end(), [](qint32 value) { return value == 0; });
}

template <typename Visit> void forEachCell(const Estate &estate, Visit visit)
{
    const int variants = int(estate.catalogue().variants().size());
    const int locations = int(estate.locations().size());
    for (int v = 0; v < variants; ++v)
        for (int l = 0; l < locations; ++l)
            visit(v, l);
}

} // namespace

QStringList ids(const Estate &estate, bool byProductId)
{
    QStringList out;
    QSet<QString> seen;
    forEachCell(estate, [&](int v, int l) {
        if (isEmpty(estate, v, l))
            return;
        const QString id = idOf(estate, byProductId, v, l);
        if (!seen.contains(id)) {
            seen.insert(id);
            out.append(id);
        }
    });
    out.sort();
    return out;
}

bool hasData(const Estate &estate)
{
    bool any = false;
    forEachCell(estate, [&](int v, int l) { any = any || !isEmpty(estate, v, l); });
    return any;
}

int clean(Estate &estate, bool byProductId, const QStringList &ids, bool all)
{
    QSet<QString> wanted;
    for (const QString &id : ids)
        wanted.insert(id.toLower());
    QSet<QString> cleaned;
    forEachCell(estate, [&](int v, int l) {
        if (isEmpty(estate, v, l))
            return;
        const QString id = idOf(estate, byProductId, v, l);
        if (!all && !wanted.contains(id.toLower()))
            return;
        const auto cell = estate.cell(v, l);
        for (int m = 0; m < PhysicalCount; ++m)
            estate.add(v, l, Physical(m), -cell[std::size_t(m)]);
        cleaned.insert(id);
    });
    return int(cleaned.size());
}

} // namespace ivemu::partitions
