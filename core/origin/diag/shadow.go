package diag

import (
	"fmt"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
)

// shellShadowsFile reports a login-shell export that overrides the env
// file in every new terminal.
func shellShadowsFile(in Input) []core.Problem {
	if in.Terminal == nil {
		return nil
	}
	var ps []core.Problem
	for _, name := range managed() {
		s, _ := in.Terminal.Get(name)
		osl, file := layer(s, core.SourceProcessEnv), layer(s, core.SourceEnvFile)
		if !osl.Set || !file.Set || osl.Value == file.Value {
			continue
		}
		o, _ := originOf(in, origin.Terminal, name)
		ps = append(ps, shadowProblem(in, o, name, osl.Value, file.Value))
	}
	return ps
}

// shadowProblem explains one shadowing export and how to remove it.
func shadowProblem(in Input, o origin.Origin, name, shell, file string) core.Problem {
	args := map[string]string{"Shell": redact(shell), "File": redact(file), "EnvFile": in.Terminal.EnvFile.Path}
	if o.File == "" || o.Unset || o.Status == origin.StatusDiffers || o.Status == origin.StatusNotFound {
		msg := fmt.Sprintf("In a new terminal %s=%s comes from the environment, overriding the env file's %s=%s; Go Mirror could not find the rc-file line that sets it.", name, args["Shell"], name, args["File"])
		if o.Note != "" {
			msg += " " + o.Note
		}
		return problem(core.SeverityWarning, name, CodeShellShadowsFile, msg, unexportHint(name), args)
	}
	args["RCFile"], args["Line"] = o.File, fmt.Sprint(o.Line)
	msg := fmt.Sprintf("In a new terminal, line %d of %s sets %s=%s, which overrides the env file's %s=%s: go env -w has no effect there.", o.Line, o.File, name, args["Shell"], name, args["File"])
	fixText := fmt.Sprintf("Remove line %d of %s (Go Mirror can comment it out)", o.Line, o.File)
	if len(o.Earlier) > 0 {
		fixText += fmt.Sprintf(", and the %d earlier lines that set it (%s)", len(o.Earlier), sites(o.Earlier))
	}
	fixText += ", or write the value there instead"
	if p, err := fix.Replace(o.File, o.Line, name, fix.ExportLine(in.Shell, name, file)); err == nil {
		fixText += ":\n" + redactText(p.Diff)
	} else {
		fixText += "."
	}
	p := problem(core.SeverityWarning, name, CodeShellShadowsFile, msg, fixText, args)
	p.File, p.Line = o.File, o.Line
	return p
}

func sites(ss []origin.Site) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return strings.Join(parts, ", ")
}

// osVarsShadowFile reports OS-kept variables (Windows registry, launchctl)
// that override the env file for apps started from the desktop.
func osVarsShadowFile(in Input) []core.Problem {
	if in.Desktop == nil {
		return nil
	}
	var ps []core.Problem
	for _, v := range winning(in.OSVars) {
		s, ok := in.Desktop.Get(v.Var)
		file := layer(s, core.SourceEnvFile)
		if !ok || !file.Set || v.Value == "" || v.Value == file.Value {
			continue
		}
		ps = append(ps, osVarProblem(in, v, file.Value))
	}
	return ps
}

// winning returns, for each variable, the OS variable apps get: a user
// variable beats a system one. Process-scope values are left out.
func winning(vars []origin.OSVar) []origin.OSVar {
	last := map[string]int{}
	var order []string
	for i, v := range vars {
		if v.Scope == origin.ScopeProcess {
			continue
		}
		if _, seen := last[v.Var]; !seen {
			order = append(order, v.Var)
		}
		last[v.Var] = i
	}
	out := make([]origin.OSVar, len(order))
	for i, name := range order {
		out[i] = vars[last[name]]
	}
	return out
}

func osVarProblem(in Input, v origin.OSVar, file string) core.Problem {
	args := map[string]string{"Value": redact(v.Value), "File": redact(file), "Location": v.Location}
	var code, where, fixText string
	switch v.Scope {
	case origin.ScopeUser:
		code, where = CodeUserVarShadows, "Your Windows user environment variable"
		fixText = fmt.Sprintf("Remove the user variable %s (Go Mirror can do it after you confirm; or System Properties > Environment Variables > User variables), then restart the apps that use Go.", v.Var)
	case origin.ScopeSystem:
		code, where = CodeSystemVarShadows, "The Windows system environment variable"
		fixText = fmt.Sprintf("Ask an administrator to remove the system variable %s (System Properties > Environment Variables > System variables), or set a user variable %s with the value you want, then restart the apps that use Go.", v.Var, v.Var)
	default:
		code, where = CodeLaunchctlShadows, "The launchd variable (set with launchctl setenv)"
		fixText = fmt.Sprintf("Run launchctl unsetenv %s, and remove it from any launch agent or login script that sets it, then restart the apps that use Go.", v.Var)
	}
	msg := fmt.Sprintf("%s %s=%s overrides the env file's %s=%s for every app started from the desktop, such as your IDE: go env -w has no effect there.", where, v.Var, args["Value"], v.Var, args["File"])
	p := problem(core.SeverityWarning, v.Var, code, msg, fixText, args)
	p.File = v.Location
	return p
}
