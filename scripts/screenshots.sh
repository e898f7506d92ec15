#!/usr/bin/env bash
# screenshots.sh takes a screenshot of each screen of the real GUI binary
# under Xvfb: it switches screens with the View menu's shortcuts (Ctrl+1…6)
# and saves OUTDIR/<screen>.png, then the first-run assistant
# (onboarding.png) and the overview in Simplified Chinese
# (overview-zh-Hans.png, which needs a CJK font such as fonts-wqy-microhei).
# mirrors.png shows the chart while probing loopback fake mirrors with
# realistic latencies (scripts/fakemirrors), the built-in mirrors left out,
# so nothing leaves the machine.
#
# The app runs in a throwaway HOME against a fake GOROOT: symlinks to the
# real installation's entries, a copy of its go binary, and its own go.env
# naming *.example.test hosts, so that no real default proxy shows.
# Usage: screenshots.sh BINARY OUTDIR
set -euo pipefail
. "$(dirname "$0")/xapp.sh"
bin=$(realpath "$1") out=$2
mkdir -p "$out"
tmp=$(mktemp -d) app="" xvfb=""
fakes=""
trap 'kill -KILL $app $xvfb $fakes 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
screens=(overview mirrors private profiles history troubleshoot)

# fake_goroot makes $tmp/goroot from the installation of the go on PATH.
fake_goroot() {
	local real
	real=$(go env GOROOT)
	mkdir -p "$tmp/goroot/bin"
	for e in "$real"/*; do
		case $(basename "$e") in go.env | bin) ;; *) ln -s "$e" "$tmp/goroot/" ;; esac
	done
	cp "$real/bin/go" "$tmp/goroot/bin/go"
	cat >"$tmp/goroot/go.env" <<-'EOF'
		# This is a fake go.env for screenshots.
		GOPROXY=https://proxy.example.test,direct
		GOSUMDB=sum.example.test
		GOTOOLCHAIN=auto
	EOF
}

# start_app NAME LANG [ONBOARDED] starts the app in a fresh HOME named NAME
# and sets wid to its window; ONBOARDED=false shows the first-run assistant.
start_app() {
	local home=$tmp/$1 prefs=$tmp/$1/config/fyne/io.github.gomirror.app
	mkdir -p "$home/config/go" "$prefs"
	[ -e "$prefs/preferences.json" ] || printf '{"onboarded":%s}\n' "${3:-true}" >"$prefs/preferences.json"
	if [ "${3:-true}" = true ]; then # a configured user env file
		printf '%s\n' '# written by go env -w' 'GOPROXY=https://goproxy.cn|https://proxy.golang.com.cn,direct' \
			'GOPRIVATE=*.corp.example.test' >"$home/config/go/env"
	fi
	env -i PATH="$tmp/goroot/bin:/usr/bin:/bin" HOME="$home" XDG_CONFIG_HOME="$home/config" \
		XDG_CACHE_HOME="$tmp/cache" LANG="$2" DISPLAY="$display" "$bin" >"$home/app.log" 2>&1 &
	app=$! applog=$home/app.log
	wait_window screenshots "$display" "$app" "$applog"
	xrun "$display" xdotool windowfocus --sync "$wid" 2>/dev/null || true
	sleep 2
}

stop_app() { stop_pid "$app" "$applog"; app=""; }

# fake_mirrors starts the loopback fake mirrors and makes them the user's
# mirrors of the HOME named $1, with every other mirror left out of probing.
fake_mirrors() {
	local home=$tmp/$1
	mkdir -p "$home/config/gomirror" "$home/config/fyne/io.github.gomirror.app"
	(cd "$(dirname "$0")/.." && go build -o "$tmp/fakemirrors" ./scripts/fakemirrors)
	SUMDB=sum.example.test "$tmp/fakemirrors" >"$home/config/gomirror/mirrors.json" & fakes=$!
	for _ in $(seq 100); do grep -q '^}' "$home/config/gomirror/mirrors.json" 2>/dev/null && break; sleep 0.05; done
	printf '{"onboarded":true,"probeOff":["https://proxy.example.test","https://goproxy.cn","https://goproxy.io","https://proxy.golang.com.cn","https://mirrors.aliyun.com/goproxy/","https://mirrors.huaweicloud.com/repository/goproxy/","https://mirrors.cloud.tencent.com/go/","https://goproxy.bj.bcebos.com/"]}\n' \
		>"$home/config/fyne/io.github.gomirror.app/preferences.json"
}

# shot NAME saves the window as OUTDIR/NAME.png.
shot() {
	xrun "$display" import -window "$wid" "$tmp/raw.png"
	convert "$tmp/raw.png" -strip -colors 256 "PNG8:$out/$1.png"
}

display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 & xvfb=$!
for _ in $(seq 100); do xrun "$display" xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
fake_goroot

start_app en en_US.UTF-8
for i in "${!screens[@]}"; do
	xrun "$display" xdotool key --clearmodifiers "ctrl+$((i + 1))"
	sleep 1
	shot "${screens[$i]}"
done
stop_app

# The Mirrors screen while probing: about 20 s of samples every 2 s.
fake_mirrors live
start_app live en_US.UTF-8
xrun "$display" xdotool key --clearmodifiers ctrl+2
sleep 1
xrun "$display" xdotool key --clearmodifiers ctrl+p
sleep 24
shot mirrors
stop_app
kill "$fakes" 2>/dev/null || true

start_app first en_US.UTF-8 false
shot onboarding
stop_app

start_app zh zh_CN.UTF-8
shot overview-zh-Hans
stop_app
echo "screenshots: saved ${screens[*]} onboarding overview-zh-Hans in $out"
