//go:build unix

package network

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time (user and system) this process has used.
func cpuTime(t testing.TB) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Skip("getrusage:", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestWatcherIdleCPU watches the real interfaces for a few seconds, polling
// faster than the default, and checks the CPU the process used meanwhile.
func TestWatcherIdleCPU(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 3 seconds")
	}
	const (
		wall     = 3 * time.Second
		interval = 250 * time.Millisecond // 8 times the default rate
	)
	polls := 0
	w := &Watcher{Source: System(), Interval: interval, OnEvent: func(Event) {}}
	w.OnError = func(err error) { t.Log("poll:", err) }
	src := w.Source.Interfaces
	w.Source.Interfaces = func(ctx context.Context) ([]Interface, error) { polls++; return src(ctx) }
	ctx, cancel := context.WithTimeout(context.Background(), wall)
	defer cancel()
	before := cpuTime(t)
	w.Run(ctx)
	used := cpuTime(t) - before
	perPoll := used / time.Duration(max(polls, 1))
	t.Logf("%d polls in %v used %v CPU (%.2f%% of one core; %v per poll; at the default %v interval: %.3f%%)",
		polls, wall, used, 100*used.Seconds()/wall.Seconds(), perPoll, DefaultInterval, 100*perPoll.Seconds()/DefaultInterval.Seconds())
	if budget := wall / 20; used > budget { // 5% of one core, at 8x the default rate
		t.Errorf("idle watching used %v CPU in %v, want under %v", used, wall, budget)
	}
}

// BenchmarkPoll measures one poll of the real machine: list the
// interfaces, read the default route, build the fingerprint.
func BenchmarkPoll(b *testing.B) {
	w := &Watcher{Source: System()}
	ctx := context.Background()
	for b.Loop() {
		w.Poll(ctx)
	}
}

// BenchmarkFingerprint measures building a fingerprint alone.
func BenchmarkFingerprint(b *testing.B) {
	ifs := []Interface{lo, home, docker, vpn, appleLL}
	for b.Loop() {
		NewFingerprint(ifs, homeGW)
	}
}
