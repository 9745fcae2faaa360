#include "common/Logging.h"

namespace ivcore {
Q_LOGGING_CATEGORY(lcNet, "ivdesk.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "ivdesk.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIv, "ivdesk.iv", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "ivdesk.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMonitor, "ivdesk.monitor", QtWarningMsg)
} // namespace ivcore
