#!/usr/bin/env bash
# test.sh runs every Go test with the race detector inside a throwaway D-Bus
# session whose gnome-keyring is unlocked, so keyring tests use a real Secret
# Service and never the user's. DISPLAY is removed: with a display, a locked
# keyring would open a prompt and hang.
set -euo pipefail

# The patched Fyne (third_party/fyne/PATCH.md): the files are upstream plus the
# patch, and the patch's own tests pass in the generated module (they start
# their own Xvfb). Every test below builds against it, through the workspace.
bash scripts/fyne-patch.sh check
work=$(bash scripts/fyne-patch.sh workspace)
(cd bin/fyne && GOWORK=off go test -race -count=1 -timeout 300s ./internal/driver/glfw/)
export GOWORK=$work

# The differential tests (resolution, env-file writes, routes, and the
# packages that compare with the real go command) again on the current Go
# release, fetched as a module by GOTOOLCHAIN (about 10 s the first time).
# Without -race: the race detector already ran them on the module's Go. The
# keyring tests here use the mock.
go127=(./core/resolve/ ./core/envfile/ ./core/private/route/ ./core/mirrors/ ./core/profile/
	./core/diagnose/ ./core/validate/ ./core/service/ ./core/troubleshoot/... ./core/origin/diag/
	./cmd/gomirrorctl/)
GOTOOLCHAIN=go1.27.3 go version
env -u DISPLAY GOTOOLCHAIN=go1.27.3 timeout 900 go test -count=1 -timeout 600s "${go127[@]}"

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
	env -u DISPLAY XDG_DATA_HOME="$data" GOMIRROR_REAL_KEYRING=1 dbus-run-session -- sh -c \
		'echo ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; go test -race -count=1 ./...'
	exit $?
fi
echo "test.sh: no D-Bus/gnome-keyring here; keyring tests use the mock only" >&2
go test -race -count=1 ./...
