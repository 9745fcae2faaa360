// Partition IDs and data clean-up (§4 rows 24, 26, 27; §14). [I] A partition
// ID is "{organizationId}~{siteId}~{locationId}" under By location and
// "{organizationId}~{productId}" under By product ID; only partitions holding
// a non-zero quantity exist, so the list is empty after a full clean.
#pragma once

#include <QStringList>

namespace ivemu {

class Estate;

namespace partitions {

QStringList ids(const Estate &estate, bool byProductId);
bool hasData(const Estate &estate);
// Zeroes every quantity in the listed partitions (all of them when `all`); returns how many were cleaned.
int clean(Estate &estate, bool byProductId, const QStringList &ids, bool all);

} // namespace partitions
} // namespace ivemu
