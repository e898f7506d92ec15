package troubleshoot

import (
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Finding is one failure of a go command: what happened (the embedded
// Problem, with a code that has entries in the message catalogue), the output
// lines that show it, what it concerns, the setting and layer responsible,
// and a fix that can be applied with service.Apply.
type Finding struct {
	core.Problem
	// Lines are the output lines of this failure, first line first.
	Lines []string `json:"lines"`
	// Quoted are the lines that show the cause, trimmed: the evidence the
	// message rests on, which the GUI highlights among Lines.
	Quoted []string `json:"quoted,omitempty"`
	// Profile names a built-in profile (core/profile) that fixes this in
	// one step, when one exists, e.g. "Mainland China".
	Profile string `json:"profile,omitempty"`
	// Module and Version name the module, when the lines do.
	Module  string `json:"module,omitempty"`
	Version string `json:"version,omitempty"`
	// URL is the URL that failed and Host its host, when the lines name one.
	URL  string `json:"url,omitempty"`
	Host string `json:"host,omitempty"`
	// Layer is the layer of Var's precedence chain that supplies the value
	// responsible (Problem.File and Problem.Line repeat its place), or nil
	// when Var is not a go command setting or nothing sets it.
	Layer *core.Layer `json:"layer,omitempty"`
	// Set and Unset are the suggested edit of the user env file, for
	// service.Apply; both are empty when no edit of the env file fixes it
	// (for example when the OS environment shadows the file).
	Set   map[string]string `json:"set,omitempty"`
	Unset []string          `json:"unset,omitempty"`
}

// Assignments returns f.Set as a sorted list, for service.Set.
func (f Finding) Assignments() []core.Assignment {
	var out []core.Assignment
	for _, k := range sortedKeys(f.Set) {
		out = append(out, core.Assignment{Key: k, Value: f.Set[k]})
	}
	return out
}

// HasFix reports whether the finding suggests an edit of the env file.
func (f Finding) HasFix() bool { return len(f.Set) > 0 || len(f.Unset) > 0 }

// privacyKeys are the settings whose widening turns off the proxy, the
// checksum database or TLS for more modules.
var privacyKeys = []string{"GOPRIVATE", "GONOSUMDB", "GONOPROXY", "GOINSECURE"}

// UnsafeEdit returns why the edit set, applied over the settings of r,
// would widen privacy or verification beyond one host or repository: a
// pattern such as * or a whole shared host added to GOPRIVATE, GONOSUMDB,
// GONOPROXY or GOINSECURE, or GOSUMDB=off, in English. It returns "" for
// a safe edit. Fixes are checked with it before they are written, whatever
// made them.
func UnsafeEdit(r *resolve.Resolution, set map[string]string) string {
	code, args := UnsafeEditSnippet(r, set)
	if code == "" {
		return ""
	}
	return core.Snippet(code, args)
}

// UnsafeEditSnippet is UnsafeEdit as the core snippet code that says why
// and its arguments, so that it can be shown in the user's language; the
// code is "" for a safe edit.
func UnsafeEditSnippet(r *resolve.Resolution, set map[string]string) (code string, args map[string]string) {
	if v, ok := set["GOSUMDB"]; ok && strings.TrimSpace(v) == "off" {
		return "unsafe.sumdb-off", nil
	}
	for _, k := range privacyKeys {
		v, ok := set[k]
		if !ok {
			continue
		}
		old := map[string]bool{}
		for _, p := range strings.Split(r.Value(k), ",") {
			old[strings.TrimSpace(p)] = true
		}
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" && !old[p] && !safePattern(p) {
				return "unsafe.broad-pattern", map[string]string{"Key": k, "Pattern": p}
			}
		}
	}
	return "", nil
}
