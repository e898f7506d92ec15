// Package probe measures module mirrors the way the go command uses them:
// each sample makes the module-protocol requests of one small module
// (@v/list, @latest, .info, .mod) and asks whether the mirror proxies the
// checksum database (/sumdb/<name>/supported), timing each request's phases
// with net/http/httptrace. All mirrors are probed concurrently with bounded
// parallelism; results stream on a channel; a Tracker turns them into
// rolling statistics.
//
// By default every sample uses a fresh connection, so it measures a real
// DNS lookup, TCP connect and TLS handshake; Options.Warm keeps connections
// between samples instead.
//
// With Options.Recheck, a mirror that passed every check recently gets a
// quick sample instead: the version list alone, still over a fresh
// connection, which is all its latency is measured on. Probing every 2 s
// with a 30 s Recheck then makes about a quarter of the requests.
package probe

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// DefaultModule is the module probed when Options.Module is empty: small,
// well known, and released often enough for a lagging mirror to show.
const DefaultModule = "golang.org/x/mod"

// Defaults for Options. DefaultRecheck is not applied to a zero
// Options.Recheck (that means a full check every sample); callers that
// probe continuously choose it.
const (
	DefaultTimeout  = 10 * time.Second
	DefaultParallel = 8
	DefaultRecheck  = 30 * time.Second
)

// Target is one mirror to probe. URL is echoed in every result as given.
type Target struct {
	ID  string `json:"id,omitempty"`
	URL string `json:"url"`
}

// Options configure an Engine. The zero value probes DefaultModule at its
// latest version, with fresh connections, the system's address family,
// proxies from the process environment, and DefaultTimeout per request.
type Options struct {
	Module  string // module path to request; DefaultModule if empty
	Version string // version whose .info and .mod are fetched; @latest's if empty
	// SumDB is the checksum database name asked for at
	// /sumdb/<SumDB>/supported; the check is skipped if empty. Read it from
	// the resolved settings (mirrors.SumDBName), never hard-code it.
	SumDB    string
	Timeout  time.Duration // per request, including the body; DefaultTimeout if 0
	Parallel int           // mirrors probed at once; DefaultParallel if 0
	// Networks lists the address families to probe separately, each one of
	// "tcp4" or "tcp6"; families a host lacks are skipped. Empty means
	// "tcp": whatever the system picks.
	Networks []string
	Warm     bool // reuse connections between samples of the same mirror
	// Recheck is how long a full sample that succeeded vouches for the
	// mirror's @latest, .info, .mod and checksum-database answers: until
	// then its samples are quick (the version list only; Sample.Quick).
	// A failed sample, quick or full, makes the next one full. 0 makes
	// every sample full.
	Recheck time.Duration
	// Proxy selects the HTTP proxy per request as the go command does;
	// http.ProxyFromEnvironment (HTTPS_PROXY, NO_PROXY…) if nil.
	Proxy     func(*http.Request) (*url.URL, error)
	TLSConfig *tls.Config   // for private CAs; the system roots if nil
	Resolver  *net.Resolver // net.DefaultResolver if nil
}

func (o Options) withDefaults() Options {
	if o.Module == "" {
		o.Module = DefaultModule
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Parallel <= 0 {
		o.Parallel = DefaultParallel
	}
	if o.Proxy == nil {
		o.Proxy = http.ProxyFromEnvironment
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	return o
}

// Schedule says how many rounds to probe and how far apart they start.
type Schedule struct {
	Count    int           // rounds; 0 means until the context is cancelled
	Interval time.Duration // between the starts of rounds; a slow round delays the next
}

// Engine probes mirrors. It is safe for concurrent use.
type Engine struct {
	opts Options

	mu   sync.Mutex
	warm map[Key]*http.Transport
	// checked holds, per series, when its last full sample that succeeded
	// started; absent after a failure. Only used with Options.Recheck.
	checked map[Key]time.Time
}

// New returns an Engine for opts.
func New(opts Options) *Engine {
	return &Engine{opts: opts.withDefaults(), warm: map[Key]*http.Transport{}, checked: map[Key]time.Time{}}
}

// Options returns the engine's options with defaults filled in.
func (e *Engine) Options() Options { return e.opts }

// Run probes every target once per round, all concurrently (at most
// Options.Parallel at a time), and sends each sample on the returned channel
// as soon as it completes. The channel is closed when the schedule ends or
// ctx is cancelled; samples cut short by cancellation are dropped. Warm
// connections are closed when Run ends. With no targets the channel is
// closed at once.
func (e *Engine) Run(ctx context.Context, targets []Target, s Schedule) <-chan Sample {
	out := make(chan Sample, len(targets))
	go func() {
		defer close(out)
		defer e.closeWarm()
		keys := e.expand(ctx, targets)
		if len(keys) == 0 {
			return
		}
		for round := 1; s.Count == 0 || round <= s.Count; round++ {
			start := time.Now()
			e.round(ctx, keys, round, out)
			if ctx.Err() != nil || (s.Count != 0 && round == s.Count) {
				return
			}
			if !sleep(ctx, s.Interval-time.Since(start)) {
				return
			}
		}
	}()
	return out
}

// Probe runs one round and returns its samples in completion order.
func (e *Engine) Probe(ctx context.Context, targets []Target) []Sample {
	var all []Sample
	for s := range e.Run(ctx, targets, Schedule{Count: 1}) {
		all = append(all, s)
	}
	return all
}

// probeKey is one target probed over one network.
type probeKey struct {
	target  Target
	network string
}

// round probes every key once with bounded parallelism.
func (e *Engine) round(ctx context.Context, keys []probeKey, round int, out chan<- Sample) {
	sem := make(chan struct{}, e.opts.Parallel)
	var wg sync.WaitGroup
	for _, k := range keys {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s := e.Sample(ctx, k.target, k.network)
			s.Round = round
			if ctx.Err() != nil {
				return
			}
			select {
			case out <- s:
			case <-ctx.Done():
			}
		}()
	}
	wg.Wait()
}

func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
