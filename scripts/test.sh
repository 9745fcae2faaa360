#!/usr/bin/env bash
# Sets up what is missing, builds the ci preset (warnings as errors, ASan and
# UBSan) and runs the whole suite with ctest, offscreen, inside a private D-Bus
# session with an unlocked gnome-keyring: a real Secret Service for the
# keychain tests that never touches the user's own keyring.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$(nproc)"

sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
mkdir -m 700 "$sandbox/runtime"
export HOME="$sandbox" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config"
export XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/runtime"
export QT_QPA_PLATFORM=offscreen IVDESK_REQUIRE_KEYCHAIN=1

dbus-run-session -- bash -c '
    printf "ivdesk-tests" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --preset ci -j "$(nproc)" "$@"
' ctest-session "$@"
