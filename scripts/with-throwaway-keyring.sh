#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME keyring, so tests (and demo
# runs on machines without a desktop session) use a real Secret Service without touching the
# user's own keychain. The keyring's password is random and thrown away.
set -euo pipefail
if [ -z "${PAYROLL_DESK_IN_THROWAWAY_KEYRING:-}" ]; then
  export PAYROLL_DESK_IN_THROWAWAY_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
head -c 24 /dev/urandom | base64 | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"
