#!/usr/bin/env bash
# Renders the pictures kept in docs/images/ from the real app on demo data.
# Tests write their pictures into the build tree; only this script touches docs/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cmake --preset dev >/dev/null
cmake --build --preset dev --target ivdesk
QT_QPA_PLATFORM=offscreen build/dev/bin/ivdesk --demo --screenshot docs/images/dashboard-demo.png
