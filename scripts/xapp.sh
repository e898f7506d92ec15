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
