package probe

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

func ms(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }

func TestPercentileJitter(t *testing.T) {
	cases := []struct {
		in            []time.Duration
		p50, p95, jit time.Duration
	}{
		{nil, 0, 0, 0},
		{[]time.Duration{ms(7)}, ms(7), ms(7), 0},
		{[]time.Duration{ms(10), ms(30), ms(20)}, ms(20), ms(30), ms(15)},
		{[]time.Duration{ms(1), ms(2), ms(3), ms(4), ms(5), ms(6), ms(7), ms(8), ms(9), ms(100)}, ms(5), ms(100), ms(11)},
	}
	for _, c := range cases {
		if got := Percentile(c.in, 50); got != c.p50 {
			t.Errorf("Percentile(%v, 50) = %v, want %v", c.in, got, c.p50)
		}
		if got := Percentile(c.in, 95); got != c.p95 {
			t.Errorf("Percentile(%v, 95) = %v, want %v", c.in, got, c.p95)
		}
		if got := Jitter(c.in); got != c.jit {
			t.Errorf("Jitter(%v) = %v, want %v", c.in, got, c.jit)
		}
	}
}

// track probes targets for rounds rounds and returns the tracker.
func track(t testing.TB, opts Options, rounds int, targets ...Target) *Tracker {
	t.Helper()
	tr := NewTracker(0, 0, 0)
	for s := range New(opts).Run(context.Background(), targets, Schedule{Count: rounds}) {
		tr.Add(s)
	}
	return tr
}

// TestLatencyBounds checks what no load can break: a probe cannot finish
// before the server's injected delay, over HTTP (the whole first request)
// and HTTPS (its wait phase, with a TLS phase of its own), and a server that
// adds jitter on every other request shows it in p95. How close the
// measurements come to the delays depends on the machine's load, so that is
// measured by BenchmarkLatencyAccuracy, not asserted here.
func TestLatencyBounds(t *testing.T) {
	l := newLatencyLab(t)
	byURL := l.run(t)
	plain, jittery, secure, delay, jitter := l.plain, l.jittery, l.secure, l.delay, l.jitter
	if got := byURL[plain].P50; got < delay {
		t.Errorf("HTTP p50 = %v, below the server's delay %v", got, delay)
	}
	s := byURL[secure]
	if s.Phases.Wait < delay || s.Phases.TLS <= 0 || s.P50 < delay {
		t.Errorf("HTTPS phases %+v, p50 %v: want a TLS phase and a wait and p50 of at least %v", s.Phases, s.P50, delay)
	}
	if got := byURL[jittery].P95; got < delay+jitter {
		t.Errorf("jittery p95 = %v, want at least %v", got, delay+jitter)
	}
}

// latencyLab is three loopback mirrors with injected delays: plain HTTP,
// HTTP with jitter on every other request, and HTTPS.
type latencyLab struct {
	plain, jittery, secure string
	delay, jitter          time.Duration
	opts                   Options
}

func newLatencyLab(t testing.TB) *latencyLab {
	l := &latencyLab{delay: 40 * time.Millisecond, jitter: 30 * time.Millisecond}
	plain, _ := serve(t, fakeproxy.Behavior{Delay: l.delay})
	jittery, _ := serve(t, fakeproxy.Behavior{Delay: l.delay, Jitter: l.jitter})
	secure, opts := serveTLS(t, fakeproxy.Behavior{Delay: l.delay})
	opts.SumDB = ""
	l.plain, l.jittery, l.secure, l.opts = plain.URL, jittery.URL, secure.URL, opts
	return l
}

// run probes the lab's mirrors for 6 rounds and returns their summaries by URL.
func (l *latencyLab) run(t testing.TB) map[string]Summary {
	t.Helper()
	byURL := map[string]Summary{}
	for _, s := range track(t, l.opts, 6, Target{URL: l.plain}, Target{URL: l.jittery}, Target{URL: l.secure}).Summaries() {
		byURL[s.URL] = s
	}
	return byURL
}

// BenchmarkLatencyAccuracy reports how far measured latency and jitter are
// from the injected delay and jitter (ms-err metrics; 0 is exact), so that
// accuracy is measured on the machine at hand rather than asserted.
func BenchmarkLatencyAccuracy(b *testing.B) {
	l := newLatencyLab(b)
	var p50, wait, jit time.Duration
	for b.Loop() {
		byURL := l.run(b)
		p50 += absDuration(byURL[l.plain].P50 - l.delay)
		wait += absDuration(byURL[l.secure].Phases.Wait - l.delay)
		jit += absDuration(byURL[l.jittery].Jitter - l.jitter)
	}
	n := float64(b.N) * float64(time.Millisecond)
	b.ReportMetric(float64(p50)/n, "p50-ms-err")
	b.ReportMetric(float64(wait)/n, "tls-wait-ms-err")
	b.ReportMetric(float64(jit)/n, "jitter-ms-err")
}

func absDuration(d time.Duration) time.Duration { return max(d, -d) }

func TestRankAndOutage(t *testing.T) {
	fast, _ := serve(t, fakeproxy.Behavior{Delay: 5 * time.Millisecond})
	mid, _ := serve(t, fakeproxy.Behavior{Delay: 25 * time.Millisecond})
	slow, _ := serve(t, fakeproxy.Behavior{Delay: 50 * time.Millisecond})
	broken, _ := serve(t, fakeproxy.Behavior{Status: 502})
	refused := "http://" + closedPort(t)
	targets := []Target{{ID: "refused", URL: refused}, {ID: "slow", URL: slow.URL}, {ID: "broken", URL: broken.URL}, {ID: "fast", URL: fast.URL}, {ID: "mid", URL: mid.URL}}
	sums := track(t, testOptions(), 3, targets...).Summaries()
	var order []string
	for _, s := range sums {
		order = append(order, fmt.Sprintf("%s:%t", s.ID, s.Healthy()))
	}
	want := "[fast:true mid:true slow:true refused:false broken:false]"
	if got := fmt.Sprint(order); got != want && got != "[fast:true mid:true slow:true broken:false refused:false]" {
		t.Errorf("rank = %s, want %s", got, want)
	}
	for _, s := range sums[3:] {
		if !s.Outage || s.Streak != 3 || s.Failures != 3 || s.SuccessRate != 0 || s.OK {
			t.Errorf("%s: outage %t streak %d failures %d rate %v, want an outage after 3 failures", s.ID, s.Outage, s.Streak, s.Failures, s.SuccessRate)
		}
	}
	if c := sums[0]; c.Samples != 3 || c.Failures != 0 || c.SuccessRate != 1 || c.LastClass() != "" {
		t.Errorf("fast: %+v, want 3 clean samples", c)
	}
}

func TestOutageRecovers(t *testing.T) {
	srv, p := serve(t, fakeproxy.Behavior{Status: 500})
	tr := NewTracker(10, 5, 2)
	e := New(testOptions())
	add := func() Summary { return tr.Add(e.Sample(context.Background(), Target{URL: srv.URL}, "")) }
	add()
	if s := add(); !s.Outage || s.LastClass() != ClassHTTP5xx {
		t.Fatalf("after 2 failures: outage %t class %q, want an http-5xx outage", s.Outage, s.LastClass())
	}
	p.SetBehavior(fakeproxy.Behavior{})
	if s := add(); s.Outage || !s.OK || s.SuccessRate != 1.0/3 {
		t.Errorf("after recovery: outage %t ok %t rate %v, want recovered at 1/3", s.Outage, s.OK, s.SuccessRate)
	}
	for range 5 {
		add()
	}
	if n := len(tr.Points(Key{URL: srv.URL, Network: "tcp"})); n != 5 {
		t.Errorf("chart points = %d, want the history bound 5", n)
	}
}

func TestConsistency(t *testing.T) {
	good1, _ := serve(t, fakeproxy.Behavior{})
	good2, _ := serve(t, fakeproxy.Behavior{})
	lagging, _ := serve(t, fakeproxy.Behavior{Latest: "v1.1.0"})
	tampered := testModule
	tampered.Mod = map[string]string{"v1.2.0": "module example.test/probe\n\nrequire example.test/evil v1.0.0\n"}
	bad, _ := serve(t, fakeproxy.Behavior{}, tampered)
	opts := testOptions()
	opts.Version = "v1.2.0"
	sums := track(t, opts, 1, Target{URL: good1.URL}, Target{URL: good2.URL}, Target{URL: lagging.URL}, Target{URL: bad.URL}).Summaries()
	for _, s := range sums {
		wantLag, wantBad := s.URL == lagging.URL, s.URL == bad.URL
		if s.Lagging != wantLag || s.Inconsistent != wantBad {
			t.Errorf("%s: lagging %t inconsistent %t, want %t %t", s.URL, s.Lagging, s.Inconsistent, wantLag, wantBad)
		}
	}
	if fs := Consistency(sums); len(fs) != 2 {
		t.Errorf("findings = %v, want one lagging and one inconsistent", fs)
	}
}
