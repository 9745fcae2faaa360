// Renders a widget to a PNG, written atomically (used by --screenshot).
#pragma once

#include <QString>

class QWidget;

namespace ivdesk {

// Empty on success, else the reason for people.
QString writeScreenshot(QWidget *widget, const QString &path);

} // namespace ivdesk
