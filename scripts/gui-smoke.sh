#!/usr/bin/env bash
# gui-smoke.sh starts the real GUI binary under Xvfb in a throwaway HOME,
# waits for its window titled "Go Mirror", checks that it stays alive, and
# keeps a screenshot; then scripts/screenshots.sh saves one of each screen
# (set SCREENSHOTS=0 to skip them). Usage: gui-smoke.sh BINARY OUTDIR
set -euo pipefail
. "$(dirname "$0")/xapp.sh"
bin=$1 out=$2
mkdir -p "$out"
tmp=$(mktemp -d) app="" xvfb=""
trap 'kill -KILL $app $xvfb 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 & xvfb=$!
for _ in $(seq 100); do xrun "$display" xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done

mkdir -p "$tmp/home" "$tmp/config"
env -i PATH="$PATH" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" LANG=en_US.UTF-8 \
	DISPLAY="$display" "$bin" >"$tmp/app.log" 2>&1 & app=$!

wait_window gui-smoke "$display" "$app" "$tmp/app.log"
sleep 2
kill -0 "$app" 2>/dev/null || { echo "gui-smoke: the app died after showing its window" >&2; cat "$tmp/app.log" >&2; exit 1; }
xrun "$display" import -window root "$out/overview.png"
echo "gui-smoke: window $wid shown and alive; screenshot in $out/overview.png"
stop_pid "$app" "$tmp/app.log"
app=""
[ "${SCREENSHOTS:-1}" = 0 ] || bash "$(dirname "$0")/screenshots.sh" "$bin" "$out"
