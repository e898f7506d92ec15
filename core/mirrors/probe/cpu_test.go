//go:build unix

package probe

import (
	"context"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkContinuousCPU measures the CPU of one probe round over 8 HTTPS
// mirrors with cold connections (fresh TLS handshakes), and reports it as
// the share of one core used when probing every 2 s ("%cpu@2s"): "full"
// checks everything every round, "recheck" is the steady state with
// DefaultRecheck, where rounds are quick (the version list alone). The
// in-process fake mirrors' own CPU is included, so this overstates it.
func BenchmarkContinuousCPU(b *testing.B) {
	var ts []Target
	var opts Options
	for range 8 {
		srv := httptest.NewTLSServer(fakeproxy.New(fakeproxy.Behavior{SumDB: testSumDB}, testModule))
		b.Cleanup(srv.Close)
		ts = append(ts, Target{URL: srv.URL})
		opts = testOptions()
		opts.TLSConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig
	}
	for _, recheck := range []time.Duration{0, DefaultRecheck} {
		name := map[bool]string{false: "full", true: "recheck"}[recheck > 0]
		b.Run(name, func(b *testing.B) {
			opts.Recheck = recheck
			e := New(opts)
			e.Probe(context.Background(), ts) // the full check quick rounds rely on
			start := cpuTime()
			for b.Loop() {
				e.Probe(context.Background(), ts)
			}
			perRound := (cpuTime() - start) / time.Duration(b.N)
			b.ReportMetric(float64(perRound)/float64(2*time.Second)*100, "%cpu@2s")
			b.ReportMetric(float64(perRound.Microseconds())/1000, "cpu-ms/round")
		})
	}
}
