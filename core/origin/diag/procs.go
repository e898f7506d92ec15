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
		switch p.State {
		case procs.StateStale:
			name := ""
			if len(p.Mismatches) > 0 {
				name = p.Mismatches[0].Var
			}
			ps = append(ps, processProblem(core.SeverityWarning, name, CodeStaleProcess, p))
		case procs.StateUnknown:
			ps = append(ps, processProblem(core.SeverityInfo, "", CodeProcessUnknown, p))
		}
	}
	return ps
}

// processProblem reports p with its reason and restart hint: as the core
// snippets they are, or as their own text.
func processProblem(sev core.Severity, name, code string, p procs.Process) core.Problem {
	args := map[string]string{"Name": p.Name, "PID": fmt.Sprint(p.PID), "Kind": string(p.Kind)}
	if p.ReasonCode == "" || p.HintCode == "" {
		return problem(sev, name, code, p.Reason, p.Hint, args)
	}
	for k, v := range p.ReasonArgs {
		args[k] = v
	}
	args["@Reason"], args["@Hint"] = p.ReasonCode, p.HintCode
	return core.NewProblem(sev, name, code, args)
}
