// Package validate checks settings before they are written: what go env -w
// rejects, and also what it accepts but breaks the go command or never
// matches.
//
// Set and Unset check a write against a resolution; Value checks a value as
// the go command will use it, and is shared with core/diagnose.
package validate

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/resolve"
)

// Set checks go env -w KEY=VALUE against the current resolution r. Problems
// of severity error refuse the write.
func Set(r *resolve.Resolution, key, value string) []core.Problem {
	if ps := checkKey(r, key, false); len(ps) > 0 {
		return ps
	}
	if ps := checkBytes(r, key, value); len(ps) > 0 {
		return ps
	}
	ps := checkWrite(r, key, value)
	switch {
	case len(core.Errors(ps)) > 0: // refused as go env -w would; the rest is noise
	case value == "":
		ps = append(ps, Empty(r, key)...)
	default:
		ps = append(ps, Value(r, key, value)...)
	}
	return append(ps, checkOSShadowsWrite(r, key, value)...)
}

// Unset checks go env -u KEY.
func Unset(r *resolve.Resolution, key string) []core.Problem {
	if ps := checkKey(r, key, true); len(ps) > 0 {
		return ps
	}
	var ps []core.Problem
	if _, inFile := userEntry(r, key); !inFile {
		ps = append(ps, problem(core.SeverityInfo, key, "unset-absent", nil))
	}
	ps = append(ps, checkUnsetLeavesEmpty(r, key)...)
	return append(ps, checkOSShadowsUnset(r, key)...)
}

// Value checks value as the go command would use it for key: problems the go
// command accepts silently but that break downloads, never match, or are
// risky. It knows the managed download settings, GOPATH, GOMODCACHE and
// GOROOT; other keys get no problems. An empty value gets none either: what "" means depends on the
// layers (see Set and core/diagnose).
func Value(r *resolve.Resolution, key, value string) []core.Problem {
	if value == "" {
		return nil
	}
	switch key {
	case "GOPROXY":
		return checkGOPROXY(r, value)
	case "GOSUMDB":
		return checkGOSUMDB(r, value)
	case "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE":
		return checkPatterns(key, value)
	case "GOVCS":
		return checkGOVCS(value)
	case "GOFLAGS":
		return checkGOFLAGS(value)
	case "GOAUTH":
		return checkGOAUTH(r, value)
	case "GOTOOLCHAIN":
		return checkGOTOOLCHAIN(r, value)
	case "GOPATH":
		return checkGOPATHList(r, value)
	case "GOMODCACHE":
		return checkAbsDir(r, key, value)
	case "GOROOT":
		return checkGOROOT(value)
	}
	return nil
}

// args are the template arguments of a problem (see core.Template).
type args = map[string]string

func problem(sev core.Severity, key, code string, a args) core.Problem {
	return core.NewProblem(sev, key, code, a)
}

func errorp(key, code string, a args) core.Problem {
	return problem(core.SeverityError, key, code, a)
}

func warning(key, code string, a args) core.Problem {
	return problem(core.SeverityWarning, key, code, a)
}

// userEntry returns the user env file's effective line for key.
func userEntry(r *resolve.Resolution, key string) (envfile.Entry, bool) {
	e, ok := envfile.Index(r.EnvFile.Entries, true)[key]
	return e, ok
}

// GoEnvValue returns the value $GOROOT/go.env gives key (its first line for
// key) and whether go.env sets it at all.
func GoEnvValue(r *resolve.Resolution, key string) (string, bool) {
	e, ok := envfile.Index(r.Goroot.Entries, false)[key]
	return e.Value, ok
}
