// One logging category per module; see docs for QT_LOGGING_RULES.
#pragma once

#include <QLoggingCategory>

namespace ivcore {
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcIv)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcMonitor)
} // namespace ivcore
