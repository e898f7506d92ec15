package diag

import (
	"fmt"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin/procs"
)

// processes reports stale processes, and processes whose environment the
// OS hides.
func processes(in Input) []core.Problem {
	var ps []core.Problem
	for _, p := range in.Processes {
		args := map[string]string{"Name": p.Name, "PID": fmt.Sprint(p.PID), "Kind": string(p.Kind)}
		switch p.State {
		case procs.StateStale:
			name := ""
			if len(p.Mismatches) > 0 {
				name = p.Mismatches[0].Var
			}
			ps = append(ps, problem(core.SeverityWarning, name, CodeStaleProcess, p.Reason, p.Hint, args))
		case procs.StateUnknown:
			ps = append(ps, problem(core.SeverityInfo, "", CodeProcessUnknown, p.Reason, p.Hint, args))
		}
	}
	return ps
}
