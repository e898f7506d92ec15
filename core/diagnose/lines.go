package diagnose

import (
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

const bom = "\xEF\xBB\xBF"

// computedKeys are computed by the go command; a file line has no effect.
// (GOWORK is read-only for go env -w, but the go command does read it from
// the file.)
var computedKeys = []string{"GOVERSION", "GOMOD", "GOEXE", "GOHOSTOS", "GOHOSTARCH", "GOTOOLDIR", "GOGCCFLAGS"}

// ignoredInFile are keys the go command shows from the env file but never
// uses from there (spec §1.5, §3 GOTELEMETRY).
var ignoredInFile = append(append([]string{"GOENV", "GODEBUG", "GOTELEMETRY", "GOTELEMETRYDIR"}, computedKeys...), validate.OSOnlyNetworkKeys...)

// fileLines reports env file lines that are not settings but look meant to
// be, settings the go command ignores there, misread values and duplicates.
func fileLines(r *resolve.Resolution) []core.Problem {
	if r.EnvFile.State != resolve.FileOK {
		return nil
	}
	var ps []core.Problem
	crlf := 0
	for i, line := range strings.Split(string(r.EnvFile.Data), "\n") {
		n := i + 1
		if strings.HasSuffix(line, "\r") {
			if crlf == 0 {
				crlf = n
			}
			line = strings.TrimSuffix(line, "\r")
		}
		if p, ok := lineProblem(line, n); ok {
			ps = append(ps, atLine(r, p, n))
		}
	}
	if crlf > 0 {
		ps = append(ps, atLine(r, problem(core.SeverityWarning, "GOENV", "env-file-crlf", nil), crlf))
	}
	return append(ps, duplicates(r)...)
}

// lineProblem explains one line (without its \r).
func lineProblem(line string, n int) (core.Problem, bool) {
	if n == 1 && strings.HasPrefix(line, bom) {
		key, _, ok := strings.Cut(strings.TrimPrefix(line, bom), "=")
		if k := varOf(key); ok && k != "" { // a BOM before a comment does no harm
			return problem(core.SeverityWarning, k, "env-file-bom", args{"Line": strings.TrimPrefix(line, bom)}), true
		}
		return core.Problem{}, false
	}
	if line == "" || line[0] >= 'A' && line[0] <= 'Z' && strings.Contains(line, "=") {
		return settingLine(line)
	}
	return skippedLine(line)
}

// varOf returns the variable a malformed key was meant to be, or "".
func varOf(key string) string {
	k := strings.ToUpper(strings.TrimSpace(key))
	if validate.IsKnownKey(k) || contains(ignoredInFile, k) {
		return k
	}
	return ""
}

// settingLine checks a line the go command reads as KEY=VALUE.
func settingLine(line string) (core.Problem, bool) {
	key, value, ok := strings.Cut(line, "=")
	if !ok {
		return core.Problem{}, false
	}
	switch {
	case contains(ignoredInFile, key):
		return ignoredKey(key), true
	case key != strings.TrimSpace(key) && varOf(key) != "":
		k := varOf(key)
		return problem(core.SeverityWarning, k, "key-space", args{"Key": key, "Value": strings.TrimSpace(value)}), true
	case !validate.IsKnownKey(key):
		return unknownKey(key), true
	}
	return valueShape(key, value)
}

// ignoredKey reports a line for a key the go command ignores in the file.
func ignoredKey(key string) core.Problem {
	k := strings.ToUpper(key)
	kind := "os-only"
	switch {
	case k == "GOTELEMETRY" || k == "GOTELEMETRYDIR":
		kind = "telemetry"
	case contains(computedKeys, k):
		kind = "computed"
	}
	return problem(core.SeverityWarning, k, "ignored-key", args{"Key": key, "Kind": kind})
}

func unknownKey(key string) core.Problem {
	return problem(core.SeverityWarning, key, "unknown-key-in-file", args{"Suggestion": validate.SuggestKey(key)})
}

// valueShape flags values written as in a shell: quotes and # comments.
// Only managed variables are checked, and not GOFLAGS: the go command splits
// GOFLAGS, CC and the like with quoted.Split, so quotes mean something there.
func valueShape(key, value string) (core.Problem, bool) {
	if _, ok := core.LookupVar(key); !ok || key == "GOFLAGS" {
		return core.Problem{}, false
	}
	if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
		return problem(core.SeverityWarning, key, "quoted-value", args{"Value": value, "Suggestion": value[1 : len(value)-1]}), true
	}
	if i := strings.Index(value, " #"); i >= 0 {
		return problem(core.SeverityWarning, key, "inline-comment",
			args{"Comment": value[i:], "Suggestion": strings.TrimSpace(value[:i])}), true
	}
	return core.Problem{}, false
}

// skippedLine explains a non-blank line the go command skips.
func skippedLine(line string) (core.Problem, bool) {
	t := strings.TrimSpace(line)
	if t == "" || t[0] == '#' {
		return core.Problem{}, false
	}
	rest, export := strings.CutPrefix(t, "export ")
	key, value, hasEq := strings.Cut(strings.TrimSpace(rest), "=")
	if !hasEq {
		key, _, _ = strings.Cut(key, " ")
	}
	k := varOf(key)
	switch {
	case k == "":
		return core.Problem{}, false
	case !hasEq:
		return problem(core.SeverityWarning, k, "missing-equals", nil), true
	case contains(ignoredInFile, key):
		return ignoredKey(key), true
	}
	a := args{"Key": key, "Suggestion": k + "=" + value}
	switch {
	case export:
		return problem(core.SeverityWarning, k, "export-prefix", a), true
	case line != strings.TrimLeft(line, " \t"):
		return problem(core.SeverityWarning, k, "leading-space", a), true
	}
	return problem(core.SeverityWarning, k, "lowercase-key", a), true
}

// duplicates reports earlier lines for a key that a later line overrides.
func duplicates(r *resolve.Resolution) []core.Problem {
	last := map[string]int{}
	for _, e := range r.EnvFile.Entries {
		last[e.Key] = e.Line
	}
	var ps []core.Problem
	for _, e := range r.EnvFile.Entries {
		if l := last[e.Key]; l != e.Line {
			ps = append(ps, atLine(r, problem(core.SeverityWarning, e.Key, "duplicate-key",
				args{"Last": strconv.Itoa(l), "Value": validate.Redact(e.Value)}), e.Line))
		}
	}
	return ps
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
