package validate

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

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
			ps = append(ps, warning(key, "pattern-duplicate", args{"Pattern": norm, "Suggestion": cleanPatternList(value)}))
			continue
		}
		seen[norm] = true
		ps = append(ps, checkPattern(key, strings.Fields(p)[0])...) // spaces: see below
	}
	if spaced {
		ps = append([]core.Problem{errorp(key, "pattern-space", args{"Suggestion": cleanPatternList(value)})}, ps...)
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
		return []core.Problem{errorp(key, "pattern-scheme", args{"Pattern": t, "Suggestion": strings.TrimSuffix(t[i+3:], "/")})}
	}
	if strings.Contains(t, ":") {
		return []core.Problem{errorp(key, "pattern-colon", args{"Pattern": t, "Suggestion": stripPort(t)})}
	}
	if i := strings.IndexFunc(t, notInPattern); i >= 0 {
		r, _ := utf8.DecodeRuneInString(t[i:])
		return []core.Problem{errorp(key, "pattern-bad-char",
			args{"Pattern": t, "Char": string(r), "Suggestion": strings.Map(dropNotInPattern, t)})}
	}
	if _, err := path.Match(t, ""); err != nil {
		return []core.Problem{errorp(key, "pattern-malformed", args{"Pattern": t, "Error": err.Error()})}
	}
	if l := strings.ToLower(t); l != t {
		return []core.Problem{warning(key, "pattern-uppercase", args{"Pattern": t, "Suggestion": l})}
	}
	if matchesEverything(t) {
		return []core.Problem{warning(key, "pattern-everything", args{"Pattern": t})}
	}
	return nil
}

// matchesEverything reports whether pattern matches every module path's
// first element, as module.MatchPrefixPatterns applies it: then the
// setting turns off the proxy, checksum checks or TLS checks for all
// modules, not only private ones.
func matchesEverything(pattern string) bool {
	first, _, _ := strings.Cut(strings.TrimSuffix(pattern, "/"), "/")
	for _, host := range []string{"github.com", "golang.org", "example.test", "x"} {
		if ok, _ := path.Match(first, host); !ok {
			return false
		}
	}
	return true
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
