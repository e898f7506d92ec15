package validate

import (
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// checkBytes refuses bytes that cannot be stored on one env file line.
func checkBytes(r *resolve.Resolution, key, value string) []core.Problem {
	switch {
	case !utf8.ValidString(value):
		return []core.Problem{errorp(key, "invalid-utf8", nil)}
	case strings.Contains(value, "\x00"):
		return []core.Problem{errorp(key, "invalid-nul", nil)}
	case strings.ContainsAny(value, "\v\r\n"):
		return []core.Problem{errorp(key, "invalid-newline", args{"Suggestion": oneLine(r, key, value)})}
	}
	return nil
}

// oneLine suggests value on one line: its lines joined as the key's list
// separator joins them (',' for lists, the OS's path list separator for
// GOPATH, a space for GOFLAGS), or else its first line. A line that looks
// like another KEY=VALUE (a pasted block) is never joined in. The
// suggestion is made only if Set accepts it; otherwise it is "".
func oneLine(r *resolve.Resolution, key, value string) string {
	parts := strings.FieldsFunc(value, isBreak)
	if len(parts) == 0 {
		return ""
	}
	var kept []string
	for _, p := range parts {
		if k, _, ok := strings.Cut(strings.TrimSpace(p), "="); ok && isKeyName(k) {
			break
		}
		kept = append(kept, strings.TrimSpace(p))
	}
	sep := " "
	switch {
	case contains(listKeys, key):
		sep = ","
	case key == "GOPATH":
		sep = listSeparator(r.GOOS)
	case key != "GOFLAGS":
		kept = kept[:min(len(kept), 1)]
	}
	s := strings.Join(kept, sep)
	if s == "" || len(core.Errors(Set(r, key, s))) > 0 {
		return ""
	}
	return s
}

// isKeyName reports whether s looks like a go env variable name.
func isKeyName(s string) bool {
	return s != "" && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == ""
}

// listKeys are the comma-separated list variables.
var listKeys = []string{"GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOVCS"}

func isBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\v' }

// checkWrite applies the value checks go env -w itself performs
// (checkEnvWrite and checkBuildConfig).
func checkWrite(r *resolve.Resolution, key, value string) []core.Problem {
	switch key {
	case "GO111MODULE":
		return checkGO111MODULE(value)
	case "GOPATH":
		return checkGOPATHWrite(r, value)
	case "GOMODCACHE", "GOTMPDIR":
		return checkAbsDir(r, key, value)
	case "CC", "CXX":
		return checkCompiler(r.GOOS, key, value)
	case "GOOS", "GOARCH":
		return checkGOOSARCH(r, key, value)
	case "GOEXPERIMENT":
		return checkGOEXPERIMENT(value)
	}
	return nil
}

func checkGO111MODULE(value string) []core.Problem {
	switch value {
	case "", "auto", "on", "off":
		return nil
	}
	a := args{"Value": value}
	if l := strings.ToLower(strings.TrimSpace(value)); l == "on" || l == "off" || l == "auto" {
		a["Suggestion"] = l
	}
	return []core.Problem{errorp("GO111MODULE", "go111module-invalid", a)}
}

// checkAbsDir refuses a relative GOMODCACHE or GOTMPDIR.
func checkAbsDir(r *resolve.Resolution, key, value string) []core.Problem {
	if value == "" || isAbs(r.GOOS, value) {
		return nil
	}
	return []core.Problem{errorp(key, strings.ToLower(key)+"-relative", args{"Value": value, "Example": absExample(r, value)})}
}

// checkCompiler mirrors checkEnvWrite for CC and CXX.
func checkCompiler(goos, key, value string) []core.Problem {
	if value == "" {
		return nil
	}
	words, err := splitQuoted(value)
	switch {
	case err != nil:
		return []core.Problem{errorp(key, "compiler-invalid", args{"Quote": err.quote()})}
	case len(words) == 0:
		return []core.Problem{errorp(key, "compiler-empty", nil)}
	case !isAbs(goos, words[0]) && strings.ContainsAny(words[0], separators(goos)):
		return []core.Problem{errorp(key, "compiler-relative", args{"Entry": words[0]})}
	}
	return nil
}

func checkGOOSARCH(r *resolve.Resolution, key, value string) []core.Problem {
	goos, goarch := current(r, "GOOS", r.GOOS), current(r, "GOARCH", runtime.GOARCH)
	if key == "GOOS" {
		goos = value
	} else {
		goarch = value
	}
	if value == "" || contains(validPlatforms, goos+"/"+goarch) {
		return nil
	}
	return []core.Problem{errorp(key, "goos-goarch-invalid", args{"GOOS": goos, "GOARCH": goarch})}
}

// current returns key's raw value: OS, then env file, then go.env, then def.
func current(r *resolve.Resolution, key, def string) string {
	if v := r.OSEnv(key); v != "" {
		return v
	}
	if e, ok := userEntry(r, key); ok && e.Value != "" {
		return e.Value
	}
	if v, ok := GoEnvValue(r, key); ok && v != "" {
		return v
	}
	return def
}

func checkGOEXPERIMENT(value string) []core.Problem {
	for f := range strings.SplitSeq(value, ",") {
		name := strings.TrimPrefix(f, "no")
		if f == "" || f == "none" || contains(experiments, name) {
			continue
		}
		return []core.Problem{errorp("GOEXPERIMENT", "goexperiment-unknown", args{"Name": f})}
	}
	return nil
}

// Empty reports what an empty env-file value for key means: for GOPROXY and
// GOSUMDB it hides go.env's default (or leaves none); for GOTOOLCHAIN it
// skips toolchain selection; GONOPROXY and GONOSUMDB keep following
// GOPRIVATE.
func Empty(r *resolve.Resolution, key string) []core.Problem {
	def, inGoEnv := GoEnvValue(r, key)
	switch key {
	case "GOPROXY", "GOSUMDB":
		if inGoEnv && def != "" {
			return []core.Problem{EmptyHidesGoEnv(key, def)}
		}
		return []core.Problem{emptyBreaks(key)}
	case "GOTOOLCHAIN":
		if inGoEnv && def != "" {
			p := EmptyHidesGoEnv(key, def)
			p.Severity = core.SeverityWarning
			return []core.Problem{p}
		}
	case "GONOPROXY", "GONOSUMDB":
		if gp := current(r, "GOPRIVATE", ""); gp != "" {
			return []core.Problem{warning(key, "empty-follows-goprivate", args{"GOPRIVATE": gp})}
		}
	}
	return nil
}

// EmptyHidesGoEnv is the problem of an empty env-file value for key hiding
// $GOROOT/go.env's value def.
func EmptyHidesGoEnv(key, def string) core.Problem {
	return errorp(key, "empty-hides-goenv", args{"Default": def})
}

// emptyBreaks reports an empty GOPROXY or GOSUMDB when go.env gives none.
func emptyBreaks(key string) core.Problem {
	if key == "GOSUMDB" {
		return errorp(key, "sumdb-empty-value", args{"Alias": chinaAlias})
	}
	return errorp(key, "proxy-empty-value", nil)
}

// checkUnsetLeavesEmpty warns when unsetting key leaves no value at all.
func checkUnsetLeavesEmpty(r *resolve.Resolution, key string) []core.Problem {
	switch key {
	case "GOPROXY", "GOSUMDB", "GOTOOLCHAIN":
	default:
		return nil
	}
	if v, ok := GoEnvValue(r, key); ok && v != "" || r.OSEnv(key) != "" {
		return nil
	}
	return []core.Problem{warning(key, "unset-leaves-empty", nil)}
}
