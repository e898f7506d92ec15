// Package origin explains where a Go variable's value really comes from
// outside Go: the login shell a new terminal runs and the rc files it reads,
// the environment apps started from the desktop get (launchctl on macOS, the
// registry's user and system variables on Windows), and running processes
// that still hold an old value.
//
// This package holds the shared data types and the pure logic on them.
// The work lives in subpackages that do not know each other:
//
//   - core/origin/shell finds and runs the login shell and captures its
//     environment, with a timeout and a cache;
//   - core/origin/scan reads rc files statically, in load order;
//   - core/origin/desktop reads the environment of desktop apps;
//   - core/origin/procs lists go, gopls, dlv and IDE processes;
//   - core/origin/fix comments out an rc-file line with backup and undo;
//   - core/origin/diag turns all of this into core.Problem findings;
//   - core/origin/inspect wires them together for the CLI and the GUI.
package origin

import (
	"slices"
	"strconv"

	"github.com/gomirror/gomirror/core"
)

// Context names an environment a go command may run in.
type Context string

// The contexts. Their strings are part of the CLI's JSON output.
const (
	// Terminal is the environment of a new terminal: the user's login shell
	// after reading its rc files.
	Terminal Context = "terminal"
	// Desktop is the environment of apps started from the desktop (Dock,
	// Start menu, launcher), such as an IDE.
	Desktop Context = "desktop"
)

// Status says whether the static scan of the rc files agrees with what the
// shell really did.
type Status string

// Origin statuses.
const (
	// StatusConfirmed: the last line in load order sets exactly the value
	// the shell ended up with (or unsets a variable the shell lacks).
	StatusConfirmed Status = "confirmed"
	// StatusDiffers: the last line found sets another value than the shell
	// ended up with, or the shell lacks a variable a line sets: a file we
	// cannot see, a condition, or a command changed it afterwards.
	StatusDiffers Status = "differs"
	// StatusComputed: the last line computes the value (command
	// substitution, unknown variables), so it cannot be checked statically.
	StatusComputed Status = "computed"
	// StatusNotFound: the shell has the variable but no line in the files
	// read sets it: it was inherited, or set by a file we cannot see.
	StatusNotFound Status = "not-found-in-files"
)

// Assignment is one line of an rc file that sets or removes a variable, as
// the static scan finds it.
type Assignment struct {
	File string `json:"file"`
	Line int    `json:"line"` // 1-based
	Text string `json:"text"` // the line as written, without its newline
	Var  string `json:"var"`
	// Value is the value the line sets, with quotes removed and known
	// variables expanded. It is only meaningful when Exact is true.
	Value string `json:"value,omitempty"`
	// Exact reports whether Value is certain; false when the line computes
	// the value with commands or variables the scan cannot know.
	Exact bool `json:"exact"`
	// Unset reports a line that removes the variable (unset, set -e, ...).
	Unset bool `json:"unset,omitempty"`
	// Form is the construct found, e.g. "export", "set -gx", "setenv".
	Form string `json:"form"`
	// Scope is ScopeUser or ScopeSystem for a line that writes a Windows
	// registry variable instead of the shell's own (setx, or
	// [Environment]::SetEnvironmentVariable with a User or Machine
	// target): the shell running it keeps its value, and programs started
	// afterwards by Explorer get the new one. Empty for the shell's own.
	Scope string `json:"scope,omitempty"`
}

// Site is a place in a file.
type Site struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Origin says where one variable's value in one context comes from.
type Origin struct {
	Context Context `json:"context"`
	Var     string  `json:"var"`
	// Value and Set are what the context really holds.
	Value string `json:"value"`
	Set   bool   `json:"set"`
	// File, Line and Text locate the line (or registry key, or launchctl)
	// that sets or unsets it; empty when Status is StatusNotFound.
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Text   string `json:"text,omitempty"`
	Unset  bool   `json:"unset,omitempty"` // the line removes the variable
	Status Status `json:"status"`
	// Scope is where an OS variable lives: "user" or "system" (Windows
	// registry), "launchctl" (macOS); empty for rc files.
	Scope string `json:"scope,omitempty"`
	// Note explains the status in a sentence, in English: the core snippet
	// NoteCode rendered from NoteArgs, so that the GUI can translate it.
	Note     string            `json:"note,omitempty"`
	NoteCode string            `json:"-"`
	NoteArgs map[string]string `json:"-"`
	// Earlier lists lines that set the variable before the last one, in
	// load order. Removing the last line exposes the one before it.
	Earlier []Site `json:"earlier,omitempty"`
}

// Location returns "file:line", or the file alone when there is no line.
func (o Origin) Location() string {
	if o.Line == 0 {
		return o.File
	}
	return o.File + ":" + strconv.Itoa(o.Line)
}

// OSVar is a variable the operating system gives apps started from the
// desktop, and where it is kept.
type OSVar struct {
	Var   string `json:"var"`
	Value string `json:"value"`
	// Scope is "user" or "system" (Windows registry), "launchctl" (macOS),
	// or "process" (this process's own environment).
	Scope string `json:"scope"`
	// Location is the registry key or command that holds it.
	Location string `json:"location,omitempty"`
	// Type is the registry value's type (REG_SZ, REG_EXPAND_SZ), and Raw
	// the value as stored when it differs from Value (unexpanded
	// %VARIABLES%); both empty outside the Windows registry.
	Type string `json:"type,omitempty"`
	Raw  string `json:"raw,omitempty"`
}

// OS variable scopes.
const (
	ScopeUser      = "user"
	ScopeSystem    = "system"
	ScopeLaunchctl = "launchctl"
	ScopeProcess   = "process"
)

// GoVars returns the variables whose origins Go Mirror explains: the
// managed settings plus GOROOT.
func GoVars() []string {
	return append(core.VarNames(), "GOROOT")
}

// IsGoVar reports whether name is one of GoVars.
func IsGoVar(name string) bool {
	return slices.Contains(GoVars(), name)
}
