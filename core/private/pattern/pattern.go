// Package pattern analyses the module path pattern lists GOPRIVATE,
// GONOPROXY, GONOSUMDB and GOINSECURE as the go command reads them
// (module.MatchPrefixPatterns): each pattern's problems (reusing
// core/validate), patterns already covered by another, GONOPROXY or
// GONOSUMDB set explicitly so that they no longer follow GOPRIVATE, and the
// layer each list comes from.
package pattern

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Vars are the pattern-list settings, in display order.
var Vars = []string{"GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE"}

// Pattern is one entry of a list.
type Pattern struct {
	Text     string         `json:"text"` // as written: the go command does not trim
	Problems []core.Problem `json:"problems,omitempty"`
	// CoveredBy is another pattern of the list that already matches every
	// path this one matches, so this one can be removed.
	CoveredBy string `json:"covered_by,omitempty"`
}

// List is one analysed setting.
type List struct {
	Var    string      `json:"var"`
	Value  string      `json:"value"`
	Source core.Source `json:"source,omitempty"` // the layer the value comes from
	File   string      `json:"file,omitempty"`
	Line   int         `json:"line,omitempty"`
	// FollowsGOPRIVATE reports a GONOPROXY or GONOSUMDB that is unset in
	// every layer and so takes GOPRIVATE's value.
	FollowsGOPRIVATE bool      `json:"follows_goprivate,omitempty"`
	Patterns         []Pattern `json:"patterns"`
	// Problems are about the list as a whole (spaces around commas,
	// duplicates, an explicit GONOPROXY/GONOSUMDB).
	Problems []core.Problem `json:"problems,omitempty"`
}

// AllProblems returns the list's problems followed by its patterns'.
func (l List) AllProblems() []core.Problem {
	ps := append([]core.Problem(nil), l.Problems...)
	for _, p := range l.Patterns {
		ps = append(ps, p.Problems...)
	}
	return ps
}

// Analyze analyses the four lists as resolved in r.
func Analyze(r *resolve.Resolution) []List {
	var out []List
	for _, v := range Vars {
		s, _ := r.Get(v)
		w := s.Winner()
		l := analyze(r, v, s.Value, s.Source == core.SourceDerived)
		l.Source, l.File, l.Line = s.Source, w.File, w.Line
		out = append(out, l)
	}
	return out
}

// AnalyzeValue analyses value as a new value of key (one of Vars), as the
// GUI does while the user edits it. An empty GONOPROXY or GONOSUMDB follows
// GOPRIVATE.
func AnalyzeValue(r *resolve.Resolution, key, value string) List {
	follows := value == "" && (key == "GONOPROXY" || key == "GONOSUMDB")
	if follows {
		value = r.Value("GOPRIVATE")
	}
	return analyze(r, key, value, follows)
}

func analyze(r *resolve.Resolution, key, value string, follows bool) List {
	l := List{Var: key, Value: value, FollowsGOPRIVATE: follows, Patterns: []Pattern{}}
	for _, p := range Split(value) {
		l.Patterns = append(l.Patterns, Pattern{Text: p, Problems: patternProblems(r, key, p)})
	}
	for _, p := range validate.Value(r, key, value) {
		if p.Code == "pattern-space" || p.Code == "pattern-duplicate" {
			l.Problems = append(l.Problems, p)
		}
	}
	markCovered(key, l.Patterns)
	if !follows && (key == "GONOPROXY" || key == "GONOSUMDB") {
		l.Problems = append(l.Problems, explicitProblems(r, key, value)...)
	}
	return l
}

// Split returns the patterns of a list as the go command reads them: split
// at commas, not trimmed, empty ones dropped.
func Split(value string) []string {
	var out []string
	for _, p := range strings.Split(value, ",") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Join joins patterns into a list value.
func Join(patterns []string) string { return strings.Join(patterns, ",") }

// Match returns the first pattern of the list value that matches the module
// path, as module.MatchPrefixPatterns matches it.
func Match(value, modPath string) (string, bool) {
	for _, p := range Split(value) {
		if module.MatchPrefixPatterns(p, modPath) {
			return p, true
		}
	}
	return "", false
}

// norm is a pattern as MatchPrefixPatterns uses it: one trailing slash
// dropped.
func norm(p string) string { return strings.TrimSuffix(p, "/") }

// patternProblems returns validate's problems for p alone, and whether p
// can match a module path at all.
func patternProblems(r *resolve.Resolution, key, p string) []core.Problem {
	var ps []core.Problem
	for _, q := range validate.Value(r, key, p) {
		if q.Code != "pattern-duplicate" {
			ps = append(ps, q)
		}
	}
	if len(core.Errors(ps)) > 0 || strings.ContainsAny(p, " \t\r\n") {
		return ps
	}
	return append(ps, neverMatches(key, norm(p))...)
}

// neverMatches reports a pattern without wildcards that no module path can
// start with: module.CheckImportPath fails, or the first element has no
// dot, which every downloadable module path needs.
func neverMatches(key, p string) []core.Problem {
	if p == "none" && (key == "GONOPROXY" || key == "GONOSUMDB") {
		return []core.Problem{core.NewProblem(core.SeverityInfo, key, "pattern-none", nil)}
	}
	if strings.ContainsAny(p, `*?[\`) {
		return nil
	}
	args := map[string]string{"Pattern": p}
	if err := module.CheckImportPath(p); err != nil {
		args["Error"] = err.Error()
	} else if first, _, _ := strings.Cut(p, "/"); !strings.Contains(first, ".") {
		args["First"] = first
	} else {
		return nil
	}
	return []core.Problem{core.NewProblem(core.SeverityWarning, key, "pattern-never-matches", args)}
}

// markCovered sets CoveredBy, and a warning, on each pattern that another
// pattern already covers. Exact duplicates are reported by validate.
func markCovered(key string, ps []Pattern) {
	for j := range ps {
		for i := range ps {
			a, b := norm(strings.TrimSpace(ps[i].Text)), norm(strings.TrimSpace(ps[j].Text))
			if i == j || !Covers(a, b) || a == b && i > j {
				continue
			}
			ps[j].CoveredBy = ps[i].Text
			if a != b {
				ps[j].Problems = append(ps[j].Problems, core.NewProblem(core.SeverityWarning, key, "pattern-redundant",
					map[string]string{"Pattern": ps[j].Text, "CoveredBy": ps[i].Text}))
			}
			break
		}
	}
}

// Covers reports whether pattern a matches every module path pattern b
// matches: a has no more elements than b, and each of a's elements is
// b's, or "*", or a glob matching b's literal element.
func Covers(a, b string) bool {
	a, b = norm(a), norm(b)
	if a == "" || b == "" {
		return false
	}
	ea, eb := strings.Split(a, "/"), strings.Split(b, "/")
	if len(ea) > len(eb) {
		return false
	}
	for k, x := range ea {
		y := eb[k]
		if !elemCovers(x, y) {
			return false
		}
	}
	return true
}

// elemCovers reports whether the glob element x matches every string the
// glob element y matches.
func elemCovers(x, y string) bool {
	const meta = `*?[\`
	switch {
	case x == y || x == "*":
		return true
	case !strings.ContainsAny(y, meta):
		ok, err := path.Match(x, y)
		return err == nil && ok
	case strings.Contains(y, `\`):
		return false
	}
	// "*"+S covers any y ending in the literal S; P+"*" any y starting
	// with the literal P.
	if s, ok := strings.CutPrefix(x, "*"); ok && !strings.ContainsAny(s, meta) {
		return strings.HasSuffix(y, s) && !strings.ContainsAny(y[len(y)-len(s):], meta)
	}
	if p, ok := strings.CutSuffix(x, "*"); ok && !strings.ContainsAny(p, meta) {
		return strings.HasPrefix(y, p) && !strings.ContainsAny(y[:len(p)], meta)
	}
	return false
}

// explicitProblems reports a GONOPROXY or GONOSUMDB set explicitly that no
// longer covers every GOPRIVATE pattern.
func explicitProblems(r *resolve.Resolution, key, value string) []core.Problem {
	private := r.Value("GOPRIVATE")
	if private == "" {
		return nil
	}
	var missing []string
	for _, p := range Split(private) {
		if !coveredByAny(value, p) {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return []core.Problem{core.NewProblem(core.SeverityInfo, key, "pattern-explicit", nil)}
	}
	return []core.Problem{core.NewProblem(core.SeverityWarning, key, "pattern-explicit-missing", map[string]string{
		"Value": value, "Patterns": strings.Join(quoteAll(missing), ", "), "Missing": strings.Join(missing, ","),
	})}
}

func coveredByAny(list, p string) bool {
	for _, q := range Split(list) {
		if Covers(q, p) {
			return true
		}
	}
	return false
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
