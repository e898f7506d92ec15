package diag

import (
	"fmt"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
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
		return withNote(core.NewProblem(core.SeverityWarning, name, CodeShellShadowsFile, args), o)
	}
	args["RCFile"], args["Line"] = o.File, fmt.Sprint(o.Line)
	if len(o.Earlier) > 0 {
		args["Earlier"], args["EarlierCount"] = sites(o.Earlier), fmt.Sprint(len(o.Earlier))
	}
	if p, err := fix.Replace(o.File, o.Line, name, fix.ExportLine(in.Shell, name, file)); err == nil {
		args["Diff"] = redactText(p.Diff)
	}
	p := core.NewProblem(core.SeverityWarning, name, CodeShellShadowsFile, args)
	p.File, p.Line = o.File, o.Line
	return p
}

// withNote adds o's note, which says why the shell's value differs from its
// lines, to the message of p: as the snippet it is, or as its own text.
func withNote(p core.Problem, o origin.Origin) core.Problem {
	switch {
	case o.Note == "":
		return p
	case o.NoteCode == "":
		p.Message += " " + o.Note
		return p
	}
	for k, v := range o.NoteArgs {
		if _, ok := p.Args[k]; !ok {
			p.Args[k] = v
		}
	}
	p.Args["@Note"] = o.NoteCode
	p.Render()
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
		ps = append(ps, osVarProblem(in, v, file.Value, systemValue(in.OSVars, v)))
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

// systemValue is the system variable a user variable v hides, or "".
func systemValue(vars []origin.OSVar, v origin.OSVar) string {
	if v.Scope != origin.ScopeUser {
		return ""
	}
	for _, s := range vars {
		if s.Scope == origin.ScopeSystem && strings.EqualFold(s.Var, v.Var) {
			return s.Value
		}
	}
	return ""
}

// osVarProblem explains an OS variable that overrides the env file. A
// Windows user variable comes with the fix Go Mirror makes (the command,
// and a preview of the value it removes); a system variable with the
// command an administrator runs.
func osVarProblem(in Input, v origin.OSVar, file, system string) core.Problem {
	args := map[string]string{"Value": redact(v.Value), "File": redact(file), "Location": v.Location}
	code := CodeLaunchctlShadows
	switch v.Scope {
	case origin.ScopeUser:
		code = CodeUserVarShadows
		raw, typ := v.Value, v.Type
		if v.Raw != "" {
			raw = v.Raw
		}
		if typ == "" {
			typ = history.RegSZ
		}
		args["Type"], args["Command"] = typ, "gomirrorctl fix user-var "+v.Var
		args["Preview"] = fix.RegPreview(v.Var, history.RegistryValue{Data: core.MaskUserinfo(raw), Type: typ})
		if system != "" {
			args["System"] = redact(system)
		}
	case origin.ScopeSystem:
		code = CodeSystemVarShadows
		args["Command"] = fix.ElevatedRemoveCommand(v.Var)
	}
	p := core.NewProblem(core.SeverityWarning, v.Var, code, args)
	p.File = v.Location
	return p
}
