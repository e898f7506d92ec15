package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

var envCmd = &command{
	name:     "env",
	args:     "[--json] [--check] [--context terminal|desktop] [VAR...]",
	listVars: true,
	run:      runEnv,
}

// crossCheckTimeout bounds the real go env -json run by --check.
const crossCheckTimeout = 30 * time.Second

// envOutput is the JSON form of gomirrorctl env.
type envOutput struct {
	Vars    map[string]core.Setting `json:"vars"`
	EnvFile resolve.EnvFile         `json:"env_file"`
	Goroot  resolve.Goroot          `json:"goroot"`
	Check   *checkOutput            `json:"check,omitempty"`
}

// checkOutput is the result of --check.
type checkOutput struct {
	Agrees        bool                   `json:"agrees"`
	Disagreements []service.Disagreement `json:"disagreements"`
	Error         string                 `json:"error,omitempty"`
	err           error                  // Error, for the text in the user's language
}

// runEnv implements "gomirrorctl env".
func runEnv(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	check := fs.Bool("check", false, "")
	inCtx := fs.String("context", "", "")
	names, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.knownVars(cmd, names); !ok {
		return code
	}
	r, code, ok := c.contextResolution(cmd, *inCtx, *check)
	if !ok {
		return code
	}
	settings := selectSettings(r, names)
	var chk *checkOutput
	if *check {
		chk = c.crossCheck(r, names)
	}
	if *jsonOut {
		if err := writeJSON(c.stdout, envJSON(r, settings, chk)); err != nil {
			return c.fail(cmd, err)
		}
	} else {
		printSettings(c.stdout, settings)
		printCheck(c.stdout, chk)
	}
	return checkStatus(c, cmd, chk)
}

// knownVars refuses names that Go Mirror does not manage.
func (c *cli) knownVars(cmd *command, names []string) (int, bool) {
	for _, n := range names {
		if _, ok := core.LookupVar(n); !ok {
			fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name,
				say("env-unknown-var", "Name", quoted(n), "Vars", strings.Join(core.VarNames(), " ")))
			return exitRefused, false
		}
	}
	return exitOK, true
}

// selectSettings returns the named settings in the order given, or all of
// them in display order when names is empty. Repeated names appear once.
func selectSettings(r *resolve.Resolution, names []string) []core.Setting {
	if len(names) == 0 {
		return r.Settings
	}
	seen := map[string]bool{}
	var out []core.Setting
	for _, n := range names {
		if s, ok := r.Get(n); ok && !seen[n] {
			seen[n] = true
			out = append(out, s)
		}
	}
	return out
}

// crossCheck compares r with the real go env -json, keeping only the named
// variables (all when names is empty).
func (c *cli) crossCheck(r *resolve.Resolution, names []string) *checkOutput {
	ctx, cancel := context.WithTimeout(context.Background(), crossCheckTimeout)
	defer cancel()
	ds, err := c.service().CrossCheck(ctx, r)
	if err != nil {
		return &checkOutput{Disagreements: []service.Disagreement{}, Error: err.Error(), err: err}
	}
	out := &checkOutput{Disagreements: []service.Disagreement{}}
	for _, d := range ds {
		if len(names) == 0 || slices.Contains(names, d.Var) {
			out.Disagreements = append(out.Disagreements, d)
		}
	}
	out.Agrees = len(out.Disagreements) == 0
	return out
}

// checkStatus reports a failed cross-check on stderr and returns the exit
// status of env.
func checkStatus(c *cli, cmd *command, chk *checkOutput) int {
	switch {
	case chk == nil:
		return exitOK
	case chk.Error != "":
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(core.NewError("cli.cross-check", nil, chk.err)))
		return exitFailure
	case !chk.Agrees:
		err := core.NewError("cli.cross-check-differs", map[string]string{"Count": fmt.Sprint(len(chk.Disagreements))}, nil)
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
		return exitFailure
	}
	return exitOK
}

// envJSON builds the JSON form of env.
func envJSON(r *resolve.Resolution, settings []core.Setting, chk *checkOutput) envOutput {
	vars := make(map[string]core.Setting, len(settings))
	for _, s := range settings {
		vars[s.Name] = s
	}
	return envOutput{Vars: vars, EnvFile: r.EnvFile, Goroot: r.Goroot, Check: chk}
}

// printSettings writes the NAME VALUE SOURCE table.
func printSettings(w io.Writer, settings []core.Setting) {
	tw := newTable(w)
	fmt.Fprintln(tw, header("NAME\tVALUE\tSOURCE"))
	for _, s := range settings {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Name, showValue(s.Value), shownCode("source."+string(s.Source), string(s.Source)))
	}
	tw.Flush()
}

// printCheck writes the cross-check result after the table.
func printCheck(w io.Writer, chk *checkOutput) {
	if chk == nil || chk.Error != "" {
		return
	}
	if chk.Agrees {
		fmt.Fprintln(w, "\n"+say("env-check-agrees"))
		return
	}
	fmt.Fprintln(w, "\n"+say("env-check-disagrees"))
	for _, d := range chk.Disagreements {
		fmt.Fprintln(w, "  "+say("env-check-diff", "Var", d.Var, "Ours", showValue(d.Ours), "Go", showValue(d.Go)))
	}
}

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
