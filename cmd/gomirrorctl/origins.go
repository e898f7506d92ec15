package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/inspect"
	"github.com/gomirror/gomirror/core/origin/shell"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

var originsCmd = &command{
	name:    "origins",
	args:    "[--json] [--no-shell] [VAR...]",
	summary: "show which rc-file line or OS variable sets each Go variable",
	help: `Origins says where each Go variable's value really comes from outside Go, in
two contexts: "terminal" (a new terminal: your login shell, run as a
terminal runs it, and the rc files it reads) and "desktop" (apps started
from the desktop, such as an IDE: this environment, launchctl on macOS,
the registry's user and system variables on Windows).

For each origin it prints the file and line that sets (or unsets) the
variable, the line's text, and a status: "confirmed" when the line sets
exactly the value the shell ended up with, "differs" when it does not (a
condition, or a file Go Mirror cannot see), "computed" when the line
computes the value, "not-found-in-files" when no line sets it (inherited).

The login shell runs with a timeout; its capture is cached until an rc
file changes.

Flags:
	--json      print {"shell", "terminal_error", "origins": [{"context",
	            "var", "value", "set", "file", "line", "text", "status",
	            "scope", "note", "earlier"}]}
	--no-shell  do not run the login shell (desktop context only)
`,
	listVars: true,
	run:      runOrigins,
}

// inspectTimeout bounds a whole inspection: the login shell has its own,
// shorter timeout.
const inspectTimeout = 60 * time.Second

// inspect builds the terminal and desktop contexts, running the login
// shell unless noShell.
func (c *cli) inspect(noShell bool) *inspect.Report {
	ctx, cancel := context.WithTimeout(context.Background(), inspectTimeout)
	defer cancel()
	svc := c.service()
	return svc.Inspect(ctx, service.InspectOptions{NoShell: noShell, Cache: svc.ShellCache()})
}

// doctor returns the diagnostics with the findings about the contexts,
// rc files, OS variables and processes.
func (c *cli) doctor(noShell bool) []core.Problem {
	ctx, cancel := context.WithTimeout(context.Background(), inspectTimeout)
	defer cancel()
	return c.service().DoctorWithOrigins(ctx, c.inspect(noShell))
}

// contextResolution resolves in the context named by --context: the
// process environment when name is empty.
func (c *cli) contextResolution(cmd *command, name string, check bool) (*resolve.Resolution, int, bool) {
	switch origin.Context(name) {
	case "":
		return c.service().Resolve(), exitOK, true
	case origin.Terminal, origin.Desktop:
	default:
		fmt.Fprintf(c.stderr, "gomirrorctl %s: --context must be terminal or desktop, not %q\n", cmd.name, name)
		return nil, exitRefused, false
	}
	if check {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: --check compares with go env in gomirrorctl's own environment; it cannot be combined with --context\n", cmd.name)
		return nil, exitRefused, false
	}
	r := c.inspect(origin.Context(name) == origin.Desktop)
	ctx, ok := r.Context(origin.Context(name))
	if !ok {
		err := core.NewError("cli.no-context", map[string]string{"Context": name}, ctx.Err)
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
		return nil, exitFailure, false
	}
	return ctx.Resolution, exitOK, true
}

// originJSON is one origin in the JSON form of origins.
type originJSON struct {
	Context origin.Context `json:"context"`
	Var     string         `json:"var"`
	Value   string         `json:"value"`
	Set     bool           `json:"set"`
	File    string         `json:"file"`
	Line    int            `json:"line"`
	Text    string         `json:"text"`
	Status  origin.Status  `json:"status"`
	Scope   string         `json:"scope,omitempty"`
	Unset   bool           `json:"unset,omitempty"`
	Note    string         `json:"note,omitempty"`
	Earlier []origin.Site  `json:"earlier,omitempty"`
}

// originsOutput is the JSON form of origins.
type originsOutput struct {
	Shell         *shell.Shell `json:"shell,omitempty"`
	TerminalError string       `json:"terminal_error,omitempty"`
	Origins       []originJSON `json:"origins"`
	// Findings say what a new terminal lacks or still inherits
	// (terminal-go-missing, session-only), as doctor reports them.
	Findings []core.Problem `json:"findings,omitempty"`
}

// runOrigins implements "gomirrorctl origins".
func runOrigins(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	noShell := fs.Bool("no-shell", false, "")
	names, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.knownGoVars(cmd, names); !ok {
		return code
	}
	r := c.inspect(*noShell)
	out := originsOutput{Shell: r.Terminal.Shell, TerminalError: r.Terminal.Error, Origins: []originJSON{}}
	for _, o := range r.OriginsOf(names...) {
		out.Origins = append(out.Origins, originJSON{o.Context, o.Var, o.Value, o.Set, o.File, o.Line,
			o.Text, o.Status, o.Scope, o.Unset, o.Note, o.Earlier})
	}
	for _, p := range inspect.TerminalFindings(r) {
		if len(names) == 0 || slices.Contains(names, p.Var) {
			out.Findings = append(out.Findings, p)
		}
	}
	if *jsonOut {
		if err := writeJSON(c.stdout, out); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	if r.Terminal.Err != nil {
		out.TerminalError = msgs.Error(r.Terminal.Err)
	}
	printOrigins(c.stdout, out)
	return exitOK
}

// knownGoVars refuses names that are not Go variables Go Mirror explains.
func (c *cli) knownGoVars(cmd *command, names []string) (int, bool) {
	for _, n := range names {
		if !origin.IsGoVar(n) {
			return c.knownVars(cmd, []string{n})
		}
	}
	return exitOK, true
}

// contextPhrase names each context in text output.
var contextPhrase = map[origin.Context]string{
	origin.Terminal: "in a new terminal",
	origin.Desktop:  "in apps started from the desktop",
}

// printOrigins writes each origin as a heading and indented details.
func printOrigins(w io.Writer, out originsOutput) {
	if out.TerminalError != "" {
		fmt.Fprintf(w, "terminal: %s\n\n", out.TerminalError)
	}
	for _, p := range out.Findings {
		printProblem(w, p, "")
		fmt.Fprintln(w)
	}
	if len(out.Origins) == 0 {
		fmt.Fprintln(w, "No Go variable is set outside Go.")
	}
	for _, o := range out.Origins {
		value := showValue(o.Value)
		if !o.Set {
			value = "(not set)"
		}
		fmt.Fprintf(w, "%s %s: %s  [%s]\n", o.Var, contextPhrase[o.Context], value, o.Status)
		if loc := location(o.File, o.Line); loc != "" {
			fmt.Fprintf(w, "  at %s", loc)
			if o.Text != "" {
				fmt.Fprintf(w, ": %s", o.Text)
			}
			fmt.Fprintln(w)
		}
		for _, e := range o.Earlier {
			fmt.Fprintf(w, "  earlier at %s: %s\n", location(e.File, e.Line), e.Text)
		}
		if o.Note != "" {
			fmt.Fprintf(w, "  note: %s\n", o.Note)
		}
	}
}
