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
#   - userfix: user variables (REG_SZ, REG_EXPAND_SZ) in HKCU\Environment
#     that override the env file: doctor offers "gomirrorctl fix user-var",
#     which previews and removes them, a new cmd.exe then sees the env
#     file's values, and gomirrorctl undo restores each value and its type;
#   - gui: the packaged, signed gomirror-windows-amd64.exe (reused from dist/
#     when packaging built it): its signature verified, installed under
#     %LOCALAPPDATA%\Programs\Go Mirror, started under Xvfb for a new user;
#     the first-run assistant driven with the keyboard against loopback fake
#     mirrors (a screenshot of each step in $SHOTS/windows), its choice seen
#     by a new `cmd /c go env GOPROXY` and recorded with source "assistant";
#     then the Overview, at its normal size, alive (overview.png).
#
# Nothing touches the real user: the Wine prefix, HOME and every file live in
# a temporary directory; no network is used (apt aside, to install Wine).
#
# Usage: scripts/windows-stage.sh   (WINSTAGE_N=configurations, default 100;
#        WINSTAGE_KEEP=1 keeps the temporary directory; WINSTAGE_DISPLAY=:N
#        picks the Xvfb display, else one of :80-:88)
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
step "tools ready ($(wine --version 2>/dev/null))"

tmp=$(mktemp -d /tmp/gomirror-winstage.XXXXXX)
export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
# Wine's own files go to a throwaway HOME, never the real user's; the Go
# builds keep the real one (and its warm caches).
realhome=$HOME
mkdir -p "$tmp/home" "$tmp/build" "$tmp/d"
cleanup() {
	wineserver -k 2>/dev/null || true
	[ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
	[ -n "${fakes_pid:-}" ] && kill "$fakes_pid" 2>/dev/null || true
	if [ -n "${WINSTAGE_KEEP:-}" ]; then echo "windows-stage: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# --- builds (while Wine makes its prefix) -----------------------------------
(HOME=$tmp/home wineboot -i >"$tmp/wineboot.log" 2>&1) &
boot=$!
b=$tmp/build
x86_64-w64-mingw32-gcc -O2 -shared -o "$b/bcryptprimitives.dll" scripts/windows-stage/processprng.c -lbcrypt
(cd "$(go env GOROOT)/src" && GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$b/go.exe" cmd/go)
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$b/gomirrorctl.exe" ./cmd/gomirrorctl
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$b/winstage.exe" ./scripts/windows-stage/winstage
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$b/core.test.exe" ./core/
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$b/resolve.test.exe" ./core/resolve/
go build -o "$b/fakemirrors" ./scripts/fakemirrors
wait "$boot" || { cat "$tmp/wineboot.log" >&2; exit 1; }
# Wine hands the Linux environment to Windows programs: no Go variable of
# this machine's (GOPATH=/home/..., GOFLAGS) may reach go.exe.
export HOME=$tmp/home
for v in $(compgen -e | grep '^GO'); do unset "$v"; done
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
wineserver -w # the one wineboot started ends (-p refuses while it runs), then one for the whole stage
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

# --- the registry fix through gomirrorctl.exe, seen by a new cmd.exe ---------
# A user GOPROXY (REG_SZ) and GOFLAGS (REG_EXPAND_SZ) in HKCU\Environment
# override the env file (go env -w) in every process Wine starts, as
# Explorer's variables do on Windows; a system GOPRIVATE (HKLM) too.
# gomirrorctl doctor offers the fix, "fix user-var NAME" previews and (with
# --yes) removes the user values, a new cmd.exe then sees the env file's
# values, and "gomirrorctl undo" restores each value and its type exactly.
mkdir -p "$c/u/work"
K='set APPDATA=C:\u\ad&& set USERPROFILE=C:\u\up&& set LOCALAPPDATA=C:\u\la&& set PATH=C:\gm\go\bin;C:\gm;C:\windows\system32;C:\windows&& cd /d C:\u\work'
uf_ok=0 uf_n=0
uf() { # uf WHAT OK-COMMAND...: one check of this section
	local what=$1
	shift
	uf_n=$((uf_n + 1))
	if "$@"; then
		uf_ok=$((uf_ok + 1))
		echo "windows-stage: userfix: ok: $what" >&2
	else
		echo "windows-stage: userfix: FAIL: $what" >&2
		fails=$((fails + 1))
	fi
}
kcmd() { wine cmd /c "$K&& $1" 2>&1 | tr -d '\r'; }
reg() { wine 'C:\gm\winstage.exe' reg "$@" 2>&1 | tr -d '\r'; }
has() { grep -qF -- "$2" <<<"$1" || { printf '  missing %s in:\n%s\n' "$2" "$1" | head -40 >&2; return 1; }; }
same() { [ "$1" = "$2" ] || { printf '  got %q, want %q\n' "$1" "$2" >&2; return 1; }; }
kcmd 'gomirrorctl set GOPROXY=https://envfile.example.test GOFLAGS=-mod=mod GOPRIVATE=*.file.example.test' >/dev/null
reg set user GOPROXY sz 'https://user.example.test'
reg set user GOFLAGS expand '-tags=%WINSTAGE_TAG%'
reg set user WINSTAGE_TAG sz 'wine'
reg set system GOPRIVATE sz '*.system.example.test'
uf "a new cmd.exe sees the registry's values over the env file's" \
	same "$(kcmd 'go env GOPROXY GOFLAGS GOPRIVATE' | tr '\n' ' ')" 'https://user.example.test -tags=wine *.system.example.test '
doctor=$(kcmd 'gomirrorctl doctor --json --no-shell')
uf "doctor offers gomirrorctl fix user-var GOPROXY (REG_SZ)" has "$doctor" '"Command": "gomirrorctl fix user-var GOPROXY"'
uf "doctor offers gomirrorctl fix user-var GOFLAGS, previewing the REG_EXPAND_SZ value as stored" \
	has "$doctor" 'GOFLAGS    REG_EXPAND_SZ    -tags=%WINSTAGE_TAG%'
uf "doctor leaves the system GOPRIVATE to an administrator, with the command" \
	has "$doctor" "[Environment]::SetEnvironmentVariable('GOPRIVATE', \$null, 'Machine')"
preview=$(kcmd 'gomirrorctl fix user-var GOPROXY')
previewed() { has "$preview" '-    GOPROXY    REG_SZ    https://user.example.test' && same "$(reg get user GOPROXY)" "$(printf 'REG_SZ\thttps://user.example.test')"; }
uf "fix user-var GOPROXY previews exactly what it removes, and changes nothing" previewed
echo "$preview" | sed 's/^/  preview: /' >&2
kcmd 'gomirrorctl fix user-var GOPROXY --yes' | sed 's/^/  fix: /' >&2
kcmd 'gomirrorctl fix user-var GOFLAGS --yes --json' >"$tmp/userfix.json"
uf "fix user-var --yes removed both values from HKCU\\Environment" \
	same "$(reg get user GOPROXY) $(reg get user GOFLAGS)" 'absent absent'
uf "fix --json reports the plan applied, with its history entry" has "$(cat "$tmp/userfix.json")" '"applied": true'
uf "a new cmd.exe now sees the env file's GOPROXY and GOFLAGS (the system GOPRIVATE stays)" \
	same "$(kcmd 'go env GOPROXY GOFLAGS GOPRIVATE' | tr '\n' ' ')" 'https://envfile.example.test -mod=mod *.system.example.test '
uf "gomirrorctl env --json: GOPROXY from the env file" \
	has "$(kcmd 'gomirrorctl env --json GOPROXY' | tr -d ' \n')" '"GOPROXY":{"value":"https://envfile.example.test","source":"env-file"'
kcmd 'gomirrorctl history' | sed 's/^/  history: /' >&2
kcmd 'gomirrorctl undo' | sed 's/^/  undo: /' >&2
uf "undo restores GOFLAGS as REG_EXPAND_SZ, unexpanded" same "$(reg get user GOFLAGS)" "$(printf 'REG_EXPAND_SZ\t-tags=%%WINSTAGE_TAG%%')"
kcmd 'gomirrorctl undo' | sed 's/^/  undo: /' >&2
uf "undo restores GOPROXY as REG_SZ" same "$(reg get user GOPROXY)" "$(printf 'REG_SZ\thttps://user.example.test')"
uf "a new cmd.exe sees the restored values again" \
	same "$(kcmd 'go env GOPROXY GOFLAGS' | tr '\n' ' ')" 'https://user.example.test -tags=wine '
for v in GOPROXY GOFLAGS WINSTAGE_TAG; do reg del user "$v"; done
reg del system GOPRIVATE
echo "windows-stage: userfix: $uf_ok of $uf_n checks passed" >&2
step "userfix done"

# --- the GUI: the Windows user's journey with the packaged, signed exe --------
# The exe packaging builds (reused from dist/ when scripts/ci-package.sh has
# run; else packaging/windows.sh builds it), its signature verified, copied
# where a per-user install puts it (%LOCALAPPDATA%\Programs\Go Mirror), and
# started under Xvfb for a user who has never run Go Mirror (no history, no
# env file, not onboarded), so that the first-run assistant opens. It is
# driven with the keyboard only (Enter presses a dialog's default button),
# a screenshot of each step kept in $SHOTS/windows. The lab's only set-up:
# the mirrors it measures are loopback fake mirrors (scripts/fakemirrors,
# the user's own mirror list), the built-in ones are left out of probing
# (as a user can on the Mirrors screen; nothing leaves the machine), and
# go.env names a dead loopback mirror as the toolchain's default, as for a
# user in mainland China, and GOSUMDB=off (the fakes proxy no checksum
# database), so that the assistant's closing proof downloads through the
# chosen mirror and nothing else. A wineserver started without a display keeps a
# 1024x768 screen, so it is stopped and restarted under Xvfb.
gui=dist/gomirror-windows-amd64.exe
# A change of a test file leaves it as it is; one of the embedded assets
# (the message catalogue) does not.
if [ ! -f "$gui" ] || [ -n "$(find cmd ui core assets -newer "$gui" -type f \( -name '*.go' ! -name '*_test.go' -o -path 'assets/*' \) -print -quit)" ]; then
	HOME=$realhome bash packaging/windows.sh >&2
	step "built $gui"
fi
jok=0 jn=0
jcheck() { # jcheck WHAT OK-COMMAND...: one check of the GUI journey
	local what=$1
	shift
	jn=$((jn + 1))
	if "$@"; then
		jok=$((jok + 1))
		echo "windows-stage: gui journey: ok: $what" >&2
	else
		echo "windows-stage: gui journey: FAIL: $what" >&2
		fails=$((fails + 1))
	fi
}
ca=${GOMIRROR_SIGN_CAFILE:-dist/throwaway-signing-cert.pem}
verified() { osslsigncode verify -CAfile "$ca" -in "$gui" >"$tmp/verify.log" 2>&1 && grep -q 'Signature verification: ok' "$tmp/verify.log" || { cat "$tmp/verify.log" >&2; return 1; }; }
jcheck "osslsigncode verifies the exe's signature against $ca" verified
inst="$c/a/la/Programs/Go Mirror"
roam=$c/a/up/AppData/Roaming
mkdir -p "$inst" "$roam/gomirror" "$roam/fyne/io.github.gomirror.app" "$c/a/work"
cp "$gui" "$inst/gomirror.exe"
SUMDB=sum.example.test "$b/fakemirrors" >"$roam/gomirror/mirrors.json" &
fakes_pid=$!
for _ in $(seq 100); do grep -q '^}' "$roam/gomirror/mirrors.json" 2>/dev/null && break; sleep 0.05; done
urls=$(sed -n 's/.*"url": "\([^"]*\)".*/\1/p' "$roam/gomirror/mirrors.json")
fastest=$(head -n1 <<<"$urls") dead=$(tail -n1 <<<"$urls")
printf '{"probeOff":[%s]}\n' "$(sed -n 's/.*"url": *\("[^"]*"\).*/\1/p' core/mirrors/catalogue.json | paste -sd,)" \
	>"$roam/fyne/io.github.gomirror.app/preferences.json"
printf '# the journey: the default proxy is unreachable; the lab has no checksum database\nGOPROXY=%s,direct\nGOSUMDB=off\nGOTOOLCHAIN=auto\n' "$dead" >"$c/gm/go/go.env"
A='set APPDATA=C:\a\up\AppData\Roaming&& set USERPROFILE=C:\a\up&& set LOCALAPPDATA=C:\a\la&& set PATH=C:\gm\go\bin;C:\windows\system32;C:\windows'

wineserver -k || true
wineserver -w || true
display=${WINSTAGE_DISPLAY:-:$((80 + RANDOM % 9))}
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do DISPLAY=$display timeout 5 xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=$display
wineserver -p
mkdir -p "$shots"
(wine cmd /c "$A&& cd /d C:\a\la\Programs\Go Mirror&& start /wait gomirror.exe" >"$tmp/gui.log" 2>&1) &
gui_pid=$!
wid=""
for _ in $(seq 600); do
	wid=$(timeout 5 xdotool search --onlyvisible --name '^Go Mirror$' 2>/dev/null | head -n1 || true)
	[ -n "$wid" ] && break
	kill -0 "$gui_pid" 2>/dev/null || break
	sleep 0.1
done
shot() { timeout 20 import -window "$wid" "$tmp/raw.png" && convert "$tmp/raw.png" -strip "$shots/$1.png"; }
key() {
	timeout 5 xdotool windowfocus --sync "$wid" >/dev/null 2>&1 || true
	timeout 5 xdotool key --clearmodifiers "$1"
}
envfile=$roam/go/env
if [ -z "$wid" ]; then
	echo "windows-stage: gui: FAIL: no window titled 'Go Mirror' appeared" >&2
	tr -d '\r' <"$tmp/gui.log" >&2
	fails=$((fails + 1))
else
	# Step 1 (Go found) and step 2 (the default proxy checked): Enter
	# moves on. Step 3 measures; Enter applies the option it preselects
	# once the measurement is over (Apply is disabled until then), so it
	# is pressed every 2 s until the env file appears.
	sleep 6
	shot firstrun-1-go
	key Return
	sleep 4
	shot firstrun-2-network
	key Return
	for _ in $(seq 20); do
		sleep 2
		[ -s "$envfile" ] && break
		shot firstrun-3-mirrors
		key Return
	done
	sleep 3
	shot firstrun-4-applied
	key Return # Finish
	sleep 2
	applied=$(tr -d '\r' <"$envfile" 2>/dev/null | sed -n 's/^GOPROXY=//p')
	jcheck "the assistant applied the fastest loopback mirror it measured: GOPROXY=$applied" [ "${applied%%[,|]*}" = "$fastest" ]
	seen=$(wine cmd /c "$A&& go env GOPROXY" 2>&1 | tr -d '\r')
	seen_ok() { [ -n "$applied" ] && [ "$seen" = "$applied" ]; }
	jcheck "a new cmd.exe sees it: go env GOPROXY = $seen" seen_ok
	wine cmd /c "$A&& C:\gm\gomirrorctl.exe history --json" >"$tmp/journey-history.json" 2>&1 || true
	src=$(tr -d '\r' <"$tmp/journey-history.json" | sed -n 's/.*"source": "\([^"]*\)".*/\1/p' | head -n1)
	jcheck "the history records the write with source \"$src\"" [ "$src" = assistant ]
	jcheck "the assistant is remembered as done (preferences: onboarded)" grep -q '"onboarded":true' "$roam/fyne/io.github.gomirror.app/preferences.json"

	# The Overview after the assistant: the window keeps its normal size
	# and the app stays alive.
	sleep 3
	geom=$(timeout 5 xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p')
	mapped=$(timeout 5 xwininfo -id "$wid" | sed -n 's/.*Map State: //p')
	w=${geom%x*} h=${geom#*x}
	gui_ok=0
	if kill -0 "$gui_pid" 2>/dev/null && [ "$mapped" = IsViewable ] && [ "${w:-0}" -ge 800 ] && [ "${h:-0}" -ge 500 ]; then
		gui_ok=1
	fi
	timeout 20 import -window "$wid" "$shots/overview.png" || timeout 20 import -window root "$shots/overview.png" || true
	echo "windows-stage: gui: window $wid '$(timeout 5 xdotool getwindowname "$wid")' $mapped ${geom}, alive after the assistant: $([ $gui_ok = 1 ] && echo ok || echo FAIL); screenshots in $shots: $(cd "$shots" && ls | tr '\n' ' ')" >&2
	[ "$gui_ok" = 1 ] || fails=$((fails + 1))
fi
echo "windows-stage: gui journey: $jok of $jn checks passed" >&2
kill "$fakes_pid" 2>/dev/null || true
wineserver -k || true
wait "$gui_pid" 2>/dev/null || true
step "gui done"

if [ "$fails" -gt 0 ]; then
	echo "windows-stage: $fails check(s) FAILED ($((SECONDS - start)) s)" >&2
	exit 1
fi
echo "windows-stage: every check passed in $((SECONDS - start)) s" >&2
