package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/gomirror/gomirror/core"
)

var doctorCmd = &command{
	name: "doctor",
	args: "[--json] [--no-shell]",
	run:  runDoctor,
}

// severities lists the severities in the order doctor prints them.
var severities = []core.Severity{core.SeverityError, core.SeverityWarning, core.SeverityInfo}

// doctorOutput is the JSON form of doctor.
type doctorOutput struct {
	Problems []core.Problem `json:"problems"`
}

// runDoctor implements "gomirrorctl doctor".
func runDoctor(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	noShell := fs.Bool("no-shell", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	problems := c.doctor(*noShell)
	if *jsonOut {
		if problems == nil {
			problems = []core.Problem{}
		}
		if err := writeJSON(c.stdout, doctorOutput{Problems: problems}); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	printDoctor(c.stdout, problems)
	return exitOK
}

// printDoctor writes the problems grouped by severity.
func printDoctor(w io.Writer, problems []core.Problem) {
	if len(problems) == 0 {
		fmt.Fprintln(w, word("no-problems"))
		return
	}
	for _, sev := range severities {
		group := bySeverity(problems, sev)
		if len(group) == 0 {
			continue
		}
		fmt.Fprintln(w, say("group", "Name", word("severity."+string(sev)), "N", strconv.Itoa(len(group))))
		for _, p := range group {
			p.Severity = "" // already in the heading
			printProblem(w, p, "  ")
		}
	}
	if other := unknownSeverity(problems); len(other) > 0 {
		fmt.Fprintln(w, say("group", "Name", word("other"), "N", strconv.Itoa(len(other))))
		for _, p := range other {
			printProblem(w, p, "  ")
		}
	}
}

// bySeverity returns the problems of severity sev, in order.
func bySeverity(problems []core.Problem, sev core.Severity) []core.Problem {
	var out []core.Problem
	for _, p := range problems {
		if p.Severity == sev {
			out = append(out, p)
		}
	}
	return out
}

// unknownSeverity returns the problems whose severity is none of the known
// ones, so that nothing core reports is ever dropped.
func unknownSeverity(problems []core.Problem) []core.Problem {
	var out []core.Problem
	for _, p := range problems {
		known := false
		for _, sev := range severities {
			known = known || p.Severity == sev
		}
		if !known {
			out = append(out, p)
		}
	}
	return out
}
