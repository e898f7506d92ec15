package origin

import (
	"fmt"
	"strings"
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
			if a.Var == name {
				mine = append(mine, a)
			}
		}
		if !set && len(mine) == 0 {
			continue
		}
		o := Origin{Context: c, Var: name, Value: value, Set: set}
		if len(mine) == 0 {
			o.Status = StatusNotFound
			o.Note = "No rc file line sets " + name + ": it was inherited from the environment the shell started with, or set by a file Go Mirror cannot see."
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
	at := fmt.Sprintf("%s:%d", last.File, last.Line)
	switch {
	case last.Unset && !o.Set:
		o.Status = StatusConfirmed
	case last.Unset:
		o.Status = StatusDiffers
		o.Note = fmt.Sprintf("%s removes %s, yet the shell ends up with %s=%s: something later (a file Go Mirror cannot see, or a command) sets it again.", at, o.Var, o.Var, o.Value)
	case !o.Set:
		o.Status = StatusDiffers
		o.Note = fmt.Sprintf("%s sets %s, yet the shell ends up without it: the line may be skipped by a condition, or something later removes it.", at, o.Var)
	case !last.Exact:
		o.Status = StatusComputed
		o.Note = fmt.Sprintf("%s computes the value, so Go Mirror cannot check it statically; the shell's result is %s.", at, o.Value)
	case last.Value == o.Value:
		o.Status = StatusConfirmed
	default:
		o.Status = StatusDiffers
		o.Note = fmt.Sprintf("%s sets %s=%s, but the shell ends up with %s: the line may be skipped by a condition, or something later (a file Go Mirror cannot see, or a command) changes it.", at, o.Var, last.Value, o.Value)
	}
	return o
}
