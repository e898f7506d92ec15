package probe

import "time"

// Report is a Summary in the shape of gomirrorctl probe --json: durations
// in milliseconds, and the class of the last failure.
type Report struct {
	URL          string      `json:"url"` // the mirror as given
	Network      string      `json:"network,omitempty"`
	OK           bool        `json:"ok"`
	Samples      int         `json:"samples"`
	Failures     int         `json:"failures"`
	P50ms        float64     `json:"p50_ms"`
	P95ms        float64     `json:"p95_ms"`
	JitterMs     float64     `json:"jitter_ms"`
	Error        Class       `json:"error"` // class of the last failure, or ""
	Phases       PhaseReport `json:"phases"`
	SumDB        SumDBState  `json:"sumdb"`
	Outage       bool        `json:"outage"`
	Lagging      bool        `json:"lagging"`
	Inconsistent bool        `json:"inconsistent"`
	Grade        Grade       `json:"grade"`
}

// PhaseReport is Phases in milliseconds; TTFB is cumulative from the
// request's start, as curl's time_starttransfer.
type PhaseReport struct {
	DNSms     float64 `json:"dns_ms"`
	ConnectMs float64 `json:"connect_ms"`
	TLSms     float64 `json:"tls_ms"`
	TTFBms    float64 `json:"ttfb_ms"`
}

// Ms converts a duration to milliseconds, rounded to 0.01 ms.
func Ms(d time.Duration) float64 {
	return float64(d.Round(10*time.Microsecond)) / float64(time.Millisecond)
}

// Report returns s in the CLI's JSON shape.
func (s Summary) Report() Report {
	return Report{
		URL: s.URL, Network: s.Network, OK: s.OK, Samples: s.Samples, Failures: s.Failures,
		P50ms: Ms(s.P50), P95ms: Ms(s.P95), JitterMs: Ms(s.Jitter), Error: s.LastClass(),
		Phases: PhaseReport{DNSms: Ms(s.Phases.DNS), ConnectMs: Ms(s.Phases.Connect), TLSms: Ms(s.Phases.TLS), TTFBms: Ms(s.Phases.TTFB)},
		SumDB:  s.SumDB, Outage: s.Outage, Lagging: s.Lagging, Inconsistent: s.Inconsistent,
		Grade: s.Grade(),
	}
}

// Grade buckets a latency the way well-known proxy UIs colour it.
type Grade string

// Grades and their thresholds. The UI maps them to colours (green, blue,
// orange, red); the CLI may print them.
const (
	GradeFast   Grade = "fast"   // under FastBelow: green
	GradeOK     Grade = "ok"     // under OKBelow: blue
	GradeSlow   Grade = "slow"   // slower: orange
	GradeFailed Grade = "failed" // failed: red
	GradeNone   Grade = ""       // not measured yet

	FastBelow = 250 * time.Millisecond
	OKBelow   = 400 * time.Millisecond
)

// GradeOf grades one latency, or GradeFailed if !ok.
func GradeOf(latency time.Duration, ok bool) Grade {
	switch {
	case !ok:
		return GradeFailed
	case latency < FastBelow:
		return GradeFast
	case latency < OKBelow:
		return GradeOK
	}
	return GradeSlow
}

// Grade grades a point of a chart.
func (p Point) Grade() Grade { return GradeOf(p.Latency, p.OK) }

// Grade grades a series by its p50; an outage or a series without any
// success is failed, one without samples has no grade.
func (s Summary) Grade() Grade {
	switch {
	case s.Samples == 0:
		return GradeNone
	case s.Outage || s.Samples == s.Failures:
		return GradeFailed
	}
	return GradeOf(s.P50, true)
}
