package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core/origin/fix"
)

var fixCmd = &command{
	name: "fix",
	args: "comment-out FILE:LINE [--yes] | replace FILE:LINE [VALUE] [--yes] | go-on-path [--yes]",
	run:  runFix,
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
		fmt.Fprintln(c.stderr, say("warning", "Warning", plan.Warning))
	}
	if !*yes {
		fmt.Fprintln(c.stdout, "\n"+say("fix-dry-run"))
		return exitOK
	}
	res, err := c.service().ApplyFix(plan)
	if err != nil {
		return c.fail(cmd, err)
	}
	backup := res.Backup
	if backup == "" {
		backup = say("fix-backup-none")
	}
	fmt.Fprintf(c.stdout, "\n%s\n%s\n", say("fix-backup", "Summary", plan.Summary, "Backup", backup), say("fix-done"))
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
