package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"text/tabwriter"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot/toolchains"
)

var toolchainsCmd = &command{
	name:    "toolchains",
	args:    "[--json] [--dir DIR]",
	summary: "check that your mirrors serve the toolchain a project asks for",
	help: `Toolchains reads the go.work or go.mod in DIR (default: the current
directory), takes the toolchain it asks for (its toolchain line, or its go
line when newer), and asks every GOPROXY mirror for it as the module
golang.org/toolchain, which is how GOTOOLCHAIN=auto downloads toolchains.
It walks the list as the go command would (moving on after 404 or 410, and
after other errors only past a '|') and says whether the download works, and
whether GOTOOLCHAIN allows it at all.

Flags:
	--json      print {"toolchain", "file", "line", "directive", "module",
	            "local", "needed", "mode", "mirrors": [{"url", "name",
	            "status", "has", "error", "sep"}], "served_by",
	            "problems", "set"}
	--dir DIR   the project directory

Exit status: 0 when the toolchain is installed or a mirror serves it, 1 when
a problem is an error (the go command would fail), 2 for bad usage or no
go.mod/go.work in DIR.
`,
	run: runToolchains,
}

// runToolchains implements "gomirrorctl toolchains".
func runToolchains(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	dir := fs.String("dir", ".", "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	want, err := toolchains.Wanted(*dir)
	if err != nil {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
		return exitRefused
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r := service.New(service.Options{Env: c.env, Cwd: *dir}).Resolve()
	a := toolchains.Check(ctx, r, want, toolchains.Options{})
	if *jsonOut {
		if err := writeJSON(c.stdout, a); err != nil {
			return c.fail(cmd, err)
		}
	} else {
		printAvailability(c.stdout, a)
	}
	for _, p := range a.Problems {
		if p.Severity == core.SeverityError {
			return exitFailure
		}
	}
	return exitOK
}

// printAvailability writes what each mirror answered and the verdict.
func printAvailability(w io.Writer, a toolchains.Availability) {
	fmt.Fprintf(w, "%s (%s line %d) as %s; installed %s, GOTOOLCHAIN mode %s\n",
		a.Toolchain, a.File, a.Line, a.Module, dash(a.Local), a.Mode)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "  MIRROR\tSTATUS\tSERVES")
	for _, m := range a.Mirrors {
		status := fmt.Sprint(m.Status)
		if m.Error != "" {
			status = m.Error
		}
		fmt.Fprintf(tw, "  %s\t%s\t%t\n", m.Name, status, m.Has)
	}
	tw.Flush()
	for _, p := range a.Problems {
		printProblem(w, p, "  ")
	}
	if len(a.Set) > 0 {
		fmt.Fprintf(w, "  suggested: %s (gomirrorctl set)\n", describeEdit(a.Set, nil))
	}
}
