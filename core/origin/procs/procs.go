// Package procs lists running go, gopls, dlv and IDE processes that still
// hold an old value of a Go variable: their environment was fixed when
// they started, so a change made since does not reach them until they are
// restarted.
package procs

import (
	"context"
	"slices"
	"time"

	"github.com/gomirror/gomirror/core"
)

// Kind is a kind of process Go Mirror looks for.
type Kind string

// Process kinds.
const (
	KindGo     Kind = "go"
	KindGopls  Kind = "gopls"
	KindDlv    Kind = "dlv"
	KindGoLand Kind = "goland"
	KindVSCode Kind = "vscode"
	KindCursor Kind = "cursor"
	KindVim    Kind = "vim"  // only when it runs gopls
	KindNeovim Kind = "nvim" // only when it runs gopls
)

// State says whether a process holds an old value.
type State string

// Process states.
const (
	StateStale   State = "stale"   // holds a different value, or started before the change
	StateOK      State = "ok"      // its environment agrees with the effective values
	StateUnknown State = "unknown" // the OS hides its environment
)

// Query says what the current values are.
type Query struct {
	// Want maps each Go variable to its effective value now. A process is
	// stale if its environment sets one of them (non-empty) to another
	// value: an OS variable beats the env file.
	Want map[string]string
	// Since is the time of the last change (the last write); a process
	// started before it is stale. Zero to ignore start times.
	Since time.Time
}

// Mismatch is a Go variable a process holds with another value.
type Mismatch struct {
	Var  string `json:"var"`
	Has  string `json:"has"`
	Want string `json:"want"`
}

// Process is one running process of a known kind.
type Process struct {
	PID     int32     `json:"pid"`
	Kind    Kind      `json:"kind"`
	Name    string    `json:"name"`
	Exe     string    `json:"exe,omitempty"`
	Cmdline string    `json:"cmdline,omitempty"`
	Started time.Time `json:"started"`
	State   State     `json:"state"`
	// Mismatches lists the variables it holds with another value.
	Mismatches []Mismatch `json:"mismatches,omitempty"`
	// StartedBefore reports a start before Query.Since.
	StartedBefore bool `json:"started_before,omitempty"`
	// Reason explains State in a sentence; Hint says how to restart it.
	// Both are in English: the core snippets ReasonCode (rendered from
	// ReasonArgs) and HintCode, so that the GUI can translate them.
	Reason     string            `json:"reason"`
	Hint       string            `json:"hint"`
	ReasonCode string            `json:"-"`
	ReasonArgs map[string]string `json:"-"`
	HintCode   string            `json:"-"`
}

// List returns the running processes of a known kind with their state,
// oldest first. Processes that vanish while being read are skipped.
func List(ctx context.Context, q Query) ([]Process, error) {
	infos, err := gather(ctx)
	if err != nil {
		return nil, core.NewError("procs.list", nil, err)
	}
	return classify(infos, q), nil
}

// Stale returns the processes of ps that are stale.
func Stale(ps []Process) []Process {
	var out []Process
	for _, p := range ps {
		if p.State == StateStale {
			out = append(out, p)
		}
	}
	return out
}

// info is what classify needs to know of a process. env is read lazily:
// only for processes of a known kind.
type info struct {
	pid, ppid          int32
	name, exe, cmdline string
	created            time.Time
	environ            func() ([]string, error)
}

// classify picks the processes of a known kind and judges each one.
func classify(infos []info, q Query) []Process {
	byPID := map[int32]info{}
	for _, in := range infos {
		byPID[in.pid] = in
	}
	editors := editorsRunningGopls(infos, byPID)
	var out []Process
	for _, in := range infos {
		k := kindOf(in)
		if k == KindVim || k == KindNeovim {
			if !editors[in.pid] {
				continue
			}
		}
		if k == "" {
			continue
		}
		if p, ok := judge(in, k, q); ok {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Process) int { return a.Started.Compare(b.Started) })
	return out
}

// editorsRunningGopls returns the PIDs of ancestors (up to four levels) of
// gopls processes.
func editorsRunningGopls(infos []info, byPID map[int32]info) map[int32]bool {
	out := map[int32]bool{}
	for _, in := range infos {
		if kindOf(in) != KindGopls {
			continue
		}
		for i, pid := 0, in.ppid; i < 4 && pid > 1; i++ {
			out[pid] = true
			pid = byPID[pid].ppid
		}
	}
	return out
}
