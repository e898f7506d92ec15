package origin

import (
	"fmt"
	"strings"

	"github.com/gomirror/gomirror/core"
)

// EnvMap turns "KEY=VALUE" entries into a map. The first mention of a key
// wins, as in syscall.Getenv; on Windows keys are upper-cased.
func EnvMap(env []string, goos string) map[string]string {
	m := make(map[string]string, len(env))
	for _, kv := range env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			continue
		}
		if goos == "windows" {
			k = strings.ToUpper(k)
		}
		if _, dup := m[k]; !dup {
			m[k] = v
		}
	}
	return m
}

// Attribute names, for each of vars, the line that gives it its value in
// context c. assigns are the scan's findings in load order; env is what
// the context really holds (the captured shell environment). A variable
// neither set in env nor mentioned in assigns has no origin.
func Attribute(c Context, assigns []Assignment, env map[string]string, vars []string) []Origin {
	var out []Origin
	for _, name := range vars {
		value, set := env[name]
		var mine []Assignment
		for _, a := range assigns {
			if a.Var == name && a.Scope == "" { // a registry write leaves the shell's value alone
				mine = append(mine, a)
			}
		}
		if !set && len(mine) == 0 {
			continue
		}
		o := Origin{Context: c, Var: name, Value: value, Set: set}
		if len(mine) == 0 {
			o.Status = StatusNotFound
			o.SetNote("origin.not-found", map[string]string{"Var": name})
			out = append(out, o)
			continue
		}
		out = append(out, judge(o, mine))
	}
	return out
}

// judge fills o from the last of mine and compares it with o's real value.
func judge(o Origin, mine []Assignment) Origin {
	last := mine[len(mine)-1]
	o.File, o.Line, o.Text, o.Unset = last.File, last.Line, last.Text, last.Unset
	for _, a := range mine[:len(mine)-1] {
		o.Earlier = append(o.Earlier, Site{a.File, a.Line, a.Text})
	}
	args := map[string]string{"At": fmt.Sprintf("%s:%d", last.File, last.Line), "Var": o.Var, "Value": o.Value}
	switch {
	case last.Unset && !o.Set:
		o.Status = StatusConfirmed
	case last.Unset:
		o.Status = StatusDiffers
		o.SetNote("origin.unset-but-set", args)
	case !o.Set:
		o.Status = StatusDiffers
		o.SetNote("origin.set-but-unset", args)
	case !last.Exact:
		o.Status = StatusComputed
		o.SetNote("origin.computed", args)
	case last.Value == o.Value:
		o.Status = StatusConfirmed
	default:
		o.Status = StatusDiffers
		args["LineValue"] = last.Value
		o.SetNote("origin.differs", args)
	}
	return o
}

// SetNote sets o's note to the snippet code rendered in English from args.
func (o *Origin) SetNote(code string, args map[string]string) {
	o.NoteCode, o.NoteArgs = code, args
	o.Note = core.Snippet(code, args)
}
