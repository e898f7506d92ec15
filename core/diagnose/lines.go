package diagnose

import (
	"fmt"
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
		ps = append(ps, atLine(r, problem(core.SeverityWarning, "GOENV", "env-file-crlf",
			"The env file has Windows (CRLF) line endings: the go command keeps the \\r at the end of every value, so values such as GOSUMDB=off or GOPROXY URLs no longer mean what they say.",
			"Convert the file to LF line endings (e.g. dos2unix, or your editor's line-ending setting), or re-set each value with Go Mirror."), crlf))
	}
	return append(ps, duplicates(r)...)
}

// lineProblem explains one line (without its \r).
func lineProblem(line string, n int) (core.Problem, bool) {
	if n == 1 && strings.HasPrefix(line, bom) {
		key, _, ok := strings.Cut(strings.TrimPrefix(line, bom), "=")
		if k := varOf(key); ok && k != "" { // a BOM before a comment does no harm
			return problem(core.SeverityWarning, k, "env-file-bom",
				"The env file starts with a UTF-8 byte order mark, so the go command skips its first line ("+strings.TrimPrefix(line, bom)+") and "+k+" is not set here.",
				"Save the file as UTF-8 without a byte order mark, or set "+k+" again with Go Mirror and delete this line."), true
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
		return problem(core.SeverityWarning, k, "key-space",
			fmt.Sprintf("This line defines %q (with a space), not %s, so the go command ignores it for %s.", key, k, k),
			"Remove the space: "+k+"="+strings.TrimSpace(value)), true
	case !validate.IsKnownKey(key):
		return unknownKey(key), true
	}
	return valueShape(key, value)
}

func ignoredKey(key string) core.Problem {
	k := strings.ToUpper(key)
	msg := fmt.Sprintf("%s in the env file is ignored: the go command reads it from the OS environment only.", key)
	fix := "Delete this line; set " + k + " in your shell profile or system environment settings instead."
	switch {
	case k == "GOTELEMETRY" || k == "GOTELEMETRYDIR":
		msg = fmt.Sprintf("%s in the env file is ignored: telemetry is configured with go telemetry on|off|local.", key)
		fix = "Delete this line; run go telemetry off (or on, or local) instead."
	case contains(computedKeys, k):
		msg = fmt.Sprintf("%s in the env file is ignored: the go command computes it.", key)
		fix = "Delete this line."
	}
	return problem(core.SeverityWarning, k, "ignored-key", msg, fix)
}

func unknownKey(key string) core.Problem {
	fix := "Delete this line if you do not need it."
	if s := validate.SuggestKey(key); s != "" {
		fix = "Did you mean " + s + "? Rename the key on this line."
	}
	return problem(core.SeverityWarning, key, "unknown-key-in-file",
		fmt.Sprintf("%s is not a variable the go command knows; this line has no effect.", key), fix)
}

// valueShape flags values written as in a shell: quotes and # comments.
// Only managed variables are checked, and not GOFLAGS: the go command splits
// GOFLAGS, CC and the like with quoted.Split, so quotes mean something there.
func valueShape(key, value string) (core.Problem, bool) {
	if _, ok := core.LookupVar(key); !ok || key == "GOFLAGS" {
		return core.Problem{}, false
	}
	if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
		return problem(core.SeverityWarning, key, "quoted-value",
			fmt.Sprintf("The value of %s keeps its quotes: the env file has no quoting, so the go command uses %s literally.", key, value),
			"Remove the quotes: "+key+"="+value[1:len(value)-1]), true
	}
	if i := strings.Index(value, " #"); i >= 0 {
		return problem(core.SeverityWarning, key, "inline-comment",
			fmt.Sprintf("The value of %s includes %q: the env file has no inline comments, so it is part of the value.", key, value[i:]),
			"Move the comment to its own line starting with #: "+key+"="+strings.TrimSpace(value[:i])), true
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
		return problem(core.SeverityWarning, k, "missing-equals",
			fmt.Sprintf("This line has no '=', so the go command skips it and %s is not set here.", k),
			"Write it as "+k+"=VALUE."), true
	case contains(ignoredInFile, key):
		return ignoredKey(key), true
	}
	fixed := k + "=" + value
	switch {
	case export:
		return problem(core.SeverityWarning, k, "export-prefix",
			fmt.Sprintf("This line is written for a shell (export ...); the go command skips it, so %s is not set here.", k),
			"Change the line to "+fixed), true
	case line != strings.TrimLeft(line, " \t"):
		return problem(core.SeverityWarning, k, "leading-space",
			fmt.Sprintf("This line starts with a space, so the go command skips it and %s is not set here.", k),
			"Remove the leading space: "+fixed), true
	}
	return problem(core.SeverityWarning, k, "lowercase-key",
		fmt.Sprintf("The key %q is not upper case, so the go command skips this line and %s is not set here.", key, k),
		"Change the line to "+fixed), true
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
				fmt.Sprintf("%s is set again on line %d; only the last line counts, so this one (%s=%s) has no effect.", e.Key, l, e.Key, validate.Redact(e.Value)),
				"Delete this line, or move its value to line "+fmt.Sprint(l)+"."), e.Line))
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
