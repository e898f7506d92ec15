package probe

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/mod/module"
)

// Key identifies a measured series: a mirror URL as given, over a network
// ("tcp", "tcp4" or "tcp6").
type Key struct {
	URL     string `json:"url"`
	Network string `json:"network"`
}

// StepName names one request of a sample.
type StepName string

// The requests of a sample, in order.
const (
	StepList   StepName = "list"   // GET <base>/<module>/@v/list
	StepLatest StepName = "latest" // GET <base>/<module>/@latest
	StepInfo   StepName = "info"   // GET <base>/<module>/@v/<version>.info
	StepMod    StepName = "mod"    // GET <base>/<module>/@v/<version>.mod
	StepSumDB  StepName = "sumdb"  // GET <base>/sumdb/<name>/supported
)

// SumDBState says whether a mirror proxies the checksum database.
type SumDBState string

// Checksum-database states.
const (
	SumDBUnknown SumDBState = "unknown" // not probed, or the probe failed first
	SumDBYes     SumDBState = "yes"     // /sumdb/<name>/supported answered 200
	SumDBNo      SumDBState = "no"      // it answered 404 or 410
)

// Phases are the durations of one request, from net/http/httptrace. DNS,
// Connect, TLS, Wait and Transfer do not overlap and can be drawn as a
// stacked bar; DNS, Connect and TLS are zero on a reused connection.
type Phases struct {
	DNS      time.Duration `json:"dns"`
	Connect  time.Duration `json:"connect"`  // TCP connect (to the HTTP proxy, if any)
	TLS      time.Duration `json:"tls"`      // TLS handshake
	Wait     time.Duration `json:"wait"`     // request written → first response byte
	Transfer time.Duration `json:"transfer"` // first response byte → body read
	TTFB     time.Duration `json:"ttfb"`     // start → first response byte
	Total    time.Duration `json:"total"`    // start → body read
}

// Step is the outcome of one request.
type Step struct {
	Name   StepName `json:"name"`
	URL    string   `json:"url"`
	Status int      `json:"status,omitempty"`
	Reused bool     `json:"reused,omitempty"` // the connection was reused
	Phases Phases   `json:"phases"`
	Err    *Error   `json:"error,omitempty"`
}

// Sample is one probe of one mirror over one network.
type Sample struct {
	Target  Target    `json:"target"`
	Network string    `json:"network"`
	Round   int       `json:"round"`
	Start   time.Time `json:"start"`
	OK      bool      `json:"ok"`
	// Latency is the total time of the first request (the version list),
	// connection set-up included unless the connection was warm. Phases
	// are that request's.
	Latency time.Duration `json:"latency"`
	Phases  Phases        `json:"phases"`
	Steps   []Step        `json:"steps"`
	Err     *Error        `json:"error,omitempty"` // the first failure; nil if OK
	// Quick: only the version list was requested, as a full sample had
	// passed every check within Options.Recheck. SumDB is then unknown and
	// Latest, Version and ModHash empty; a Tracker keeps the last known.
	Quick   bool       `json:"quick,omitempty"`
	SumDB   SumDBState `json:"sumdb"`
	Latest  string     `json:"latest,omitempty"`   // the version @latest reported
	Version string     `json:"version,omitempty"`  // whose .info and .mod were fetched
	ModHash string     `json:"mod_hash,omitempty"` // go.sum's "/go.mod h1:" hash of that .mod
}

// Key returns the sample's series key.
func (s Sample) Key() Key { return Key{URL: s.Target.URL, Network: s.Network} }

// Sample probes target once over network ("tcp", "tcp4" or "tcp6"): the
// module-protocol requests in order, stopping at the first failure, then the
// checksum-database check; or, if Options.Recheck allows, the version list
// alone (a quick sample).
func (e *Engine) Sample(ctx context.Context, target Target, network string) Sample {
	if network == "" {
		network = "tcp"
	}
	s := Sample{Target: target, Network: network, Start: time.Now(), SumDB: SumDBUnknown}
	base, err := baseURL(target.URL)
	if err != nil {
		s.Err = err
		return s
	}
	s.Quick = e.quick(s.Key(), s.Start)
	tr, done := e.transport(s.Key())
	defer done()
	c := &client{e: e, hc: &http.Client{Transport: tr, CheckRedirect: checkRedirect}, base: base}
	if s.Quick {
		s.OK = c.list(ctx, &s)
	} else {
		s.OK = c.module(ctx, &s) && c.sumdb(ctx, &s)
	}
	if len(s.Steps) > 0 {
		s.Phases, s.Latency = s.Steps[0].Phases, s.Steps[0].Phases.Total
	}
	e.record(s)
	return s
}

// quick reports whether a sample of k starting at start may be quick: a
// full sample of k succeeded less than Options.Recheck before, and no
// sample has failed since.
func (e *Engine) quick(k Key, start time.Time) bool {
	if e.opts.Recheck <= 0 {
		return false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	at, ok := e.checked[k]
	return ok && start.Sub(at) < e.opts.Recheck
}

// record notes a finished sample for quick: a full success vouches for
// the series from its start, any failure makes the next sample full.
func (e *Engine) record(s Sample) {
	if e.opts.Recheck <= 0 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case !s.OK:
		delete(e.checked, s.Key())
	case !s.Quick:
		e.checked[s.Key()] = s.Start
	}
}

// baseURL returns the mirror URL as the go command reads a GOPROXY entry
// (https:// added to a bare host[/path]) without trailing slashes.
func baseURL(raw string) (string, *Error) {
	s := strings.TrimSpace(raw)
	if strings.ContainsAny(s, ".:/") && !strings.Contains(s, ":/") && !strings.HasPrefix(s, "/") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "", badRequest("probe.url-invalid", map[string]string{"URL": raw, "Cause": err.Error()})
	case u.Scheme != "http" && u.Scheme != "https":
		return "", badRequest("probe.url-scheme", map[string]string{"URL": raw})
	case u.Host == "":
		return "", badRequest("probe.url-no-host", map[string]string{"URL": raw})
	}
	return strings.TrimRight(s, "/"), nil
}

// module runs the list, latest, info and mod steps, stopping at the first
// failure, and reports whether all succeeded.
func (c *client) module(ctx context.Context, s *Sample) bool {
	base, ok := c.moduleBase(s)
	return ok && c.step(ctx, s, StepList, base+"/@v/list", checkList) &&
		c.step(ctx, s, StepLatest, base+"/@latest", s.checkLatest) &&
		c.versionSteps(ctx, s, base)
}

// list runs the list step alone, for a quick sample.
func (c *client) list(ctx context.Context, s *Sample) bool {
	base, ok := c.moduleBase(s)
	return ok && c.step(ctx, s, StepList, base+"/@v/list", checkList)
}

// moduleBase returns the URL of the probed module's directory on the
// mirror, or records why the module path cannot be requested.
func (c *client) moduleBase(s *Sample) (string, bool) {
	mod, err := module.EscapePath(c.e.opts.Module)
	if err != nil {
		s.Err = badRequest("probe.bad-module", map[string]string{"Module": c.e.opts.Module, "Cause": err.Error()})
		return "", false
	}
	return c.base + "/" + mod, true
}

// versionSteps fetches the .info and .mod of Options.Version, or of the
// version @latest reported.
func (c *client) versionSteps(ctx context.Context, s *Sample, base string) bool {
	s.Version = c.e.opts.Version
	if s.Version == "" {
		s.Version = s.Latest
	}
	ver, err := module.EscapeVersion(s.Version)
	if err != nil {
		s.Err = badRequest("probe.bad-version", map[string]string{"Version": s.Version, "Cause": err.Error()})
		return false
	}
	checkMod := func(body []byte) *Error { return s.checkMod(body, c.e.opts.Module) }
	return c.step(ctx, s, StepInfo, base+"/@v/"+ver+".info", checkInfoBody) &&
		c.step(ctx, s, StepMod, base+"/@v/"+ver+".mod", checkMod)
}

// checkLatest validates an @latest answer and records its version.
func (s *Sample) checkLatest(body []byte) *Error {
	v, err := checkInfo(body)
	s.Latest = v
	return err
}

// checkMod validates a .mod answer and records its hash.
func (s *Sample) checkMod(body []byte, modPath string) *Error {
	h, err := checkMod(body, modPath)
	s.ModHash = h
	return err
}

func checkInfoBody(body []byte) *Error {
	_, err := checkInfo(body)
	return err
}

// sumdb asks whether the mirror proxies the checksum database. 404 and 410
// mean no (the go command then tries the next proxy, and finally the
// database itself); any other failure fails the sample, as it makes the go
// command's verification fail.
func (c *client) sumdb(ctx context.Context, s *Sample) bool {
	if c.e.opts.SumDB == "" {
		return true
	}
	st := c.do(ctx, StepSumDB, c.base+"/sumdb/"+c.e.opts.SumDB+"/supported", nil)
	switch {
	case st.Err == nil:
		s.SumDB = SumDBYes
	case st.Status == http.StatusNotFound || st.Status == http.StatusGone:
		s.SumDB, st.Err = SumDBNo, nil
	}
	s.Steps = append(s.Steps, st)
	if st.Err != nil {
		s.Err = st.Err
		return false
	}
	return true
}

// step runs one request, validates its body, and records it in s.
func (c *client) step(ctx context.Context, s *Sample, name StepName, url string, check func([]byte) *Error) bool {
	st := c.do(ctx, name, url, check)
	s.Steps = append(s.Steps, st)
	if st.Err != nil {
		s.Err = st.Err
		return false
	}
	return true
}
