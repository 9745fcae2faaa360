#!/usr/bin/env bash
# Sets up what is missing, builds ivdesk (dev preset) and starts it on the
# built-in demo service. Without a display it says so and renders a picture.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target ivdesk iv-emulator

ivdesk=build/dev/bin/ivdesk
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    picture="$PWD/build/dev/dashboard-demo.png"
    echo
    echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open."
    echo "Rendering the demo dashboard to a picture instead: $picture"
    QT_QPA_PLATFORM=offscreen "$ivdesk" --demo --screenshot "$picture"
    echo "To see the live window, run it under a virtual display:  xvfb-run -a $ivdesk --demo"
    exit 0
fi
exec "$ivdesk" --demo "$@"
