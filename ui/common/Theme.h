// An explicit light or dark look. Qt 6.4 cannot follow the desktop's colour
// scheme, so the user chooses; "system" keeps the platform's own palette.
#pragma once

#include <QString>
#include <optional>

class QApplication;

namespace ivui {

enum class Theme
{
    System,
    Light,
    Dark
};

std::optional<Theme> themeFromName(const QString &name); // "system", "light", "dark"
void applyTheme(QApplication &app, Theme theme);

} // namespace ivui
