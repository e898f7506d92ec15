#!/usr/bin/env bash
# bench-cli.sh times the whole process of "gomirrorctl env --json" against
# "go env -json" for the same variable names, side by side, in a throwaway
# HOME (start-up included). The goal is for gomirrorctl to take at most half
# of go's time.
#
# Two floors are timed in the same run to show where the time goes:
# "gomirrorctl version" starts the binary and initialises its packages but
# resolves nothing, and an empty Go program built by the same toolchain is
# the Go runtime's own start-up on this machine. (The Go benchmark
# BenchmarkProcesses in cmd/gomirrorctl reports the same four.)
#
# Usage: scripts/bench-cli.sh [RUNS]
#
# By default it runs the four commands in turn, RUNS times (default 50), so
# that a drift in the machine's speed moves them alike, and prints each one's
# median wall time in ms (one shell runs them, so each figure includes a
# fork and exec) and its ratio to go env -json. Set BENCH_HARNESS to a timing
# command that accepts "-n RUNS --vs 'COMMAND_B' -- COMMAND_A [ARG...]" to
# time each of the other three against go env -json with it instead.
set -euo pipefail

runs=${1:-50}
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

goroot=$(go env GOROOT)
gobin=$goroot/bin/go
ctl=$tmp/gomirrorctl
(cd "$repo" && CGO_ENABLED=0 go build -o "$ctl" ./cmd/gomirrorctl)

# The runtime floor: a Go program that does nothing, built the same way.
mkdir "$tmp/empty"
printf 'module empty\n\ngo 1.21\n' >"$tmp/empty/go.mod"
printf 'package main\n\nfunc main() {}\n' >"$tmp/empty/main.go"
(cd "$tmp/empty" && CGO_ENABLED=0 GOFLAGS= GOWORK=off go build -o "$tmp/empty-go" .)

# A throwaway HOME with a small user env file, so both commands read one.
home=$tmp/home
mkdir -p "$home/.config/go"
printf 'GOPRIVATE=*.corp.example.test\nGOFLAGS=-mod=mod\n' >"$home/.config/go/env"
envv=(env -i "HOME=$home" "PATH=$goroot/bin:/usr/bin:/bin")

# The managed variable names, in gomirrorctl's order.
names=$("${envv[@]}" "$ctl" env | awk 'NR > 1 { print $1 }' | tr '\n' ' ')
echo "variables: $names"

# Both must print the same values before their speed means anything.
"${envv[@]}" "$ctl" env --check >/dev/null

# The commands, go env -json first: the others are compared with it.
labels=("go env -json" "gomirrorctl env --json" "gomirrorctl version" "empty Go program")
cmds=("$gobin env -json $names" "$ctl env --json" "$ctl version" "$tmp/empty-go")

if [ -n "${BENCH_HARNESS:-}" ]; then
	harness=$(command -v "$BENCH_HARNESS")
	for i in 1 2 3; do
		echo
		echo "A: ${labels[i]}"
		echo "B: ${labels[0]} $names"
		# shellcheck disable=SC2086 # the command lines are split on purpose
		"${envv[@]}" "$harness" -n "$runs" --vs "${cmds[0]}" -- ${cmds[i]}
	done
	exit 0
fi

# One bash runs every command RUNS times in turn, timing each run with
# $EPOCHREALTIME, and prints each command's median in ms on a line.
# shellcheck disable=SC2016 # expanded by the inner bash
medians=$("${envv[@]}" RUNS="$runs" bash -c '
	for c in "$@"; do $c >/dev/null; done # warm up
	declare -a t
	for ((r = 0; r < RUNS; r++)); do
		for ((i = 0; i < $#; i++)); do
			c=${@:i+1:1}
			s=$EPOCHREALTIME
			$c >/dev/null
			e=$EPOCHREALTIME
			t[i]+="$(((${e/./} - ${s/./}))) "
		done
	done
	for ((i = 0; i < $#; i++)); do
		echo "${t[i]}" | tr " " "\n" | grep . | sort -n |
			awk "{ v[NR] = \$1 } END { printf \"%.2f\n\", v[int(NR / 2) + 1] / 1000 }"
	done
' bench "${cmds[@]}")

mapfile -t ms <<<"$medians"
for i in 0 1 2 3; do
	ratio=""
	if [ "$i" -gt 0 ]; then
		ratio=$(awk -v a="${ms[i]}" -v b="${ms[0]}" 'BEGIN { printf "  %.2fx go env", a / b }')
	fi
	printf '%-24s %7s ms/run (median of %d)%s\n' "${labels[i]}:" "${ms[i]}" "$runs" "$ratio"
done
echo "goal: gomirrorctl env --json <= 0.50x go env"
