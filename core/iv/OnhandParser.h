// Reads on-hand answers leniently: a bare array (v1) or a {"value": [...]}
// envelope in any casing (v2 paging), keys in any casing, quantities as
// numbers or numeric strings, unknown sources and measures kept as they are.
#pragma once

#include "iv/OnhandRow.h"

#include <QByteArray>

namespace ivcore {

OnhandParseResult parseOnhandResponse(const QByteArray &body);

} // namespace ivcore
