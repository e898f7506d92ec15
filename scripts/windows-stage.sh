#!/usr/bin/env bash
# windows-stage.sh is CI's Windows stage: the Windows builds run under Wine 8.0
# against a real go.exe built from this machine's Go sources.
#
#   - diff: gomirrorctl.exe env --json against go.exe env -json on generated
#     Windows configurations (process variables in any case, %AppData% moved,
#     rooted or missing, GOENV absolute/drive-relative/rooted/relative/off/
#     missing/a directory, CRLF/BOM/duplicate/noise lines, GOPATH lists with
#     ';', GOROOT variants): every value and source must agree;
#   - write: gomirrorctl set/unset against go.exe env -w/-u on the same
#     starting files (core/envfile/testdata/*.in) under every spelling of the
#     file's path, byte for byte, then gomirrorctl undo restores the bytes;
#   - registry, cred: see scripts/windows-stage/winstage;
#   - journey: a profile applied by gomirrorctl.exe is what a new
#     `cmd /c go env GOPROXY` sees; profile export's cmd snippet runs in cmd;
#   - gui: the packaged gomirror-windows-amd64.exe (reused from dist/ when
#     packaging built it) starts under Xvfb and its window is kept as a
#     screenshot in $SHOTS/windows.
#
# Nothing touches the real user: the Wine prefix, HOME and every file live in
# a temporary directory; no network is used (apt aside, to install Wine).
#
# Usage: scripts/windows-stage.sh   (WINSTAGE_N=configurations, default 100;
#        WINSTAGE_KEEP=1 keeps the temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
start=$SECONDS
shots=${SHOTS:-shots}/windows
n=${WINSTAGE_N:-100}
step() { echo "windows-stage: $1 ($((SECONDS - start)) s so far)" >&2; }

# --- tools -------------------------------------------------------------------
missing=()
for p in wine wine64 gcc-mingw-w64-x86-64 xvfb xauth x11-utils xdotool imagemagick; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "windows-stage: installing ${missing[*]}" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
step "tools ready ($(wine --version))"

tmp=$(mktemp -d /tmp/gomirror-winstage.XXXXXX)
export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
export HOME=$tmp/home # Wine's own files; never the real user's
mkdir -p "$HOME" "$tmp/build" "$tmp/d"
cleanup() {
	wineserver -k 2>/dev/null || true
	[ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
	if [ -n "${WINSTAGE_KEEP:-}" ]; then echo "windows-stage: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# --- builds (while Wine makes its prefix) -----------------------------------
(wineboot -i >"$tmp/wineboot.log" 2>&1) &
boot=$!
b=$tmp/build
x86_64-w64-mingw32-gcc -O2 -shared -o "$b/bcryptprimitives.dll" scripts/windows-stage/processprng.c -lbcrypt
(cd "$(go env GOROOT)/src" && GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$b/go.exe" cmd/go)
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$b/gomirrorctl.exe" ./cmd/gomirrorctl
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$b/winstage.exe" ./scripts/windows-stage/winstage
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$b/core.test.exe" ./core/
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$b/resolve.test.exe" ./core/resolve/
wait "$boot" || { cat "$tmp/wineboot.log" >&2; exit 1; }
step "built go.exe (from $(go env GOROOT)/src), gomirrorctl.exe, winstage.exe, the ProcessPrng shim; prefix made"

# --- the prefix: the shim, a fake GOROOT around go.exe, a D: drive ----------
c=$WINEPREFIX/drive_c
cp "$b/bcryptprimitives.dll" "$c/windows/system32/"
mkdir -p "$c/gm/go/bin" "$c/gm/go/pkg/tool" "$c/gm/envfile-in" "$c/t"
cp "$b/go.exe" "$c/gm/go/bin/"
cp "$b/gomirrorctl.exe" "$b/winstage.exe" "$b/core.test.exe" "$b/resolve.test.exe" "$c/gm/"
go env GOVERSION >"$c/gm/go/VERSION"
printf '# shipped\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=auto\n' >"$c/gm/go/go.env"
cp core/envfile/testdata/*.in "$c/gm/envfile-in/"
ln -s "$tmp/d" "$WINEPREFIX/dosdevices/d:"
wineserver -p
wine cmd /c exit >/dev/null 2>&1 || true # starts Wine's services before any output is captured
step "Wine ready"

# winstage runs one check inside Wine, its output into the log.
fails=0
winstage() {
	local log=$tmp/winstage-$1.log
	if wine 'C:\gm\winstage.exe' -n "$n" "$@" >"$log" 2>&1; then :; else fails=$((fails + 1)); fi
	tr -d '\r' <"$log"
	step "$1 done"
}
# The Windows path rules' unit tests, natively: core.IsAbs against the real
# filepath.IsAbs, the drive-relative GOENV/GOROOT cases with Windows joins.
for t in 'core.test.exe IsAbs|AbsPath' 'resolve.test.exe Windows'; do
	if wine 'C:\gm\'"${t%% *}" -test.run "${t#* }" -test.v >"$tmp/unit.log" 2>&1; then
		echo "windows-stage: unit: ok: ${t%% *}: $(tr -d '\r' <"$tmp/unit.log" | grep -c '^--- PASS') tests passed ($(tr -d '\r' <"$tmp/unit.log" | sed -n 's/^--- PASS: \([^ ]*\).*/\1/p' | tr '\n' ' '))" >&2
	else
		echo "windows-stage: unit: FAIL: ${t%% *}:" >&2
		tr -d '\r' <"$tmp/unit.log" >&2
		fails=$((fails + 1))
	fi
done
winstage diff
winstage write
winstage registry
winstage cred
winstage procs

# --- the user's journey through cmd.exe -------------------------------------
# A profile imported and applied with gomirrorctl.exe, then seen by a new
# `cmd /c go env`; profile export's cmd snippet run by cmd.exe. Process
# variables are set inside cmd (Wine ignores an exported APPDATA).
mkdir -p "$c/j/work"
cat >"$c/j/office.toml" <<'TOML'
version = 1

[profiles."Office"]
description = "The Windows stage's profile"

[profiles."Office".set]
GOPROXY = "https://office.example.test|https://backup.example.test,direct"
GOPRIVATE = "*.acme.example.test"
GOFLAGS = "-mod=mod -tags=a&b"
TOML
J='set APPDATA=C:\j\ad&& set USERPROFILE=C:\j\up&& set LOCALAPPDATA=C:\j\la&& set PATH=C:\gm\go\bin;C:\gm;C:\windows\system32;C:\windows&& cd /d C:\j\work'
journey() { # journey NAME EXPECTED CMD: runs CMD in a new cmd.exe, compares its output (lines joined)
	local out=$tmp/journey-${#1}.txt
	wine cmd /c "$J&& $3" >"$out" 2>&1 || true
	if [ "$(tr -d '\r' <"$out" | tr '\n' ' ' | sed 's/ *$//')" = "$(printf '%s' "$2" | tr '\n' ' ')" ]; then
		echo "windows-stage: journey: ok: $1" >&2
	else
		echo "windows-stage: journey: FAIL: $1: got:" >&2
		tr -d '\r' <"$out" >&2
		echo "  want:" >&2
		printf '%s\n' "$2" >&2
		fails=$((fails + 1))
	fi
}
want_office=$'https://office.example.test|https://backup.example.test,direct\n*.acme.example.test\n-mod=mod -tags=a&b'
journey "profile import" 'imported "Office" into C:\j\ad\gomirror\profiles.toml' 'gomirrorctl profile import C:\j\office.toml'
wine cmd /c "$J&& gomirrorctl profile apply --yes Office" >"$tmp/journey-apply.txt" 2>&1 || true
tr -d '\r' <"$tmp/journey-apply.txt" | sed 's/^/  apply: /' >&2
journey "a new cmd.exe sees the applied profile (go env)" "$want_office" 'go env GOPROXY GOPRIVATE GOFLAGS'
wine cmd /c "$J&& gomirrorctl profile export --format cmd Office > C:\j\office.cmd" >/dev/null 2>&1 || true
tr -d '\r' <"$c/j/office.cmd" | sed 's/^/  office.cmd: /' >&2
journey "undo, then a new cmd.exe sees no GOPRIVATE" "" 'gomirrorctl undo >NUL&& go env GOPRIVATE'
journey "profile export --format cmd, run by cmd.exe" "$want_office" 'set GOPROXY=https://stale.example.test&& call C:\j\office.cmd&& go env GOPROXY GOPRIVATE GOFLAGS'

# --- the GUI: the packaged exe under Xvfb -------------------------------------
# The exe packaging builds (reused from dist/ when scripts/ci-package.sh has
# run; else packaging/windows.sh builds it). A wineserver started without a
# display keeps a 1024x768 screen, so it is stopped and restarted under Xvfb.
gui=dist/gomirror-windows-amd64.exe
if [ ! -f "$gui" ] || [ -n "$(find cmd ui core assets -newer "$gui" -name '*.go' -print -quit)" ]; then
	bash packaging/windows.sh >&2
	step "built $gui"
fi
cp "$gui" "$c/gm/gomirror.exe"
wineserver -k || true
wineserver -w || true
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do DISPLAY=$display timeout 5 xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=$display
wineserver -p
mkdir -p "$shots"
(wine cmd /c "$J&& start /wait C:\gm\gomirror.exe" >"$tmp/gui.log" 2>&1) &
gui_pid=$!
wid=""
for _ in $(seq 600); do
	wid=$(timeout 5 xdotool search --onlyvisible --name '^Go Mirror$' 2>/dev/null | head -n1 || true)
	[ -n "$wid" ] && break
	kill -0 "$gui_pid" 2>/dev/null || break
	sleep 0.1
done
gui_ok=0
if [ -z "$wid" ]; then
	echo "windows-stage: gui: FAIL: no window titled 'Go Mirror' appeared" >&2
	tr -d '\r' <"$tmp/gui.log" >&2
else
	sleep 5 # stays alive, and the Overview has resolved
	geom=$(timeout 5 xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p')
	mapped=$(timeout 5 xwininfo -id "$wid" | sed -n 's/.*Map State: //p')
	w=${geom%x*} h=${geom#*x}
	if kill -0 "$gui_pid" 2>/dev/null && [ "$mapped" = IsViewable ] && [ "${w:-0}" -ge 800 ] && [ "${h:-0}" -ge 500 ]; then
		gui_ok=1
	fi
	timeout 20 import -window "$wid" "$shots/overview.png" || timeout 20 import -window root "$shots/overview.png" || true
	echo "windows-stage: gui: window $wid '$(timeout 5 xdotool getwindowname "$wid")' $mapped ${geom}, alive after 5 s: $([ $gui_ok = 1 ] && echo ok || echo FAIL); screenshot $shots/overview.png" >&2
fi
[ "$gui_ok" = 1 ] || fails=$((fails + 1))
wineserver -k || true
wait "$gui_pid" 2>/dev/null || true
step "gui done"

if [ "$fails" -gt 0 ]; then
	echo "windows-stage: $fails check(s) FAILED ($((SECONDS - start)) s)" >&2
	exit 1
fi
echo "windows-stage: every check passed in $((SECONDS - start)) s" >&2
