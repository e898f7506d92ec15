package desktop

import (
	"strings"

	"github.com/gomirror/gomirror/core/origin"
)

// launchctlVars asks launchd for each variable, running "launchctl getenv
// NAME" through run: launchd gives a variable set with launchctl setenv to
// every app it starts from then on. launchctl prints the value and a
// newline, or nothing for a variable it does not hold. It is separate from
// lookup_darwin.go so that every OS tests it.
func launchctlVars(names []string, run func(name string, args ...string) ([]byte, error)) ([]origin.OSVar, error) {
	var out []origin.OSVar
	for _, name := range names {
		b, err := run("launchctl", "getenv", name)
		if err != nil {
			return out, err
		}
		if v := strings.TrimSuffix(string(b), "\n"); v != "" {
			out = append(out, origin.OSVar{Var: name, Value: v, Scope: origin.ScopeLaunchctl, Location: "launchctl getenv " + name})
		}
	}
	return out, nil
}
