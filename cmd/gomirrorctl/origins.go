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
	name:     "origins",
	args:     "[--json] [--no-shell] [VAR...]",
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
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("context-bad", "Name", quoted(name)))
		return nil, exitRefused, false
	}
	if check {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("context-with-check"))
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
	// note is Note's snippet code and arguments, to print it in the
	// language of msgs.
	note struct {
		code string
		args map[string]string
	}
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
		oj := originJSON{Context: o.Context, Var: o.Var, Value: o.Value, Set: o.Set, File: o.File, Line: o.Line,
			Text: o.Text, Status: o.Status, Scope: o.Scope, Unset: o.Unset, Note: o.Note, Earlier: o.Earlier}
		oj.note.code, oj.note.args = o.NoteCode, o.NoteArgs
		out.Origins = append(out.Origins, oj)
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
	origin.Terminal: "origins-terminal",
	origin.Desktop:  "origins-desktop",
}

// printOrigins writes each origin as a heading and indented details.
func printOrigins(w io.Writer, out originsOutput) {
	if out.TerminalError != "" {
		fmt.Fprintf(w, "%s\n\n", say("origins-terminal-error", "Err", out.TerminalError))
	}
	for _, p := range out.Findings {
		printProblem(w, p, "")
		fmt.Fprintln(w)
	}
	if len(out.Origins) == 0 {
		fmt.Fprintln(w, say("origins-none"))
	}
	for _, o := range out.Origins {
		value := showValue(o.Value)
		if !o.Set {
			value = say("origins-not-set")
		}
		fmt.Fprintln(w, say("origins-line", "Var", o.Var, "Context", say(contextPhrase[o.Context]), "Value", value, "Status", shownCode("cli.origin-status."+string(o.Status), string(o.Status))))
		if loc := location(o.File, o.Line); loc != "" {
			fmt.Fprint(w, "  "+say("at", "Place", loc))
			if o.Text != "" {
				fmt.Fprintf(w, ": %s", o.Text)
			}
			fmt.Fprintln(w)
		}
		for _, e := range o.Earlier {
			fmt.Fprintln(w, "  "+say("origins-earlier", "Place", location(e.File, e.Line), "Text", e.Text))
		}
		if o.Note != "" {
			fmt.Fprintln(w, "  "+say("note", "Note", msgs.Snippet(o.note.code, o.note.args, o.Note)))
		}
	}
}
