package diag

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/resolve"
)

// CodeSessionOnly reports a Go variable that Go Mirror's own environment
// holds but no login file sets any more.
const CodeSessionOnly = "session-only"

// sessionOnly returns the value of name in Go Mirror's own environment
// when no OS store keeps it and the login shell (started without it, see
// inspect.LoginEnv) did not set it: a new terminal does not get it from
// the rc files, and only the session (until a re-login) or the terminal
// that started Go Mirror still holds it.
func sessionOnly(in Input, name string) (string, bool) {
	if in.Terminal == nil || in.Terminal.OSEnvPresent(name) {
		return "", false
	}
	value, own := "", false
	for _, v := range in.OSVars {
		if v.Var != name {
			continue
		}
		if v.Scope != origin.ScopeProcess {
			return "", false
		}
		value, own = v.Value, true
	}
	return value, own
}

// sessionExports reports each Go variable that only Go Mirror's own
// environment holds: new terminals no longer get it from the rc files,
// but apps started from a session that exported it at login keep it until
// the user logs out and back in.
func sessionExports(in Input) []core.Problem {
	var ps []core.Problem
	for _, name := range origin.GoVars() {
		value, ok := sessionOnly(in, name)
		if !ok {
			continue
		}
		args := map[string]string{"Value": redact(value), "Terminal": redact(effective(in.Terminal, name))}
		ps = append(ps, core.NewProblem(core.SeverityWarning, name, CodeSessionOnly, args))
	}
	return ps
}

// effective is name's effective value in r (GOROOT: the installation).
func effective(r *resolve.Resolution, name string) string {
	if name == "GOROOT" {
		return r.Goroot.Path
	}
	return r.Value(name)
}
