package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core/origin/fix"
)

var fixCmd = &command{
	name: "fix",
	args: "comment-out FILE:LINE | replace FILE:LINE [VALUE] | go-on-path | user-var NAME [--yes] [--json]",
	run:  runFix,
}

// runFix implements "gomirrorctl fix".
func runFix(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	yes := fs.Bool("yes", false, "")
	jsonOut := fs.Bool("json", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 && pos[0] == "user-var" {
		return c.fixUserVar(cmd, pos[1:], *yes, *jsonOut)
	}
	plan, err := c.planFix(pos)
	if err == errUsage {
		printCommandUsage(c.stderr, cmd)
		return exitRefused
	}
	if err != nil {
		return c.fail(cmd, err)
	}
	if *jsonOut {
		return c.fixJSON(cmd, plan, *yes, func() (string, error) {
			res, err := c.service().ApplyFix(plan)
			if err != nil {
				return "", err
			}
			return res.ID, nil
		})
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

// fixOutput is the JSON form of fix: the plan, and whether it was applied
// (with the history entry's ID).
type fixOutput struct {
	Plan    any    `json:"plan"`
	Applied bool   `json:"applied"`
	ID      string `json:"id,omitempty"`
}

// fixJSON prints plan as JSON, after applying it with apply when yes.
func (c *cli) fixJSON(cmd *command, plan any, yes bool, apply func() (string, error)) int {
	out := fixOutput{Plan: plan}
	if yes {
		id, err := apply()
		if err != nil {
			return c.fail(cmd, err)
		}
		out.Applied, out.ID = true, id
	}
	if err := writeJSON(c.stdout, out); err != nil {
		return c.fail(cmd, err)
	}
	return exitOK
}

// fixUserVar implements "gomirrorctl fix user-var NAME": it shows the
// Windows user environment variable that would be removed, and removes it
// with yes.
func (c *cli) fixUserVar(cmd *command, pos []string, yes, jsonOut bool) int {
	if len(pos) != 1 {
		printCommandUsage(c.stderr, cmd)
		return exitRefused
	}
	plan, err := c.service().PlanRemoveUserVar(pos[0])
	if err != nil {
		return c.fail(cmd, err)
	}
	if jsonOut {
		return c.fixJSON(cmd, plan, yes, func() (string, error) {
			res, err := c.service().RemoveUserVar(plan)
			if err != nil {
				return "", err
			}
			return res.Entry.ID, nil
		})
	}
	args := map[string]string{"Var": plan.Var, "Key": plan.Key}
	fmt.Fprintf(c.stdout, "%s\n\n%s\n%s\n", text("cli.uservar.intro", args), plan.Preview, text("cli.uservar.effect", args))
	if !yes {
		fmt.Fprintf(c.stdout, "%s\n", text("cli.uservar.dry", args))
		return exitOK
	}
	if _, err := c.service().RemoveUserVar(plan); err != nil {
		return c.fail(cmd, err)
	}
	fmt.Fprintf(c.stdout, "\n%s\n", text("cli.uservar.done", args))
	return exitOK
}

// text returns the catalogue entry key rendered from args in the language
// of this invocation.
func text(key string, args map[string]string) string {
	s, _ := msgs.Message(key, args)
	return s
}
