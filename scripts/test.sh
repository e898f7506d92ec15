#!/usr/bin/env bash
# test.sh runs every Go test with the race detector inside a throwaway D-Bus
# session whose gnome-keyring is unlocked, so keyring tests use a real Secret
# Service and never the user's. DISPLAY is removed: with a display, a locked
# keyring would open a prompt and hang.
set -euo pipefail

# The patched Fyne (third_party/fyne/PATCH.md): the copy is upstream plus the
# patch, and the patch's own tests pass (they start their own Xvfb). The copy
# is a module outside the workspace, so GOWORK=off.
bash scripts/fyne-patch.sh check
(cd third_party/fyne && GOWORK=off go test -race -count=1 -timeout 300s ./internal/driver/glfw/)

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
	env -u DISPLAY XDG_DATA_HOME="$data" GOMIRROR_REAL_KEYRING=1 dbus-run-session -- sh -c \
		'echo ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; go test -race -count=1 ./...'
	exit $?
fi
echo "test.sh: no D-Bus/gnome-keyring here; keyring tests use the mock only" >&2
go test -race -count=1 ./...
