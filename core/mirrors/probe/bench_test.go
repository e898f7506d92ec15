package probe

import (
	"context"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

// eightMirrors starts 8 fake mirrors with delays of 5, 10, … 40 ms per
// request; the last is the slowest.
func eightMirrors(t testing.TB) []Target {
	var ts []Target
	for i := 1; i <= 8; i++ {
		srv, _ := serve(t, fakeproxy.Behavior{Delay: time.Duration(i) * 5 * time.Millisecond, SumDB: testSumDB})
		ts = append(ts, Target{URL: srv.URL})
	}
	return ts
}

// concurrencyRatio returns how long one round over all targets takes,
// divided by how long the slowest target alone takes.
func concurrencyRatio(e *Engine, ts []Target) (ratio float64, all, slowest time.Duration) {
	ctx := context.Background()
	start := time.Now()
	e.Sample(ctx, ts[len(ts)-1], "")
	slowest = time.Since(start)
	start = time.Now()
	e.Probe(ctx, ts)
	all = time.Since(start)
	return float64(all) / float64(slowest), all, slowest
}

// TestConcurrentVsSlowest: probing 8 mirrors concurrently takes at most
// 1.15x the slowest single mirror's time (best of 3, to ride out a busy CI).
func TestConcurrentVsSlowest(t *testing.T) {
	if raceEnabled {
		t.Skip("timings are meaningless under the race detector")
	}
	ts := eightMirrors(t)
	e := New(testOptions())
	best := 99.0
	for range 3 {
		r, all, slowest := concurrencyRatio(e, ts)
		t.Logf("8 mirrors: %v, slowest alone: %v, ratio %.3f", all, slowest, r)
		best = min(best, r)
	}
	if best > 1.15 {
		t.Errorf("concurrent/slowest = %.3f, want ≤ 1.15", best)
	}
}

// BenchmarkProbe8 reports the ratio of a concurrent round over 8 mirrors
// to the slowest mirror alone ("x-slowest").
func BenchmarkProbe8(b *testing.B) {
	ts := eightMirrors(b)
	e := New(testOptions())
	var sum float64
	for b.Loop() {
		r, _, _ := concurrencyRatio(e, ts)
		sum += r
	}
	b.ReportMetric(sum/float64(b.N), "x-slowest")
}
