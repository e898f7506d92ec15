package desktop

import (
	"errors"
	"strings"

	"github.com/gomirror/gomirror/core/origin"
)

// launchctlVars asks launchd for each variable, running "launchctl getenv
// NAME" through run: launchd gives a variable set with launchctl setenv to
// every app it starts from then on. launchctl prints the value and a
// newline, or nothing (or an empty line) for a variable it does not hold.
// A launchctl that ran and exited with a failure status without printing
// anything is taken as not holding the variable too: the status of getenv
// for a missing variable is not documented. Only a launchctl that could
// not run (missing, killed at its time limit) ends the lookup. It is
// separate from lookup_darwin.go so that every OS tests it.
func launchctlVars(names []string, run func(name string, args ...string) ([]byte, error)) ([]origin.OSVar, error) {
	var out []origin.OSVar
	for _, name := range names {
		b, err := run("launchctl", "getenv", name)
		var exit interface{ ExitCode() int }
		if err != nil && errors.As(err, &exit) && exit.ExitCode() > 0 && strings.TrimSpace(string(b)) == "" {
			continue
		}
		if err != nil {
			return out, err
		}
		if v := strings.TrimSuffix(string(b), "\n"); v != "" {
			out = append(out, origin.OSVar{Var: name, Value: v, Scope: origin.ScopeLaunchctl, Location: "launchctl getenv " + name})
		}
	}
	return out, nil
}
