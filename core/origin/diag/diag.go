// Package diag turns what core/origin and its subpackages found into
// core.Problem findings, each with a fix: a shell export that shadows the
// env file, terminal and desktop contexts that disagree, a Windows user or
// system variable (or a launchctl variable) that shadows the env file,
// processes that still hold old values, and Go installations on PATH with
// different go.env defaults. core/diagnose merges them into doctor.
package diag

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/procs"
	"github.com/gomirror/gomirror/core/resolve"
)

// Input is everything the findings are computed from. Any part may be
// missing (nil): its findings are then skipped.
type Input struct {
	// Desktop is the resolution in the desktop context (this app's own).
	Desktop *resolve.Resolution
	// Terminal is the resolution in a new terminal; nil if the login shell
	// could not be captured.
	Terminal *resolve.Resolution
	// Shell is the login shell's kind, for the syntax of a fix.
	Shell origin.ShellKind
	// Origins are the origins found in both contexts.
	Origins []origin.Origin
	// OSVars are the variables the OS keeps for desktop apps.
	OSVars []origin.OSVar
	// Processes are the running processes (procs.List).
	Processes []procs.Process
	// Installations are the Go installations on PATH (Installations).
	Installations []Installation
	// Home is the user's home directory, where the login files are.
	Home string
	// ShellProblem is the first error the login shell reported while it
	// read its rc files (shell.Capture.Problem); empty if none.
	ShellProblem string
}

// Codes of the findings.
const (
	CodeShellShadowsFile    = "shell-export-shadows-file"
	CodeContextsDiffer      = "contexts-differ"
	CodeUserVarShadows      = "windows-user-var-shadows-file"
	CodeSystemVarShadows    = "windows-system-var-shadows-file"
	CodeLaunchctlShadows    = "launchctl-shadows-file"
	CodeStaleProcess        = "stale-process"
	CodeProcessUnknown      = "process-env-unknown"
	CodeInstallationsDiffer = "go-installations-differ"
)

// Run returns the findings for in.
func Run(in Input) []core.Problem {
	var ps []core.Problem
	ps = append(ps, shellShadowsFile(in)...)
	ps = append(ps, contextsDiffer(in)...)
	ps = append(ps, sessionExports(in)...)
	ps = append(ps, terminalGoMissing(in)...)
	ps = append(ps, shellRCError(in)...)
	ps = append(ps, osVarsShadowFile(in)...)
	ps = append(ps, processes(in)...)
	return append(ps, installationsDiffer(in)...)
}

// TerminalFindings returns the findings about what a new terminal gets
// that need no process list: values only Go Mirror's own environment
// holds (session-only), a PATH without go (terminal-go-missing) and an
// error the login shell printed reading its rc files (terminal-rc-error,
// terminal-profile-blocked).
func TerminalFindings(in Input) []core.Problem {
	return append(append(sessionExports(in), terminalGoMissing(in)...), shellRCError(in)...)
}

// problem builds a finding; args are also kept for translations.
func problem(sev core.Severity, name, code, msg, fix string, args map[string]string) core.Problem {
	return core.Problem{Severity: sev, Var: name, Code: code, Message: msg, Fix: fix, Args: args}
}

// managed lists the variables whose layers resolve reports.
func managed() []string {
	var out []string
	for _, v := range core.Vars {
		if v.Name != "GOENV" {
			out = append(out, v.Name)
		}
	}
	return out
}

// layer returns the layer of source in s's chain.
func layer(s core.Setting, source core.Source) core.Layer {
	for _, l := range s.Chain {
		if l.Source == source {
			return l
		}
	}
	return core.Layer{}
}

// originOf returns the origin of name in context c.
func originOf(in Input, c origin.Context, name string) (origin.Origin, bool) {
	for _, o := range in.Origins {
		if o.Context == c && o.Var == name {
			return o, true
		}
	}
	return origin.Origin{}, false
}
