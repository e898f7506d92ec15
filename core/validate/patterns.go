package validate

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/gomirror/gomirror/core"
)

// checkPatterns checks a comma-separated list of module path patterns as
// module.MatchPrefixPatterns reads it (GOPRIVATE, GONOPROXY, GONOSUMDB,
// GOINSECURE): no trimming, a malformed glob silently never matches, and
// matching is case-sensitive.
func checkPatterns(key, value string) []core.Problem {
	var ps []core.Problem
	seen := map[string]bool{}
	spaced := false
	for _, p := range strings.Split(value, ",") {
		if p == "" {
			continue
		}
		if strings.ContainsAny(p, " \t\r\n\v\f") {
			spaced = true
		}
		if strings.TrimSpace(p) == "" {
			continue
		}
		norm := strings.TrimSuffix(strings.TrimSpace(p), "/")
		if seen[norm] {
			ps = append(ps, warning(key, "pattern-duplicate",
				fmt.Sprintf("%s lists the pattern %q more than once.", key, norm),
				"Remove the duplicate: "+key+"="+cleanPatternList(value)+"."))
			continue
		}
		seen[norm] = true
		ps = append(ps, checkPattern(key, strings.Fields(p)[0])...) // spaces: see below
	}
	if spaced {
		fix := "Remove the spaces: " + key + "=" + cleanPatternList(value) + "."
		if cleanPatternList(value) == "" {
			fix = "Unset " + key + "; it contains only spaces."
		}
		ps = append([]core.Problem{errorp(key, "pattern-space",
			fmt.Sprintf("%s has spaces in its list (around commas, or a \\r from Windows line endings); the go command does not trim them, so those patterns never match any module path.", key), fix)}, ps...)
	}
	return ps
}

// cleanPatternList trims each pattern (keeping its first word) and drops
// empty and repeated ones.
func cleanPatternList(value string) string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(value, ",") {
		if f := strings.Fields(p); len(f) > 0 {
			p = f[0]
		} else {
			p = ""
		}
		if norm := strings.TrimSuffix(p, "/"); norm != "" && !seen[norm] {
			seen[norm] = true
			out = append(out, p)
		}
	}
	return strings.Join(out, ",")
}

// checkPattern checks one pattern (spaces are reported by the caller).
func checkPattern(key, p string) []core.Problem {
	t := strings.TrimSpace(p)
	if i := strings.Index(t, "://"); i >= 0 {
		return []core.Problem{errorp(key, "pattern-scheme",
			fmt.Sprintf("%s pattern %q has a URL scheme; patterns match module paths, which never contain one, so it never matches.", key, t),
			"Did you mean "+strings.TrimSuffix(t[i+3:], "/")+"?")}
	}
	if strings.Contains(t, ":") {
		return []core.Problem{errorp(key, "pattern-colon",
			fmt.Sprintf("%s pattern %q contains ':'; module paths never contain one (no ports), so it never matches.", key, t),
			"Use the module path prefix without the port, e.g. "+stripPort(t)+".")}
	}
	if i := strings.IndexFunc(t, notInPattern); i >= 0 {
		return []core.Problem{errorp(key, "pattern-bad-char",
			fmt.Sprintf("%s pattern %q contains %q, which never appears in a module path, so the pattern never matches.", key, t, t[i:i+1]),
			"Did you mean "+strings.Map(dropNotInPattern, t)+"?")}
	}
	if _, err := path.Match(t, ""); err != nil {
		return []core.Problem{errorp(key, "pattern-malformed",
			fmt.Sprintf("%s pattern %q is not a valid glob (%v); the go command silently treats it as matching nothing.", key, t, err),
			"Close the [ ] bracket or escape it; a pattern is a module path prefix with * and ? wildcards, e.g. *.corp.example.test.")}
	}
	if l := strings.ToLower(t); l != t {
		return []core.Problem{warning(key, "pattern-uppercase",
			fmt.Sprintf("%s pattern %q has upper-case letters; matching is case-sensitive and module paths are almost always lower case, so it probably never matches.", key, t),
			"Did you mean "+l+"?")}
	}
	return nil
}

func stripPort(p string) string {
	host, rest, _ := strings.Cut(p, "/")
	host, _, _ = strings.Cut(host, ":")
	if rest == "" {
		return host
	}
	return host + "/" + rest
}

// notInPattern reports whether c can appear neither in a module or import
// path nor as glob syntax. Spaces are reported as pattern-space instead.
func notInPattern(c rune) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', unicode.IsSpace(c):
		return false
	}
	return !strings.ContainsRune("-._~/+*?[]^!\\", c)
}

func dropNotInPattern(c rune) rune {
	if notInPattern(c) {
		return -1
	}
	return c
}
