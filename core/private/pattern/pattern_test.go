package pattern

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

func resolution(env ...string) *resolve.Resolution {
	return resolve.Resolve(resolve.Input{Env: append([]string{"GOENV=off", "HOME=/nonexistent"}, env...)})
}

func codes(ps []core.Problem) []string {
	var cs []string
	for _, p := range ps {
		cs = append(cs, p.Code)
	}
	return cs
}

func TestAnalyzePatterns(t *testing.T) {
	r := resolution("GOPRIVATE=*.corp.example.test,git.corp.example.test/org,corp,Example.test, a.example.test,github.com/*/repo,github.com/org/repo/v2")
	l := Analyze(r)[0]
	if l.Var != "GOPRIVATE" || l.Source != core.SourceProcessEnv {
		t.Fatalf("list = %s from %s, want GOPRIVATE from the process environment", l.Var, l.Source)
	}
	want := []struct {
		text, coveredBy string
		codes           []string
	}{
		{"*.corp.example.test", "", nil},
		{"git.corp.example.test/org", "*.corp.example.test", []string{"pattern-redundant"}},
		{"corp", "", []string{"pattern-never-matches"}},
		{"Example.test", "", []string{"pattern-uppercase"}},
		{" a.example.test", "", []string{"pattern-space"}},
		{"github.com/*/repo", "", nil},
		{"github.com/org/repo/v2", "github.com/*/repo", []string{"pattern-redundant"}},
	}
	if len(l.Patterns) != len(want) {
		t.Fatalf("got %d patterns, want %d: %+v", len(l.Patterns), len(want), l.Patterns)
	}
	for i, w := range want {
		p := l.Patterns[i]
		if p.Text != w.text || p.CoveredBy != w.coveredBy || !slices.Equal(codes(p.Problems), w.codes) {
			t.Errorf("pattern %d = %q covered by %q, problems %v; want %q, %q, %v", i, p.Text, p.CoveredBy, codes(p.Problems), w.text, w.coveredBy, w.codes)
		}
	}
	if !slices.Contains(codes(l.Problems), "pattern-space") {
		t.Errorf("list problems %v lack pattern-space", codes(l.Problems))
	}
}

func TestExplicitOverride(t *testing.T) {
	r := resolution("GOPRIVATE=git.example.test,*.corp.example.test", "GONOPROXY=none", "GONOSUMDB=*.example.test")
	ls := Analyze(r)
	byVar := map[string]List{}
	for _, l := range ls {
		byVar[l.Var] = l
	}
	np := byVar["GONOPROXY"]
	if np.FollowsGOPRIVATE || !slices.Contains(codes(np.Problems), "pattern-explicit-missing") {
		t.Errorf("GONOPROXY=none: follows=%t problems %v; want an explicit-missing warning", np.FollowsGOPRIVATE, codes(np.Problems))
	}
	if msg := np.Problems[0].Message; !strings.Contains(msg, `"git.example.test"`) || !strings.Contains(msg, `"*.corp.example.test"`) {
		t.Errorf("message %q does not name the uncovered GOPRIVATE patterns", msg)
	}
	ns := byVar["GONOSUMDB"]
	if !slices.Equal(codes(ns.Problems), []string{"pattern-explicit"}) {
		t.Errorf("GONOSUMDB=*.example.test problems %v; want only the info that it still covers GOPRIVATE", codes(ns.Problems))
	}

	r = resolution("GOPRIVATE=git.example.test")
	for _, l := range Analyze(r)[1:3] {
		if !l.FollowsGOPRIVATE || l.Source != core.SourceDerived || l.Value != "git.example.test" {
			t.Errorf("%s = %q from %s, follows=%t; want GOPRIVATE's value, derived", l.Var, l.Value, l.Source, l.FollowsGOPRIVATE)
		}
	}
	if l := AnalyzeValue(r, "GONOPROXY", ""); !l.FollowsGOPRIVATE || l.Value != "git.example.test" {
		t.Errorf("AnalyzeValue(GONOPROXY, \"\") = %+v; want it to follow GOPRIVATE", l)
	}
}

var coverTests = []struct {
	a, b string
	want bool
}{
	{"example.test", "example.test/mod", true},
	{"example.test/", "example.test/mod", true},
	{"*.example.test", "git.example.test/org", true},
	{"*.example.test", "example.test", false},
	{"example.test/mod", "example.test", false},
	{"example.test/mod", "example.test/module", false},
	{"example.test/m*", "example.test/mod/x", true},
	{"*", "example.test", true},
	{"*", "*.example.test", true},
	{"git.*", "*.example.test", false},
	{"*.example.test", "*.corp.example.test", true},
	{"*.example.test", "*example.test", false},
	{"git.*", "git.corp.*", true},
	{"example.test", "example.test", true},
	{"[", "[", true},
}

func TestCovers(t *testing.T) {
	for _, tt := range coverTests {
		if got := Covers(tt.a, tt.b); got != tt.want {
			t.Errorf("Covers(%q, %q) = %t, want %t", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzCovers checks that when Covers(a, b), every path b matches, a
// matches too, so removing b changes nothing.
func FuzzCovers(f *testing.F) {
	for _, tt := range coverTests {
		f.Add(tt.a, tt.b, tt.b+"/x")
	}
	f.Fuzz(func(t *testing.T, a, b, path string) {
		if strings.Contains(a, ",") || strings.Contains(b, ",") || !Covers(a, b) {
			return
		}
		if module.MatchPrefixPatterns(b, path) && !module.MatchPrefixPatterns(a, path) {
			t.Fatalf("Covers(%q, %q), but %q matches only the second", a, b, path)
		}
	})
}

func TestSplitMatch(t *testing.T) {
	if got := Split("[,,example.test, b.test,"); !slices.Equal(got, []string{"[", "example.test", " b.test"}) {
		t.Errorf("Split = %q", got)
	}
	for _, tt := range []struct {
		list, path, want string
		ok               bool
	}{
		{"foo.test, github.com/org", "github.com/org/repo", "", false},
		{"[,example.com", "example.com/hello", "example.com", true},
		{"rsc.io/private", "rsc.io/privateer", "", false},
		{"rsc.io/priv*", "rsc.io/privateer", "rsc.io/priv*", true},
	} {
		if got, ok := Match(tt.list, tt.path); got != tt.want || ok != tt.ok {
			t.Errorf("Match(%q, %q) = %q, %t; want %q, %t", tt.list, tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

// TestProblemsAreTemplated checks that the list problems are their codes'
// templates, so that the GUI can translate them, and that the English is
// what the CLI printed before they were.
func TestProblemsAreTemplated(t *testing.T) {
	r := resolution("GOPRIVATE=git.example.test,corp,*.corp.example.test,a.corp.example.test,x..example.test", "GONOPROXY=none", "GONOSUMDB=*")
	var all []core.Problem
	for _, l := range Analyze(r) {
		all = append(all, l.Problems...)
		for _, p := range l.Patterns {
			all = append(all, p.Problems...)
		}
	}
	seen := map[string]bool{}
	for _, p := range all {
		seen[p.Code] = true
		if err := core.CheckRendered(p); err != nil {
			t.Errorf("problem %s is not templated: %v", p.Code, err)
		}
	}
	for _, code := range []string{"pattern-never-matches", "pattern-redundant", "pattern-explicit-missing", "pattern-explicit"} {
		if !seen[code] {
			t.Errorf("no %s among %v", code, codes(all))
		}
	}
	for _, tt := range []struct{ key, pattern, want string }{
		{"GOPRIVATE", "corp", `GOPRIVATE pattern "corp" can never match a module path: its first element "corp" has no dot, which every downloadable module path needs.`},
		{"GONOSUMDB", "none", `GONOSUMDB=none matches no module path; it only stops GONOSUMDB from following GOPRIVATE.`},
	} {
		if ps := neverMatches(tt.key, tt.pattern); len(ps) != 1 || ps[0].Message != tt.want {
			t.Errorf("neverMatches(%s, %q) = %+v, want the message %q", tt.key, tt.pattern, ps, tt.want)
		}
	}
	ps := explicitProblems(resolution("GOPRIVATE=a.example.test,b.example.test"), "GONOPROXY", "c.example.test")
	want := `GONOPROXY is set explicitly ("c.example.test"), so it no longer follows GOPRIVATE: modules matching GOPRIVATE pattern "a.example.test", "b.example.test" are still fetched through the proxies in GOPROXY, which learn their paths and cannot serve them.`
	if len(ps) != 1 || ps[0].Message != want || ps[0].Fix != "Add a.example.test,b.example.test to GONOPROXY, or unset GONOPROXY in every layer so that it follows GOPRIVATE again." {
		t.Errorf("explicitProblems = %+v, want the message %q", ps, want)
	}
}
