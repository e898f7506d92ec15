// Package desktop reads the environment that apps started from the desktop
// get (an IDE launched from the Dock, the Start menu or a launcher), and
// where the operating system keeps each Go variable of it: launchctl on
// macOS, the registry's user and system variables on Windows.
//
// The starting point is this process's own environment. For the GUI started
// from the desktop that is the desktop's; for the CLI run in a terminal it
// is that terminal's, so on Linux (where there is no OS store to consult)
// the CLI's "desktop" context shows what its terminal passed on.
package desktop

import (
	"os"
	"strings"

	"github.com/gomirror/gomirror/core/origin"
)

// Env returns the desktop environment and the OS variables behind its Go
// variables. It starts from this process's own environment and applies
// what the OS gives newly started apps: on macOS the variables set with
// launchctl setenv; on Windows the registry's system variables, then the
// user variables over them (as Explorer does). vars lists every Go
// variable found in an OS store (and, with ScopeProcess, this process's
// own value where the stores hold none or another one).
func Env() (env []string, vars []origin.OSVar, err error) {
	return merge(os.Environ(), lookupOS)
}

// lookupFunc returns the OS-kept variables for the Go variables, in
// precedence order (lowest first: system before user), or an error if the
// OS store cannot be read.
type lookupFunc func(names []string) ([]origin.OSVar, error)

// merge applies the OS variables to the process environment base.
func merge(base []string, lookup lookupFunc) ([]string, []origin.OSVar, error) {
	osVars, err := lookup(origin.GoVars())
	env := base
	var out []origin.OSVar
	for _, v := range osVars {
		env = setEnv(env, v.Var, v.Value)
		out = append(out, v)
	}
	own, merged := origin.EnvMap(base, ""), origin.EnvMap(env, "")
	for _, name := range origin.GoVars() {
		v, ok := own[name]
		// This process's value is the source when no OS store holds the
		// variable, and stale when the store now says otherwise.
		if ok && (!has(osVars, name) || merged[name] != v) {
			out = append(out, origin.OSVar{Var: name, Value: v, Scope: origin.ScopeProcess})
		}
	}
	return env, out, err
}

func has(vars []origin.OSVar, name string) bool {
	for _, v := range vars {
		if strings.EqualFold(v.Var, name) {
			return true
		}
	}
	return false
}

// setEnv returns env with name set to value, replacing every earlier
// entry of name (compared without case, as Windows does).
func setEnv(env []string, name, value string) []string {
	out := make([]string, 0, len(env)+1)
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.EqualFold(k, name) {
			out = append(out, kv)
		}
	}
	return append(out, name+"="+value)
}
