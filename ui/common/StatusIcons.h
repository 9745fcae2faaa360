// Small state dots drawn from the palette, each with a distinct shape, so
// state never rests on colour alone.
#pragma once

#include <QIcon>
#include <QPalette>

namespace ivui {

enum class StatusIcon
{
    Idle,
    Busy,
    Live,
    Stale,
    Failed
};

QIcon statusIcon(StatusIcon kind, const QPalette &palette);

} // namespace ivui
