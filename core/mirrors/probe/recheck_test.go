package probe

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

const listPath = "/example.test/probe/@v/list"

// fullPaths are the requests of a full sample of testModule.
var fullPaths = []string{
	listPath, "/example.test/probe/@latest",
	"/example.test/probe/@v/v1.2.0.info", "/example.test/probe/@v/v1.2.0.mod",
	"/sumdb/" + testSumDB + "/supported",
}

// requestsSince returns the paths p served after the first n.
func requestsSince(p *fakeproxy.Proxy, n int) []string { return p.Requests()[n:] }

// sampleAndRequests takes one sample of url with e and returns it with
// the requests p served for it.
func sampleAndRequests(t *testing.T, e *Engine, p *fakeproxy.Proxy, url string) (Sample, []string) {
	t.Helper()
	n := len(p.Requests())
	s := e.Sample(context.Background(), Target{URL: url}, "")
	return s, requestsSince(p, n)
}

// TestRecheckQuickSamples: after a full sample passes, samples within
// Recheck request the version list alone, over a fresh connection, and a
// tracker keeps what the full sample learnt.
func TestRecheckQuickSamples(t *testing.T) {
	srv, p := serve(t, fakeproxy.Behavior{SumDB: testSumDB})
	opts := testOptions()
	opts.Recheck = time.Hour
	e, tr := New(opts), NewTracker(0, 0, 0)
	for round := 1; round <= 3; round++ {
		s, reqs := sampleAndRequests(t, e, p, srv.URL)
		tr.Add(s)
		want, quick := fullPaths, round > 1
		if quick {
			want = []string{listPath}
		}
		if !s.OK || s.Quick != quick || strings.Join(reqs, " ") != strings.Join(want, " ") {
			t.Fatalf("sample %d: ok=%t quick=%t requests %q, want ok, quick=%t, %q", round, s.OK, s.Quick, reqs, quick, want)
		}
		if s.Steps[0].Reused || s.Phases.Connect <= 0 || s.Latency != s.Steps[0].Phases.Total {
			t.Errorf("sample %d: latency %v, phases %+v: want a fresh connection's version list", round, s.Latency, s.Phases)
		}
		if quick && (s.SumDB != SumDBUnknown || s.Latest != "" || s.ModHash != "") {
			t.Errorf("quick sample %d claims sumdb %q latest %q hash %q it did not check", round, s.SumDB, s.Latest, s.ModHash)
		}
	}
	sum, _ := tr.Summary(Key{URL: srv.URL, Network: "tcp"})
	if sum.SumDB != SumDBYes || sum.Latest != "v1.2.0" || !strings.HasPrefix(sum.ModHash, "h1:") || sum.Samples != 3 {
		t.Errorf("summary after quick samples = sumdb %q latest %q hash %q samples %d, want the full sample's and 3",
			sum.SumDB, sum.Latest, sum.ModHash, sum.Samples)
	}
}

// TestRecheckAfterFailure: a failed quick sample makes the next sample a
// full one, however recent the last full check.
func TestRecheckAfterFailure(t *testing.T) {
	srv, p := serve(t, fakeproxy.Behavior{SumDB: testSumDB})
	opts := testOptions()
	opts.Recheck = time.Hour
	e := New(opts)
	if s, _ := sampleAndRequests(t, e, p, srv.URL); !s.OK || s.Quick {
		t.Fatalf("first sample ok=%t quick=%t, want a full success", s.OK, s.Quick)
	}
	p.SetBehavior(fakeproxy.Behavior{Status: 502})
	if s, reqs := sampleAndRequests(t, e, p, srv.URL); s.OK || !s.Quick || len(reqs) != 1 {
		t.Fatalf("sample on a failing mirror: ok=%t quick=%t requests %q, want a failed quick sample", s.OK, s.Quick, reqs)
	}
	p.SetBehavior(fakeproxy.Behavior{SumDB: testSumDB})
	for _, want := range [][]string{fullPaths, {listPath}} {
		s, reqs := sampleAndRequests(t, e, p, srv.URL)
		if !s.OK || strings.Join(reqs, " ") != strings.Join(want, " ") {
			t.Errorf("after the failure: ok=%t requests %q, want %q", s.OK, reqs, want)
		}
	}
}

// TestRecheckExpires: once Recheck has passed since the last full check
// started, the next sample is full again; without Recheck, all are.
func TestRecheckExpires(t *testing.T) {
	srv, p := serve(t, fakeproxy.Behavior{SumDB: testSumDB})
	opts := testOptions()
	opts.Recheck = 300 * time.Millisecond
	e := New(opts)
	first, _ := sampleAndRequests(t, e, p, srv.URL)
	second, _ := sampleAndRequests(t, e, p, srv.URL)
	if want := second.Start.Sub(first.Start) < opts.Recheck; second.Quick != want {
		t.Errorf("second sample %v after the first: quick=%t, want %t", second.Start.Sub(first.Start), second.Quick, want)
	}
	time.Sleep(opts.Recheck)
	if s, reqs := sampleAndRequests(t, e, p, srv.URL); s.Quick || len(reqs) != len(fullPaths) {
		t.Errorf("sample after Recheck: quick=%t requests %q, want a full check", s.Quick, reqs)
	}

	e = New(testOptions())
	for range 2 {
		if s, reqs := sampleAndRequests(t, e, p, srv.URL); s.Quick || len(reqs) != len(fullPaths) {
			t.Errorf("Recheck 0: quick=%t requests %q, want every sample full", s.Quick, reqs)
		}
	}
}
