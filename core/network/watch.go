package network

import (
	"context"
	"time"
)

// DefaultInterval is how often a Watcher polls by default.
const DefaultInterval = 2 * time.Second

// Event reports the network the machine is on, once when watching starts
// and once for each change that lasted.
type Event struct {
	Network  Fingerprint  `json:"network"`
	Previous *Fingerprint `json:"previous,omitempty"` // nil for the first event
	Initial  bool         `json:"initial,omitempty"`  // the first event, not a change
	// Rule is the first rule matching Network, if Matched.
	Rule    Rule `json:"rule"`
	Matched bool `json:"matched"`
	// Apply says the consumer should apply Rule.Profile now: the rule
	// matched and the user opted in to automatic switching. Otherwise a
	// match is a suggestion. Each event is delivered once, so a consumer
	// that applies on Apply applies at most once per change.
	Apply bool `json:"apply"`
}

// Watcher polls a Source and reports network changes. A change counts only
// once the new network has been seen in Stable consecutive polls, so a
// flap (A, B, A) reports nothing and a change is reported a poll or so
// late. Errors from the Source skip that poll. A Watcher is used by one
// goroutine: do not call Poll while Run is running.
type Watcher struct {
	Source   Source
	Interval time.Duration // DefaultInterval if zero
	Stable   int           // polls a new network must last; 2 if zero
	Rules    func() []Rule // read at each event; nil means no rules
	OnEvent  func(Event)   // called from Run's goroutine
	OnError  func(error)   // optional; called when a poll fails
	state    debouncer
}

// Run polls until ctx is done, then returns ctx.Err(). It polls once at
// once, delivering the Initial event, then every Interval.
func (w *Watcher) Run(ctx context.Context) error {
	interval := w.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		w.Poll(ctx)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Poll reads the network once and delivers an event if it changed for
// good. Run calls it; tests may call it directly.
func (w *Watcher) Poll(ctx context.Context) {
	fp, err := Current(ctx, w.Source)
	if err != nil {
		if w.OnError != nil {
			w.OnError(err)
		}
		return
	}
	prev, initial, changed := w.state.observe(fp, w.stable())
	if !changed {
		return
	}
	ev := Event{Network: fp, Previous: prev, Initial: initial}
	if w.Rules != nil {
		ev.Rule, ev.Matched = Decide(w.Rules(), fp)
		ev.Apply = ev.Matched && ev.Rule.Auto
	}
	if w.OnEvent != nil {
		w.OnEvent(ev)
	}
}

func (w *Watcher) stable() int {
	if w.Stable <= 0 {
		return 2
	}
	return w.Stable
}

// debouncer commits a new network ID once it has been seen in n
// consecutive observations.
type debouncer struct {
	current *Fingerprint
	pending string
	seen    int
}

// observe records fp and reports whether it is a committed change: the
// first observation, or a new ID seen n times in a row. prev is the network
// it replaces.
func (d *debouncer) observe(fp Fingerprint, n int) (prev *Fingerprint, initial, changed bool) {
	switch {
	case d.current == nil:
		d.current = &fp
		return nil, true, true
	case fp.ID == d.current.ID:
		d.pending, d.seen = "", 0
		return nil, false, false
	case fp.ID != d.pending:
		d.pending, d.seen = fp.ID, 0
	}
	d.seen++
	if d.seen < n {
		return nil, false, false
	}
	prev, d.current = d.current, &fp
	d.pending, d.seen = "", 0
	return prev, false, true
}
