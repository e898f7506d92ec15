# xapp.sh is sourced by the scripts that drive the real GUI under Xvfb
# (gui-smoke.sh, screenshots.sh, perf-gui.sh). Nothing in it waits forever:
# a CI run that hangs says nothing about where, so every X tool gets a time
# limit and an app that ignores SIGTERM is dumped and killed.

# xrun DISPLAY CMD... runs an X client on DISPLAY for at most 20 seconds.
xrun() {
	local d=$1
	shift
	DISPLAY=$d timeout -k 2 20 "$@"
}

# stop_pid PID LOG ends the app PID: SIGTERM (Fyne quits its main loop), and
# if it is still running 10 s later, SIGQUIT so that the Go runtime writes
# every goroutine's stack to its LOG, which is printed, then SIGKILL. A stuck
# quit is reported, not fatal: the screenshots are already taken.
stop_pid() {
	local pid=$1 log=$2
	kill "$pid" 2>/dev/null || return 0
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
		sleep 0.1
	done
	echo "xapp: WARNING: pid $pid still running 10 s after SIGTERM; its goroutines:" >&2
	kill -QUIT "$pid" 2>/dev/null || true
	sleep 2
	tail -n 400 "$log" >&2 || true
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# wait_window WHO DISPLAY PID LOG sets wid to the "Go Mirror" window that
# the app PID maps on DISPLAY, waiting at most 10 s; if none appears, or
# the app exits first, it prints LOG and exits, naming WHO (the script).
wait_window() {
	local who=$1 display=$2 pid=$3 log=$4
	wid=""
	for _ in $(seq 200); do
		wid=$(xrun "$display" xdotool search --onlyvisible --name '^Go Mirror$' 2>/dev/null | head -n1 || true)
		[ -n "$wid" ] && return 0
		kill -0 "$pid" 2>/dev/null || { echo "$who: the app exited early:" >&2; cat "$log" >&2; exit 1; }
		sleep 0.05
	done
	echo "$who: no window titled 'Go Mirror' appeared" >&2
	cat "$log" >&2
	exit 1
}
