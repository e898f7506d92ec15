package probe

import (
	"slices"
	"sort"
	"sync"
	"time"
)

// Defaults for a Tracker.
const (
	DefaultWindow      = 30  // samples the statistics cover
	DefaultHistory     = 600 // points kept per series for charts
	DefaultOutageAfter = 3   // failures in a row that make an outage
	HealthyRate        = 0.8 // success rate at or above which a mirror is healthy
)

// Point is one sample reduced for a chart.
type Point struct {
	Time    time.Time     `json:"time"`
	Latency time.Duration `json:"latency"`
	OK      bool          `json:"ok"`
	Class   Class         `json:"class,omitempty"`
}

// Summary is the rolling statistics of one series.
type Summary struct {
	Key
	ID       string `json:"id,omitempty"`
	OK       bool   `json:"ok"`       // the last sample succeeded
	Samples  int    `json:"samples"`  // since the tracker started
	Failures int    `json:"failures"` // since the tracker started
	Window   int    `json:"window"`   // samples in the rolling window
	// SuccessRate is the share of the window's samples that succeeded.
	SuccessRate float64 `json:"success_rate"`
	// P50 and P95 are nearest-rank percentiles of the window's successful
	// latencies (see Sample.Latency).
	P50 time.Duration `json:"p50"`
	P95 time.Duration `json:"p95"`
	// Jitter is the mean absolute difference between consecutive successful
	// latencies in the window (as RFC 3550 defines per-packet jitter, without
	// its smoothing): how much one sample differs from the next.
	Jitter time.Duration `json:"jitter"`
	// Phases holds the median of each phase over the window's successes.
	Phases    Phases `json:"phases"`
	LastError *Error `json:"last_error,omitempty"`
	// Streak counts the failures in a row up to the last sample; Outage
	// is set once it reaches the tracker's OutageAfter.
	Streak  int        `json:"streak"`
	Outage  bool       `json:"outage"`
	SumDB   SumDBState `json:"sumdb"`
	Latest  string     `json:"latest,omitempty"`   // last @latest seen
	Version string     `json:"version,omitempty"`  // last version whose .mod was hashed
	ModHash string     `json:"mod_hash,omitempty"` // that .mod's hash
	// Lagging and Inconsistent come from Consistency across all series.
	Lagging      bool `json:"lagging"`
	Inconsistent bool `json:"inconsistent"`
}

// Healthy reports whether the series is fit to be used: it has succeeded,
// is not in an outage, and succeeds at least HealthyRate of the time.
func (s Summary) Healthy() bool {
	return s.Samples > s.Failures && !s.Outage && s.SuccessRate >= HealthyRate
}

// LastClass returns the class of the last failure, or "".
func (s Summary) LastClass() Class {
	if s.LastError == nil {
		return ""
	}
	return s.LastError.Class
}

// Tracker keeps a rolling window of samples per series. It is safe for
// concurrent use: the probe loop adds while the UI reads.
type Tracker struct {
	window, history, outageAfter int

	mu     sync.Mutex
	series map[Key]*series
	order  []Key
}

type series struct {
	sum    Summary
	recent []Sample // the window, oldest first
	points []Point  // for charts, oldest first
}

// NewTracker returns a Tracker with a window of window samples, history
// chart points per series, and an outage after outageAfter failures in a
// row; zero or negative values take the defaults.
func NewTracker(window, history, outageAfter int) *Tracker {
	if window <= 0 {
		window = DefaultWindow
	}
	if history <= 0 {
		history = DefaultHistory
	}
	if outageAfter <= 0 {
		outageAfter = DefaultOutageAfter
	}
	return &Tracker{window: window, history: history, outageAfter: outageAfter, series: map[Key]*series{}}
}

// Add records a sample and returns its series' updated summary (without the
// cross-series consistency flags; see Summaries).
func (t *Tracker) Add(s Sample) Summary {
	t.mu.Lock()
	defer t.mu.Unlock()
	k := s.Key()
	sr := t.series[k]
	if sr == nil {
		sr = &series{sum: Summary{Key: k, SumDB: SumDBUnknown}}
		t.series[k] = sr
		t.order = append(t.order, k)
	}
	sr.recent = keepLast(append(sr.recent, s), t.window)
	sr.points = keepLast(append(sr.points, pointOf(s)), t.history)
	sr.update(s, t.outageAfter)
	return sr.sum
}

func keepLast[T any](xs []T, n int) []T {
	if len(xs) > n {
		return slices.Clone(xs[len(xs)-n:])
	}
	return xs
}

func pointOf(s Sample) Point {
	p := Point{Time: s.Start, Latency: s.Latency, OK: s.OK}
	if s.Err != nil {
		p.Class = s.Err.Class
	}
	return p
}

// update folds the new sample s into the summary.
func (sr *series) update(s Sample, outageAfter int) {
	sum := &sr.sum
	sum.ID, sum.OK = s.Target.ID, s.OK
	sum.Samples++
	if s.OK {
		sum.Streak = 0
	} else {
		sum.Failures++
		sum.Streak++
		sum.LastError = s.Err
	}
	sum.Outage = sum.Streak >= outageAfter
	if s.SumDB != SumDBUnknown {
		sum.SumDB = s.SumDB
	}
	if s.Latest != "" {
		sum.Latest = s.Latest
	}
	if s.ModHash != "" {
		sum.Version, sum.ModHash = s.Version, s.ModHash
	}
	sr.window()
}

// window recomputes the window statistics.
func (sr *series) window() {
	var lat []time.Duration
	var phases []Phases
	for _, s := range sr.recent {
		if s.OK {
			lat = append(lat, s.Latency)
			phases = append(phases, s.Phases)
		}
	}
	sum := &sr.sum
	sum.Window = len(sr.recent)
	sum.SuccessRate = float64(len(lat)) / float64(len(sr.recent))
	sum.Jitter = Jitter(lat)
	sum.P50, sum.P95 = Percentile(lat, 50), Percentile(lat, 95)
	sum.Phases = medianPhases(phases)
}

// Percentile returns the nearest-rank p-th percentile of ds (0 if empty).
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(p/100*float64(len(s)) + 0.999999999)
	return s[min(max(rank, 1), len(s))-1]
}

// Jitter returns the mean absolute difference of consecutive values of ds,
// in order (0 for fewer than two).
func Jitter(ds []time.Duration) time.Duration {
	if len(ds) < 2 {
		return 0
	}
	var sum time.Duration
	for i := 1; i < len(ds); i++ {
		d := ds[i] - ds[i-1]
		sum += max(d, -d)
	}
	return sum / time.Duration(len(ds)-1)
}

func medianPhases(ps []Phases) Phases {
	pick := func(f func(Phases) time.Duration) time.Duration {
		ds := make([]time.Duration, len(ps))
		for i, p := range ps {
			ds[i] = f(p)
		}
		return Percentile(ds, 50)
	}
	return Phases{
		DNS:      pick(func(p Phases) time.Duration { return p.DNS }),
		Connect:  pick(func(p Phases) time.Duration { return p.Connect }),
		TLS:      pick(func(p Phases) time.Duration { return p.TLS }),
		Wait:     pick(func(p Phases) time.Duration { return p.Wait }),
		Transfer: pick(func(p Phases) time.Duration { return p.Transfer }),
		TTFB:     pick(func(p Phases) time.Duration { return p.TTFB }),
		Total:    pick(func(p Phases) time.Duration { return p.Total }),
	}
}

// Summary returns one series' summary, with consistency flags.
func (t *Tracker) Summary(k Key) (Summary, bool) {
	for _, s := range t.Summaries() {
		if s.Key == k {
			return s, true
		}
	}
	return Summary{}, false
}

// Summaries returns every series' summary in Rank order, with the
// consistency flags set.
func (t *Tracker) Summaries() []Summary {
	t.mu.Lock()
	out := make([]Summary, 0, len(t.order))
	for _, k := range t.order {
		out = append(out, t.series[k].sum)
	}
	t.mu.Unlock()
	MarkConsistency(out)
	Rank(out)
	return out
}

// Points returns a copy of a series' chart points, oldest first.
func (t *Tracker) Points(k Key) []Point {
	t.mu.Lock()
	defer t.mu.Unlock()
	if sr := t.series[k]; sr != nil {
		return slices.Clone(sr.points)
	}
	return nil
}

// Rank sorts summaries best first: healthy series by p50, then p95, then
// success rate; then unhealthy ones by success rate. Ties keep their order.
func Rank(ss []Summary) {
	sort.SliceStable(ss, func(i, j int) bool { return better(ss[i], ss[j]) })
}

func better(a, b Summary) bool {
	if a.Healthy() != b.Healthy() {
		return a.Healthy()
	}
	if !a.Healthy() {
		return a.SuccessRate > b.SuccessRate
	}
	if a.P50 != b.P50 {
		return a.P50 < b.P50
	}
	if a.P95 != b.P95 {
		return a.P95 < b.P95
	}
	return a.SuccessRate > b.SuccessRate
}
