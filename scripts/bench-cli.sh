#!/usr/bin/env bash
# bench-cli.sh times the whole process of "gomirrorctl env --json" against
# "go env -json" for the same variable names, side by side, in a throwaway
# HOME (start-up included). The goal is for gomirrorctl to take at most half
# of go's time.
#
# Usage: scripts/bench-cli.sh [RUNS]
#
# By default it times RUNS (default 50) runs of each with a plain loop and
# prints milliseconds per run. Set BENCH_HARNESS to a timing command that
# accepts "-n RUNS --vs 'COMMAND_B' -- COMMAND_A [ARG...]" to use it instead.
set -euo pipefail

runs=${1:-50}
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

goroot=$(go env GOROOT)
gobin=$goroot/bin/go
ctl=$tmp/gomirrorctl
(cd "$repo" && CGO_ENABLED=0 go build -o "$ctl" ./cmd/gomirrorctl)

# A throwaway HOME with a small user env file, so both commands read one.
home=$tmp/home
mkdir -p "$home/.config/go"
printf 'GOPRIVATE=*.corp.example.test\nGOFLAGS=-mod=mod\n' >"$home/.config/go/env"
envv=(env -i "HOME=$home" "PATH=$goroot/bin:/usr/bin:/bin")

# The managed variable names, in gomirrorctl's order.
names=$("${envv[@]}" "$ctl" env | awk 'NR > 1 { print $1 }' | tr '\n' ' ')
echo "variables: $names"
echo "A: gomirrorctl env --json"
echo "B: go env -json $names"

# Both must print the same values before their speed means anything.
"${envv[@]}" "$ctl" env --check >/dev/null

if [ -n "${BENCH_HARNESS:-}" ]; then
	harness=$(command -v "$BENCH_HARNESS")
	# shellcheck disable=SC2086 # names are split on purpose
	exec "${envv[@]}" "$harness" -n "$runs" --vs "$gobin env -json $names" -- "$ctl" env --json
fi

# loop_ms runs a command $runs times in the clean environment and prints the
# mean wall time per run in ms (one shell runs the loop, so the figure
# includes a fork and exec per run but not env's own start-up).
loop_ms() {
	"${envv[@]}" RUNS="$runs" bash -c '
		"$@" >/dev/null # warm up
		start=$(date +%s%N)
		for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null; done
		end=$(date +%s%N)
		awk -v ns=$((end - start)) -v n="$RUNS" "BEGIN { printf \"%.2f\", ns / n / 1e6 }"
	' loop_ms "$@"
}

a=$(loop_ms "$ctl" env --json)
# shellcheck disable=SC2086 # names are split on purpose
b=$(loop_ms "$gobin" env -json $names)
echo "gomirrorctl env --json: $a ms/run"
echo "go env -json:           $b ms/run"
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio A/B: %.2f (goal <= 0.50)\n", a / b }'
