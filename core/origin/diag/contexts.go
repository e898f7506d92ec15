package diag

import (
	"fmt"

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

func contextProblem(in Input, d origin.VarDiff) core.Problem {
	args := map[string]string{"Terminal": show(d.Terminal), "Desktop": show(d.Desktop)}
	msg := fmt.Sprintf("In a new terminal %s is %s, but apps started from the desktop, such as IDEs, get %s: the go command behaves differently in each.", d.Var, args["Terminal"], args["Desktop"])
	fixText := "Set it once in the env file with Go Mirror (go env -w), which both read, and remove it from the OS environment of the other."
	o, ok := originOf(in, origin.Terminal, d.Var)
	if ok && o.File != "" && !o.Unset {
		args["RCFile"], args["Line"] = o.File, fmt.Sprint(o.Line)
		msg += fmt.Sprintf(" The terminal's value comes from %s line %d.", o.File, o.Line)
		fixText = fmt.Sprintf("Set it once in the env file with Go Mirror (go env -w), which both read, and remove line %d of %s (Go Mirror can comment it out).", o.Line, o.File)
	}
	if d.Var == "GOROOT" {
		msg = fmt.Sprintf("A new terminal runs the Go installation in %s, but apps started from the desktop run the one in %s: their go.env defaults and versions may differ.", args["Terminal"], args["Desktop"])
		fixText = "Give both the same PATH (or remove one installation), and remove GOROOT from the OS environment: the go command finds its own installation."
	}
	return problem(core.SeverityWarning, d.Var, CodeContextsDiffer, msg, fixText, args)
}

func show(v string) string {
	if v == "" {
		return "empty"
	}
	return redact(v)
}
