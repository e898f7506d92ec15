package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core/origin/fix"
)

var fixCmd = &command{
	name:    "fix",
	args:    "comment-out FILE:LINE [--yes] | replace FILE:LINE [VALUE] [--yes] | go-on-path [--yes]",
	summary: "change the rc-file line that sets a Go variable (with undo)",
	help: `Fix changes a line of your login shell's rc files that sets a Go variable,
as listed by "gomirrorctl origins" or suggested by "gomirrorctl doctor":

	comment-out FILE:LINE      turn the line into a comment, so that the env
	                           file (go env -w) takes effect in new terminals
	replace FILE:LINE [VALUE]  make the line set VALUE instead (by default
	                           the variable's value in the user env file)
	go-on-path                 when new terminals cannot find go, append the
	                           line that adds the directory of the go command
	                           Go Mirror found to PATH in your login file

Without --yes it only prints the change as a diff. With --yes it saves a
backup next to the file, replaces the file atomically (refusing if it
changed since it was read) and records the change: "gomirrorctl undo"
restores the file's exact bytes. Open a new terminal afterwards.

Flags:
	--yes   apply the change
`,
	run: runFix,
}

// runFix implements "gomirrorctl fix".
func runFix(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	yes := fs.Bool("yes", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	plan, err := c.planFix(pos)
	if err == errUsage {
		printCommandUsage(c.stderr, cmd)
		return exitRefused
	}
	if err != nil {
		return c.fail(cmd, err)
	}
	fmt.Fprint(c.stdout, plan.Diff)
	if plan.Warning != "" {
		fmt.Fprintf(c.stderr, "warning: %s\n", plan.Warning)
	}
	if !*yes {
		fmt.Fprintln(c.stdout, "\nNothing was changed; run again with --yes to apply.")
		return exitOK
	}
	res, err := c.service().ApplyFix(plan)
	if err != nil {
		return c.fail(cmd, err)
	}
	backup := res.Backup
	if backup == "" {
		backup = "none: the file is new"
	}
	fmt.Fprintf(c.stdout, "\n%s (backup: %s)\nOpen a new terminal to see the effect; \"gomirrorctl undo\" reverts it.\n", plan.Summary, backup)
	return exitOK
}

// errUsage reports fix arguments of the wrong form.
var errUsage = fmt.Errorf("usage")

// planFix parses "comment-out FILE:LINE", "replace FILE:LINE [VALUE]" or
// "go-on-path" and plans the change.
func (c *cli) planFix(pos []string) (*fix.Plan, error) {
	if len(pos) == 1 && pos[0] == "go-on-path" {
		return c.service().PlanGoOnPath(c.inspect(false))
	}
	if len(pos) < 2 {
		return nil, errUsage
	}
	file, n, ok := splitFileLine(pos[1])
	if !ok {
		return nil, errUsage
	}
	switch {
	case pos[0] == "comment-out" && len(pos) == 2:
		return c.service().PlanCommentOut(c.inspect(false), file, n)
	case pos[0] == "replace" && len(pos) <= 3:
		value := ""
		if len(pos) == 3 {
			value = pos[2]
		}
		return c.service().PlanReplace(c.inspect(false), file, n, value)
	}
	return nil, errUsage
}

// splitFileLine splits "FILE:LINE" at its last colon.
func splitFileLine(s string) (string, int, bool) {
	i := strings.LastIndex(s, ":")
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	return s[:i], n, err == nil && n > 0
}
