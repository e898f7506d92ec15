package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

var explainCmd = &command{
	name: "explain",
	args: "[--json] [--dir DIR] [--timeout D] [-x] [--apply N | --fix] [-- go ARGS...]",
	run:  runExplain,
}

// explainFlags are the options of one explain run.
type explainFlags struct {
	json    bool
	dir     string
	trace   bool
	apply   int
	fix     bool
	command troubleshoot.Command
}

// explainOutput is the JSON form of explain.
type explainOutput struct {
	*troubleshoot.Report
	Applied *service.WriteResult `json:"applied,omitempty"`
}

// runExplain implements "gomirrorctl explain".
func runExplain(c *cli, cmd *command, args []string) int {
	fl := &explainFlags{}
	fs := newFlagSet(cmd)
	fs.BoolVar(&fl.json, "json", false, "")
	fs.StringVar(&fl.dir, "dir", "", "")
	fs.DurationVar(&fl.command.Timeout, "timeout", troubleshoot.DefaultTimeout, "")
	fs.BoolVar(&fl.trace, "x", false, "")
	fs.IntVar(&fl.apply, "apply", 0, "")
	fs.BoolVar(&fl.fix, "fix", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 && pos[0] == "go" {
		pos = pos[1:]
	}
	svc := c.service()
	if fl.dir != "" {
		svc = service.New(service.Options{Env: c.env, Cwd: fl.dir})
	}
	rep, err := c.explainReport(svc, fl, pos)
	if err != nil {
		return c.fail(cmd, err)
	}
	return c.finishExplain(cmd, svc, fl, rep)
}

// explainReport runs the command, or explains the output on stdin.
func (c *cli) explainReport(svc *service.Service, fl *explainFlags, args []string) (*troubleshoot.Report, error) {
	r := svc.Resolve()
	if len(args) == 0 {
		data, err := io.ReadAll(io.LimitReader(c.stdin(), 4<<20))
		if err != nil {
			return nil, core.NewError("cli.read-stdin", nil, err)
		}
		if strings.TrimSpace(string(data)) == "" {
			return nil, core.Refuse("", "usage", map[string]string{"Case": "nothing-to-explain"})
		}
		return &troubleshoot.Report{Output: string(data), Findings: troubleshoot.Explain(r, string(data))}, nil
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fl.command.Args, fl.command.Dir, fl.command.Env, fl.command.Trace = args, fl.dir, svc.Env(), fl.trace
	return troubleshoot.Run(ctx, r, fl.command)
}

// finishExplain applies a chosen fix, prints the report and picks the exit
// status.
func (c *cli) finishExplain(cmd *command, svc *service.Service, fl *explainFlags, rep *troubleshoot.Report) int {
	var applied *service.WriteResult
	if fl.apply != 0 || fl.fix {
		f, err := chooseFix(rep.Findings, fl.apply)
		switch {
		case rep.Args == nil:
			err = core.Refuse("", "pasted-output", nil)
		case troubleshoot.UnsafeEdit(svc.Resolve(), f.Set) != "":
			err = unsafeFix(svc, f)
		case err != nil:
		default:
			applied, err = svc.Apply(nil, f.Set, f.Unset)
		}
		if err != nil {
			printExplain(c.stderr, rep)
			return c.fail(cmd, err)
		}
	}
	if fl.json {
		if rep.Findings == nil {
			rep.Findings = []troubleshoot.Finding{}
		}
		if err := writeJSON(c.stdout, explainOutput{Report: rep, Applied: applied}); err != nil {
			return c.fail(cmd, err)
		}
	} else {
		printExplain(c.stdout, rep)
	}
	if applied != nil {
		if !fl.json {
			return c.reportWrite(cmd, applied, nil, "wrote")
		}
		printWarnings(c.stderr, applied.Warnings)
		return exitOK
	}
	return explainStatus(rep)
}

// explainStatus is 1 when the command failed or a finding is an error.
func explainStatus(rep *troubleshoot.Report) int {
	if rep.Args != nil && rep.Failed() {
		return exitFailure
	}
	for _, f := range rep.Findings {
		if f.Severity == core.SeverityError {
			return exitFailure
		}
	}
	return exitOK
}

// chooseFix returns finding n (1-based), or the first with a fix if n is 0.
func chooseFix(fs []troubleshoot.Finding, n int) (troubleshoot.Finding, error) {
	if n == 0 {
		for _, f := range fs {
			if f.HasFix() {
				return f, nil
			}
		}
		return troubleshoot.Finding{}, core.Refuse("", "no-fix", nil)
	}
	if n < 1 || n > len(fs) {
		return troubleshoot.Finding{}, core.Refuse("", "usage", map[string]string{"Case": "no-finding", "Arg": strconv.Itoa(n), "Count": strconv.Itoa(len(fs))})
	}
	if !fs[n-1].HasFix() {
		return troubleshoot.Finding{}, core.Refuse("", "no-fix", map[string]string{"Finding": strconv.Itoa(n)})
	}
	return fs[n-1], nil
}

// unsafeFix refuses to apply f, which would widen privacy or verification.
func unsafeFix(svc *service.Service, f troubleshoot.Finding) error {
	code, args := troubleshoot.UnsafeEditSnippet(svc.Resolve(), f.Set)
	a := maps.Clone(args)
	if a == nil {
		a = map[string]string{}
	}
	a["@Reason"] = code
	return core.Refuse("", "unsafe-fix", a)
}

// printExplain writes the command's outcome and every finding.
func printExplain(w io.Writer, rep *troubleshoot.Report) {
	if rep.Args != nil {
		phrase := "explain-exit"
		if rep.TimedOut {
			phrase = "explain-timeout"
		}
		fmt.Fprintln(w, say(phrase, "Args", strings.Join(rep.Args, " "), "Code", strconv.Itoa(rep.ExitCode), "Seconds", fmt.Sprintf("%.1f", rep.Duration)))
	}
	if len(rep.Findings) == 0 {
		fmt.Fprintln(w, say("explain-none"))
		return
	}
	for i, f := range rep.Findings {
		printFinding(w, i+1, f, rep.Args == nil)
	}
}

// printFinding writes one finding: its number, severity, code and setting,
// the failing lines, the layer, the message, the fix and the edit.
func printFinding(w io.Writer, n int, f troubleshoot.Finding, pasted bool) {
	head := fmt.Sprintf("%d. %s %s", n, word("severity."+string(f.Severity)), f.Code)
	if f.Var != "" {
		head += " (" + f.Var + ")"
	}
	fmt.Fprintln(w, head)
	for _, l := range f.Lines {
		mark := "|"
		if slices.Contains(f.Quoted, strings.TrimSpace(l)) {
			mark = ">" // a line the finding rests on
		}
		fmt.Fprintf(w, "   %s %s\n", mark, strings.TrimRight(l, "\r"))
	}
	if f.Layer != nil {
		fmt.Fprintln(w, "   "+say("explain-setting", "Var", f.Var, "Value", showValue(f.Layer.Value), "Place", layerPlace(*f.Layer)))
	}
	msg, fix := msgs.Problem(f.Problem)
	fmt.Fprintf(w, "   %s\n", msg)
	if fix != "" {
		fmt.Fprintln(w, "   "+say("fix", "Fix", fix))
	}
	if f.HasFix() {
		if pasted {
			fmt.Fprintln(w, "   "+say("explain-edit-pasted", "Edit", describeEdit(f.Set, f.Unset)))
		} else {
			fmt.Fprintln(w, "   "+say("explain-apply-with", "N", strconv.Itoa(n), "Edit", describeEdit(f.Set, f.Unset)))
		}
	}
	if f.Profile != "" {
		fmt.Fprintln(w, "   "+say("explain-profile", "Profile", quoted(profile.PresetName(msgs, f.Profile))))
	}
}

// layerPlace names a layer's source and its file:line.
func layerPlace(l core.Layer) string {
	source := shownCode("source."+string(l.Source), string(l.Source))
	if loc := location(l.File, l.Line); loc != "" {
		return source + " " + loc
	}
	return source
}

// describeEdit formats a suggested edit, e.g. "set GOPROXY=a|b; unset GOSUMDB".
func describeEdit(set map[string]string, unset []string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(set)) {
		parts = append(parts, say("edit-set", "Keys", k+"="+showValue(set[k])))
	}
	for _, k := range unset {
		parts = append(parts, say("edit-unset", "Keys", k))
	}
	return strings.Join(parts, "; ")
}
