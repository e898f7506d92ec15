package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
)

var setCmd = &command{
	name: "set",
	args: "KEY=VALUE...",
	run:  runSet,
}

var unsetCmd = &command{
	name: "unset",
	args: "KEY...",
	run:  runUnset,
}

var undoCmd = &command{
	name: "undo",
	args: "[--entry ID]",
	run:  runUndo,
}

var redoCmd = &command{
	name: "redo",
	args: "",
	run:  runRedo,
}

// runSet implements "gomirrorctl set".
func runSet(c *cli, cmd *command, args []string) int {
	pos, code, ok := c.parse(cmd, newFlagSet(cmd), args)
	if !ok {
		return code
	}
	as, err := service.ParseAssignments(pos)
	if err != nil {
		return c.fail(cmd, err)
	}
	res, err := c.service().Set(nil, as)
	return c.reportWrite(cmd, res, err, "wrote")
}

// runUnset implements "gomirrorctl unset".
func runUnset(c *cli, cmd *command, args []string) int {
	keys, code, ok := c.parse(cmd, newFlagSet(cmd), args)
	if !ok {
		return code
	}
	if len(keys) == 0 {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("unset-none"))
		return exitRefused
	}
	res, err := c.service().Unset(nil, keys)
	return c.reportWrite(cmd, res, err, "wrote")
}

// runRedo implements "gomirrorctl redo".
func runRedo(c *cli, cmd *command, args []string) int { return runUndo(c, cmd, args) }

// runUndo implements "gomirrorctl undo" (and redo).
func runUndo(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	entry := fs.String("entry", "", "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	var res *service.WriteResult
	var err error
	switch {
	case cmd.name == "redo":
		res, err = c.service().Redo()
	case *entry != "":
		res, err = c.service().Revert(*entry)
	default:
		res, err = c.service().Undo()
	}
	if errors.Is(err, history.ErrNotFound) {
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(core.NewError("cli.see-history", nil, err)))
		return exitRefused
	}
	if err != nil {
		return c.fail(cmd, err)
	}
	fmt.Fprintln(c.stdout, entrySummary(res.Entry))
	verb := "restored"
	if res.Entry.Registry != nil { // a Windows user variable: the key stays
		verb = "changed-in"
	} else if !exists(res.File) {
		verb = "removed-created"
	}
	return c.reportWrite(cmd, res, nil, verb)
}

// reportWrite prints the outcome of a write: the changes and the file on
// stdout and any warnings on stderr, or the error.
func (c *cli) reportWrite(cmd *command, res *service.WriteResult, err error, verb string) int {
	if err != nil {
		return c.fail(cmd, err)
	}
	for _, ch := range res.Changes {
		fmt.Fprintln(c.stdout, describeChange(ch))
	}
	fmt.Fprintln(c.stdout, say(verb, "File", res.File))
	printWarnings(c.stderr, res.Warnings)
	return exitOK
}

// describeChange formats one change, e.g. "GOPROXY=https://a (was unset)",
// or for a line of a shell startup file "line 12: # export GOPROXY=x (was
// export GOPROXY=x)".
func describeChange(ch history.Change) string {
	if ch.Line > 0 {
		return say("change-line", "Line", strconv.Itoa(ch.Line), "New", ch.New, "Old", ch.Old)
	}
	was := say("change-was-not-set")
	if ch.OldSet {
		was = say("change-was", "Old", showValue(ch.Old))
	}
	if ch.Unset {
		return say("change-unset", "Key", ch.Key, "Was", was)
	}
	return say("change-set", "Key", ch.Key, "New", showValue(ch.New), "Was", was)
}

// printWarnings writes the problems that did not stop a write.
func printWarnings(w io.Writer, ps []core.Problem) {
	for _, p := range ps {
		if p.Severity == core.SeverityError {
			continue
		}
		printProblem(w, p, "")
	}
}

// exists reports whether a file exists at path.
func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}
