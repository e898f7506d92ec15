package main

import (
	"context"
	"fmt"
	"io"

	"github.com/gomirror/gomirror/core/origin/procs"
)

var processesCmd = &command{
	name: "processes",
	args: "[--json] [--all]",
	run:  runProcesses,
}

// processesOutput is the JSON form of processes.
type processesOutput struct {
	Processes []procs.Process `json:"processes"`
}

// runProcesses implements "gomirrorctl processes".
func runProcesses(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	all := fs.Bool("all", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	ctx, cancel := context.WithTimeout(context.Background(), inspectTimeout)
	defer cancel()
	ps, err := c.service().Processes(ctx, nil)
	if err != nil {
		return c.fail(cmd, err)
	}
	out := processesOutput{Processes: []procs.Process{}}
	for _, p := range ps {
		if *all || p.State != procs.StateOK {
			out.Processes = append(out.Processes, p)
		}
	}
	if *jsonOut {
		if err := writeJSON(c.stdout, out); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	printProcesses(c.stdout, out.Processes)
	return exitOK
}

// printProcesses writes a table of the processes, then each one's reason
// and restart hint.
func printProcesses(w io.Writer, ps []procs.Process) {
	if len(ps) == 0 {
		fmt.Fprintln(w, say("processes-none"))
		return
	}
	tw := newTable(w)
	fmt.Fprintln(tw, header("PID\tKIND\tNAME\tSTATE\tSTARTED"))
	for _, p := range ps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", p.PID, p.Kind, p.Name, shownCode("processes."+string(p.State), string(p.State)), p.Started.Format("2006-01-02 15:04:05"))
	}
	tw.Flush()
	for _, p := range ps {
		fmt.Fprintf(w, "\n%d %s: %s\n  %s\n", p.PID, p.Name, msgs.Snippet(p.ReasonCode, p.ReasonArgs, p.Reason),
			say("processes-restart", "Hint", msgs.Snippet(p.HintCode, nil, p.Hint)))
	}
}
