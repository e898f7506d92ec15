//go:build race

package probe

// raceEnabled: the race detector slows every goroutine, so timing
// assertions are skipped.
const raceEnabled = true
