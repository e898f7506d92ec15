package diag

import (
	"fmt"
	"path/filepath"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
)

// contextsDiffer reports Go variables whose effective value in a new
// terminal differs from the one desktop apps get.
func contextsDiffer(in Input) []core.Problem {
	if in.Terminal == nil || in.Desktop == nil {
		return nil
	}
	var ps []core.Problem
	for _, d := range origin.Diff(in.Terminal, in.Desktop) {
		if !d.Effective() {
			continue
		}
		ps = append(ps, contextProblem(in, d))
	}
	return ps
}

// contextProblem reports d; an empty value is the argument "", which the
// templates show as "empty".
func contextProblem(in Input, d origin.VarDiff) core.Problem {
	if d.Var == "GOROOT" && d.Terminal == "" && d.Desktop != "" {
		// Not two installations: a login shell's PATH has no go at all.
		bin := filepath.Join(d.Desktop, "bin")
		return core.NewProblem(core.SeverityWarning, d.Var, CodeTerminalNoGo, map[string]string{"Desktop": d.Desktop, "Bin": bin})
	}
	args := map[string]string{"Terminal": redact(d.Terminal), "Desktop": redact(d.Desktop)}
	o, ok := originOf(in, origin.Terminal, d.Var)
	if ok && o.File != "" && !o.Unset {
		args["RCFile"], args["Line"] = o.File, fmt.Sprint(o.Line)
	}
	return core.NewProblem(core.SeverityWarning, d.Var, CodeContextsDiffer, args)
}
