package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot/toolchains"
)

var toolchainsCmd = &command{
	name: "toolchains",
	args: "[--json] [--dir DIR]",
	run:  runToolchains,
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
	fmt.Fprintln(w, say("toolchains-head", "Toolchain", a.Toolchain, "File", a.File, "Line", strconv.Itoa(a.Line),
		"Module", a.Module, "Local", dash(a.Local), "Mode", fmt.Sprint(a.Mode)))
	tw := newTable(w)
	fmt.Fprintln(tw, header("  MIRROR\tSTATUS\tSERVES"))
	for _, m := range a.Mirrors {
		status := fmt.Sprint(m.Status)
		if m.Error != "" {
			status = m.Error
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", m.Name, status, yesNo(m.Has))
	}
	tw.Flush()
	for _, p := range a.Problems {
		printProblem(w, p, "  ")
	}
	if len(a.Set) > 0 {
		fmt.Fprintln(w, "  "+say("suggested", "Edit", describeEdit(a.Set, nil), "Command", "gomirrorctl set"))
	}
}
