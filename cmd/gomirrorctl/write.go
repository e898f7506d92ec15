package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
)

var setCmd = &command{
	name:    "set",
	args:    "KEY=VALUE...",
	summary: "write settings to the user env file (like go env -w)",
	help: `Set writes each KEY=VALUE to the user env file the go command reads, as
"go env -w" does: comments and other lines are kept, and the file is replaced
atomically. Every value is checked first; if any is refused (a value the go
command would reject or choke on, or GOENV=off), nothing is written and the
exit status is 2. Warnings, such as an OS environment variable that will
still override the new value, go to stderr and do not stop the write.

The write is recorded; "gomirrorctl undo" restores the file's exact bytes.

Example:
	gomirrorctl set GOPROXY=https://mirror.example.test,direct GOPRIVATE=*.corp.example.test
`,
	run: runSet,
}

var unsetCmd = &command{
	name:    "unset",
	args:    "KEY...",
	summary: "remove settings from the user env file (like go env -u)",
	help: `Unset removes each KEY from the user env file, as "go env -u" does, so the
value falls back to $GOROOT/go.env or the go command's default. Refusals,
warnings, history and exit status are as for "gomirrorctl set".
`,
	run: runUnset,
}

var undoCmd = &command{
	name:    "undo",
	args:    "[--entry ID]",
	summary: "revert the newest write (or one chosen entry)",
	help: `Undo reverts the newest write gomirrorctl (or the Go Mirror app) made that
has not been undone yet, restoring the env file byte for byte (or removing it
if the write created it). It refuses, with exit status 2, when there is
nothing to undo or when the file has changed since that write.

With --entry ID (an ID from "gomirrorctl history") it reverts that entry,
even if it is not the newest: each key it changed is set back to its value
before it. It refuses, naming the later write, when a later write changed
one of those keys, since reverting would throw that change away.

Undo and revert can be redone with "gomirrorctl redo".

Flags:
	--entry ID   revert this history entry instead of the newest
`,
	run: runUndo,
}

var redoCmd = &command{
	name:    "redo",
	args:    "",
	summary: "make the newest undone write again",
	help: `Redo reverts the newest undo (or revert), if no other write came after it,
restoring the env file byte for byte as it was before the undo. It refuses,
with exit status 2, when there is nothing to redo or when the file has
changed since the undo.
`,
	run: runRedo,
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
		fmt.Fprintf(c.stderr, "gomirrorctl %s: give at least one variable name, e.g. gomirrorctl unset GOPROXY\n", cmd.name)
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
		fmt.Fprintf(c.stderr, "gomirrorctl %s: %v; see gomirrorctl history\n", cmd.name, err)
		return exitRefused
	}
	if err != nil {
		return c.fail(cmd, err)
	}
	fmt.Fprintln(c.stdout, res.Entry.Summary)
	verb := "restored"
	if res.Entry.Registry != nil { // a Windows user variable: the key stays
		verb = "changed in"
	} else if !exists(res.File) {
		verb = "removed (the undone write had created it)"
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
	fmt.Fprintf(c.stdout, "%s %s\n", verb, res.File)
	printWarnings(c.stderr, res.Warnings)
	return exitOK
}

// describeChange formats one change, e.g. "GOPROXY=https://a (was unset)",
// or for a line of a shell startup file "line 12: # export GOPROXY=x (was
// export GOPROXY=x)".
func describeChange(ch history.Change) string {
	if ch.Line > 0 {
		return fmt.Sprintf("line %d: %s (was %s)", ch.Line, ch.New, ch.Old)
	}
	was := "was not set"
	if ch.OldSet {
		was = "was " + showValue(ch.Old)
	}
	if ch.Unset {
		return fmt.Sprintf("unset %s (%s)", ch.Key, was)
	}
	return fmt.Sprintf("%s=%s (%s)", ch.Key, showValue(ch.New), was)
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
