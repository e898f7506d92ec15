package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/troubleshoot/verify"
)

var verifyCmd = &command{
	name: "verify",
	args: "[--json] [--gosum PATH] [--mirror URL]... MODULE@VERSION... | --modfile PATH",
	run:  runVerify,
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// verifyOutput is the JSON form of verify.
type verifyOutput struct {
	Analyses []*verify.Analysis `json:"analyses"`
}

// runVerify implements "gomirrorctl verify".
func runVerify(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	gosum := fs.String("gosum", "", "")
	modfile := fs.String("modfile", "", "")
	var extra stringList
	fs.Var(&extra, "mirror", "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	mods, sum, err := verifyTargets(pos, *modfile, *gosum)
	if err != nil {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
		return exitRefused
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r := c.service().Resolve()
	out := verifyOutput{Analyses: []*verify.Analysis{}}
	status := exitOK
	for _, m := range mods {
		a, err := verify.Analyze(ctx, r, m.Path, m.Version, verify.Options{GoSum: sum, Mirrors: extra})
		if err != nil {
			c.fail(cmd, err)
			status = exitFailure
			continue
		}
		out.Analyses = append(out.Analyses, a)
		if a.Verdict != "consistent" {
			status = exitFailure
		}
	}
	if *jsonOut {
		if err := writeJSON(c.stdout, out); err != nil {
			return c.fail(cmd, err)
		}
		return status
	}
	for _, a := range out.Analyses {
		printAnalysis(c.stdout, a)
	}
	return status
}

// verifyTargets returns the module versions to check and the go.sum file.
func verifyTargets(pos []string, modfile, gosum string) ([]module.Version, string, error) {
	if modfile != "" {
		if len(pos) > 0 {
			return nil, "", core.NewError("cli.verify-both", nil, nil)
		}
		if gosum == "" {
			gosum = filepath.Join(filepath.Dir(modfile), "go.sum")
		}
		mods, err := verify.Requirements(modfile)
		return mods, existing(gosum), err
	}
	if len(pos) == 0 {
		return nil, "", core.NewError("cli.verify-none", nil, nil)
	}
	var mods []module.Version
	for _, p := range pos {
		path, version, ok := strings.Cut(p, "@")
		if !ok || path == "" || version == "" {
			return nil, "", core.NewError("cli.verify-arg", map[string]string{"Arg": p}, nil)
		}
		if err := module.Check(path, version); err != nil {
			return nil, "", core.NewError("verify.bad-module", map[string]string{"Module": p}, err)
		}
		mods = append(mods, module.Version{Path: path, Version: version})
	}
	if gosum == "" {
		gosum = "go.sum"
	}
	return mods, existing(gosum), nil
}

// existing returns path if a file exists there, else "".
func existing(path string) string {
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		return path
	}
	return ""
}

// printAnalysis writes the verdict, a table of the sources and the
// problems of one analysis.
func printAnalysis(w io.Writer, a *verify.Analysis) {
	fmt.Fprintf(w, "%s@%s: %s\n", a.Module, a.Version, shownCode("ts.verdict."+a.Verdict, a.Verdict))
	tw := newTable(w)
	fmt.Fprintln(tw, header("  SOURCE\tKIND\tMOD HASH\tZIP HASH\tSTATE"))
	for _, s := range a.Sources {
		state := shownCode("ts.state."+s.State, s.State)
		if s.Err != nil {
			state += ": " + msgs.Error(s.Err)
		} else if s.Error != "" {
			state += ": " + s.Error
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", s.Name, shownCode("ts.kind."+s.Kind, s.Kind), dash(s.Mod), dash(s.Zip), state)
	}
	tw.Flush()
	for _, p := range a.Problems {
		printProblem(w, p, "  ")
	}
	if len(a.Set) > 0 || len(a.Unset) > 0 {
		fmt.Fprintln(w, "  "+say("suggested", "Edit", describeEdit(a.Set, a.Unset), "Command", "gomirrorctl set/unset"))
	}
}
