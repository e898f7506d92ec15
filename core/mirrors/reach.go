package mirrors

import (
	"context"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
)

// Reach is what a measurement says of a GOPROXY value.
type Reach string

// Reaches.
const (
	// ReachUnknown: some proxy of the value was not measured, or it names
	// none (direct, off).
	ReachUnknown Reach = "unknown"
	// ReachOK: at least one proxy of the value answered well.
	ReachOK Reach = "ok"
	// ReachFailed: every proxy of the value was measured and none answered
	// well.
	ReachFailed Reach = "failed"
)

// ChainReach is the verdict of a measurement on one GOPROXY value.
type ChainReach struct {
	Reach Reach `json:"reach"`
	// Proxy is the healthy proxy with the lowest median latency (for
	// ReachOK), or the first proxy that failed (for ReachFailed).
	Proxy string `json:"proxy,omitempty"`
	// Latency is Proxy's median latency, for ReachOK.
	Latency time.Duration `json:"latency,omitempty"`
	// Err is Proxy's last error, for ReachFailed.
	Err *probe.Error `json:"error,omitempty"`
}

// JudgeChain says whether the proxies of the GOPROXY value goproxy answered
// in sums: ReachOK when one of its URL entries is healthy, ReachFailed when
// every URL entry was measured and none is healthy, else ReachUnknown.
func JudgeChain(goproxy string, sums []probe.Summary) ChainReach {
	out := ChainReach{Reach: ReachUnknown}
	urls, measured := ChainURLs(goproxy), 0
	for _, u := range urls {
		s, ok := summaryOf(sums, u)
		if !ok {
			continue
		}
		measured++
		switch {
		case s.Healthy() && (out.Reach != ReachOK || s.P50 < out.Latency):
			out = ChainReach{Reach: ReachOK, Proxy: u, Latency: s.P50}
		case !s.Healthy() && out.Proxy == "":
			out.Proxy, out.Err = u, s.LastError
		}
	}
	if out.Reach == ReachOK {
		return out
	}
	if len(urls) > 0 && measured == len(urls) {
		out.Reach = ReachFailed
		return out
	}
	return ChainReach{Reach: ReachUnknown}
}

// ChainURLs returns the proxy URLs of a GOPROXY value, normalized, up to
// the first keyword (direct or off ends what the go command tries).
func ChainURLs(goproxy string) []string {
	var out []string
	for _, l := range ParseChain(goproxy) {
		if l.IsKeyword() {
			break
		}
		out = append(out, NormalizeURL(l.Target))
	}
	return out
}

// summaryOf returns the summary of the mirror at url: a healthy one when
// it was probed over several address families and one of them answered.
func summaryOf(sums []probe.Summary, url string) (probe.Summary, bool) {
	var out probe.Summary
	found := false
	for _, s := range sums {
		if SameURL(s.URL, url) && (!found || s.Healthy() && !out.Healthy()) {
			out, found = s, true
		}
	}
	return out, found
}

// ProbeChain probes every proxy of the GOPROXY value goproxy once and
// judges the value: what the Profiles screen and "gomirrorctl profile
// apply" check before applying a profile.
func ProbeChain(ctx context.Context, opts probe.Options, goproxy string) ChainReach {
	var ts []probe.Target
	for _, u := range ChainURLs(goproxy) {
		ts = append(ts, probe.Target{URL: u})
	}
	if len(ts) == 0 {
		return ChainReach{Reach: ReachUnknown}
	}
	tr := probe.NewTracker(0, 0, 0)
	for _, s := range probe.New(opts).Probe(ctx, ts) {
		tr.Add(s)
	}
	return JudgeChain(goproxy, tr.Summaries())
}

// CheckTimeout bounds each request of CheckGOPROXY.
const CheckTimeout = 3 * time.Second

// CheckGOPROXY probes the proxies of the GOPROXY value goproxy once, with
// the probe options of r and a short timeout: the check the Profiles
// screen and "gomirrorctl profile apply --check" make before applying a
// profile, so that one whose proxies all fail is applied only with a
// warning.
func CheckGOPROXY(ctx context.Context, r *resolve.Resolution, goproxy string) ChainReach {
	opts := ProbeOptions(r)
	opts.Timeout = CheckTimeout
	return ProbeChain(ctx, opts, goproxy)
}
