#!/usr/bin/env bash
# gui-fit.sh checks that the real GUI fits small and scaled screens, under
# Xvfb in a throwaway HOME:
#   1. at scale 1.0 the window can be made 800×560 and stays so on every
#      screen (no screen's minimum size forces it wider or taller); a
#      screenshot of each screen at that size is saved as
#      OUTDIR/fit-<screen>[-zh-Hans].png, in English and Simplified Chinese;
#   2. at scale 1.5 on a 1920×1080 screen it opens inside the screen.
# (TestWindowFits800x560 in ui checks that each screen's main actions lie
# inside the 800×560 window.) Usage: gui-fit.sh BINARY OUTDIR
# XVFB_DISPLAY=:N runs Xvfb on display :N rather than a random one of
# :70-:78 (each of the script's two servers in turn).
set -euo pipefail
. "$(dirname "$0")/xapp.sh"
bin=$(realpath "$1") out=$2
mkdir -p "$out"
tmp=$(mktemp -d) app="" xvfb=""
trap 'kill -KILL $app $xvfb 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
screens=(overview mirrors private profiles history troubleshoot)
fail=0

# fake_goroot makes $tmp/goroot from the installation of the go on PATH,
# with a go.env naming *.example.test hosts (as screenshots.sh does).
fake_goroot() {
	local real
	real=$(go env GOROOT)
	mkdir -p "$tmp/goroot/bin"
	for e in "$real"/*; do
		case $(basename "$e") in go.env | bin) ;; *) ln -s "$e" "$tmp/goroot/" ;; esac
	done
	cp "$real/bin/go" "$tmp/goroot/bin/go"
	printf '%s\n' 'GOPROXY=https://proxy.example.test,direct' 'GOSUMDB=sum.example.test' 'GOTOOLCHAIN=auto' >"$tmp/goroot/go.env"
}

# start_x WxH starts Xvfb with one screen of that size.
start_x() {
	[ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; }
	display=${XVFB_DISPLAY:-:$((70 + RANDOM % 9))}
	Xvfb "$display" -screen 0 "${1}x24" -nolisten tcp >"$tmp/xvfb.log" 2>&1 & xvfb=$!
	for _ in $(seq 100); do xrun "$display" xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
}

# start_app NAME LANG [ENV...] starts the app in a fresh HOME and sets wid.
start_app() {
	local home=$tmp/$1 lang=$2
	shift 2
	local prefs=$home/config/fyne/io.github.gomirror.app
	mkdir -p "$home/config/go" "$prefs"
	printf '{"onboarded":true}\n' >"$prefs/preferences.json"
	printf '%s\n' 'GOPROXY=https://mirror.example.test,direct' >"$home/config/go/env"
	env -i PATH="$tmp/goroot/bin:/usr/bin:/bin" HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$tmp/cache" \
		LANG="$lang" DISPLAY="$display" "$@" "$bin" >"$home/app.log" 2>&1 &
	app=$! applog=$home/app.log
	wait_window gui-fit "$display" "$app" "$applog"
	xrun "$display" xdotool windowfocus --sync "$wid" 2>/dev/null || true
	sleep 2
}

stop_app() { stop_pid "$app" "$applog"; app=""; }

# geometry prints the window's X Y W H.
geometry() {
	xrun "$display" xdotool getwindowgeometry --shell "$wid" |
		awk -F= '/^X=/{x=$2} /^Y=/{y=$2} /^WIDTH=/{w=$2} /^HEIGHT=/{h=$2} END{print x, y, w, h}'
}

# small LANG SUFFIX sizes the window to 800×560 and checks every screen.
small() {
	start_app "small$2" "$1" FYNE_SCALE=1
	xrun "$display" xdotool windowsize --sync "$wid" 800 560 2>/dev/null || xrun "$display" xdotool windowsize "$wid" 800 560
	sleep 1
	for i in "${!screens[@]}"; do
		xrun "$display" xdotool key --clearmodifiers "ctrl+$((i + 1))"
		sleep 1
		read -r _ _ w h < <(geometry)
		if [ "$w" -gt 800 ] || [ "$h" -gt 560 ]; then
			echo "gui-fit: FAIL: ${screens[$i]}$2 makes the window ${w}×${h}, more than 800×560" >&2
			fail=1
		else
			echo "gui-fit: ${screens[$i]}$2 fits: window ${w}×${h}"
		fi
		xrun "$display" import -window "$wid" "$tmp/raw.png"
		convert "$tmp/raw.png" -strip -colors 256 "PNG8:$out/fit-${screens[$i]}$2.png"
	done
	stop_app
}

fake_goroot
start_x 1280x800
small en_US.UTF-8 ""
small zh_CN.UTF-8 "-zh-Hans"

start_x 1920x1080
start_app scaled en_US.UTF-8 FYNE_SCALE=1.5
read -r x y w h < <(geometry)
if [ "$x" -lt 0 ] || [ "$y" -lt 0 ] || [ $((x + w)) -gt 1920 ] || [ $((y + h)) -gt 1080 ]; then
	echo "gui-fit: FAIL: at scale 1.5 the window is ${w}×${h} at ${x},${y}, not inside 1920×1080" >&2
	fail=1
else
	echo "gui-fit: at scale 1.5 the window is ${w}×${h} at ${x},${y}, inside 1920×1080"
fi
xrun "$display" import -window root "$tmp/raw.png"
convert "$tmp/raw.png" -strip -colors 256 "PNG8:$out/fit-scale150.png"
stop_app
exit $fail
