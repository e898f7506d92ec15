package network

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// script is a Source that returns one interface list per poll, then
// repeats the last.
type script struct {
	mu    sync.Mutex
	steps [][]Interface
	polls int
}

func (s *script) source() Source {
	return Source{Interfaces: func(context.Context) ([]Interface, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		i := min(s.polls, len(s.steps)-1)
		s.polls++
		if s.steps[i] == nil {
			return nil, errors.New("netlink: busy")
		}
		return s.steps[i], nil
	}}
}

var (
	atHome   = []Interface{lo, home}
	atOffice = []Interface{lo, home, vpn}
	atHotel  = []Interface{lo, up("wlan0", "10.20.30.40/22")}
)

// run polls w once per step and returns the events.
func run(t *testing.T, w *Watcher, steps ...[]Interface) []Event {
	t.Helper()
	s := &script{steps: steps}
	w.Source = s.source()
	var events []Event
	w.OnEvent = func(e Event) { events = append(events, e) }
	for range steps {
		w.Poll(context.Background())
	}
	return events
}

func ids(events []Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.Network.ID)
	}
	return out
}

func TestWatcherNoChange(t *testing.T) {
	events := run(t, &Watcher{}, atHome, atHome, atHome, atHome)
	if len(events) != 1 || !events[0].Initial || events[0].Previous != nil {
		t.Fatalf("events = %+v, want only the initial one", events)
	}
}

func TestWatcherChange(t *testing.T) {
	events := run(t, &Watcher{}, atHome, atHome, atOffice, atOffice, atOffice, atOffice)
	if len(events) != 2 {
		t.Fatalf("events = %v, want initial and one change", ids(events))
	}
	e := events[1]
	if e.Initial || e.Previous == nil || e.Previous.ID != events[0].Network.ID || len(e.Network.VPN) != 1 {
		t.Errorf("change event = %+v", e)
	}
}

func TestWatcherFlap(t *testing.T) {
	events := run(t, &Watcher{}, atHome, atOffice, atHome, atHotel, atHome, atHome)
	if len(events) != 1 {
		t.Errorf("a flapping network gave events %v, want only the initial one", ids(events))
	}
	// A -> B -> C -> C: the brief B is skipped, C is reported once.
	events = run(t, &Watcher{}, atHome, atOffice, atHotel, atHotel, atHotel)
	if len(events) != 2 || events[1].Network.ID != NewFingerprint(atHotel, nil).ID {
		t.Errorf("events = %v, want initial then hotel", ids(events))
	}
}

func TestWatcherSkipsErrors(t *testing.T) {
	var errs int
	w := &Watcher{OnError: func(error) { errs++ }}
	events := run(t, w, atHome, nil, atHome, nil, atHome)
	if len(events) != 1 || errs != 2 {
		t.Errorf("events = %v, errors = %d; want 1 event and 2 errors", ids(events), errs)
	}
}

// TestWatcherAppliesOnce checks that an auto rule asks for one apply per
// change, however long the network stays.
func TestWatcherAppliesOnce(t *testing.T) {
	rules := []Rule{{Name: "Office", VPN: "*", Profile: "Company", Auto: true}, {Name: "Hotel", Subnet: "10.20.0.0/16", Profile: "China"}}
	w := &Watcher{Rules: func() []Rule { return rules }}
	events := run(t, w, atHome, atOffice, atOffice, atOffice, atOffice, atHotel, atHotel, atHotel)
	var applied, suggested []string
	for _, e := range events {
		if e.Apply {
			applied = append(applied, e.Rule.Profile)
		} else if e.Matched {
			suggested = append(suggested, e.Rule.Profile)
		}
	}
	if len(applied) != 1 || applied[0] != "Company" {
		t.Errorf("applied = %v, want [Company]", applied)
	}
	if len(suggested) != 1 || suggested[0] != "China" {
		t.Errorf("suggested = %v, want [China]", suggested)
	}
}

// TestWatcherRun runs the real loop with a short interval.
func TestWatcherRun(t *testing.T) {
	s := &script{steps: [][]Interface{atHome, atHome, atOffice}}
	got := make(chan Event, 10)
	w := &Watcher{Source: s.source(), Interval: 5 * time.Millisecond, OnEvent: func(e Event) { got <- e }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()
	for i := range 2 {
		select {
		case e := <-got:
			if (i == 0) != e.Initial {
				t.Errorf("event %d: Initial = %t", i, e.Initial)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no event %d", i)
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if len(got) != 0 {
		t.Errorf("extra events: %d", len(got))
	}
}
