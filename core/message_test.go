package core

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

func TestTemplatesParse(t *testing.T) {
	check := func(what, text string) {
		if _, err := template.New(what).Parse(text); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	for _, code := range ProblemCodes() {
		tm, _ := ProblemTemplate(code)
		if tm.Message == "" || tm.Fix == "" {
			t.Errorf("problem %s: empty message or fix", code)
		}
		check(code+".message", tm.Message)
		check(code+".fix", tm.Fix)
	}
	for _, code := range SnippetCodes() {
		s, _ := SnippetTemplate(code)
		check("snippet "+code, s)
	}
	for _, code := range NoteCodes() {
		s, _ := NoteTemplate(code)
		check("note "+code, s)
	}
	for _, code := range TextCodes() {
		s, _ := TextTemplate(code)
		check("text "+code, s)
	}
}

// TestTemplatesUsed checks that every code with a template is still
// produced: it appears as a string literal in the packages that report it.
func TestTemplatesUsed(t *testing.T) {
	lits := literals(t, "validate", "diagnose", "resolve", "troubleshoot", "troubleshoot/verify", "troubleshoot/toolchains",
		"service", "profile", "private/pattern", "private/route", "mirrors", "mirrors/probe", "origin", "origin/fix", "origin/inspect", "origin/procs", "origin/diag")
	dynamic := map[string]bool{"gomodcache-relative": true, "gotmpdir-relative": true} // strings.ToLower(key)+"-relative"
	for _, code := range ProblemCodes() {
		if !lits[code] && !dynamic[code] {
			t.Errorf("problem code %q has a template but no producer", code)
		}
	}
	for _, code := range NoteCodes() {
		if !lits[code] {
			t.Errorf("note code %q has a template but no producer", code)
		}
	}
	for _, code := range SnippetCodes() {
		if !lits[code] && !strings.HasPrefix(code, "os-remove.") {
			t.Errorf("snippet %q has a template but no producer", code)
		}
	}
	for _, code := range TextCodes() {
		if !lits[code] {
			t.Errorf("text code %q has a template but no producer", code)
		}
	}
}

// literals returns the string literals of the non-test files of dirs.
func literals(t *testing.T, dirs ...string) map[string]bool {
	t.Helper()
	lits := map[string]bool{}
	fset := token.NewFileSet()
	for _, dir := range dirs {
		names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					lits[s] = true
				}
				return true
			})
		}
	}
	return lits
}

func TestNewProblem(t *testing.T) {
	p := NewProblem(SeverityWarning, "GOPROXY", "os-shadows-write",
		map[string]string{"OSValue": "off", "@Hint": "os-remove.unix"})
	if want := "Your OS environment sets GOPROXY=off, "; !strings.HasPrefix(p.Message, want) {
		t.Errorf("Message = %q, want it to start with %q", p.Message, want)
	}
	if want := "Remove the line that sets GOPROXY from your shell profile"; !strings.HasPrefix(p.Fix, want) {
		t.Errorf("Fix = %q, want it to start with %q", p.Fix, want)
	}
}

func TestNewProblemWithoutTemplate(t *testing.T) {
	p := Problem{Code: "no-such-code", Message: "kept"}
	p.Render()
	if p.Message != "kept" {
		t.Errorf("Render changed the message of a code without template to %q", p.Message)
	}
}

func TestSetNotePrior(t *testing.T) {
	var l Layer
	l.SetNote("empty-no-fallthrough", map[string]string{"@Prior": "file-duplicates", "Lines": "2", "Var": "GOPROXY"})
	want := "2 lines set GOPROXY; the last one counts; empty value: nothing falls through to go.env"
	if l.Note != want {
		t.Errorf("Note = %q, want %q", l.Note, want)
	}
}

func TestExecuteKeepsData(t *testing.T) {
	// Values are data, never templates.
	got := Execute("value {{.V}}", map[string]string{"V": "{{.X}}"})
	if got != "value {{.X}}" {
		t.Errorf("Execute = %q", got)
	}
}

func TestTemplated(t *testing.T) {
	p := NewProblem(SeverityError, "GOENV", "env-file-dir", map[string]string{"Path": "/x"})
	if !p.Templated() {
		t.Errorf("NewProblem(env-file-dir).Templated() = false, want true")
	}
	own := Problem{Severity: SeverityError, Var: "GOENV", Code: "env-file-dir", Message: "Its own words.", Fix: "Its own fix."}
	if own.Templated() {
		t.Errorf("Templated() = true for a problem with text of its own")
	}
	if (Problem{Code: "no-such-code"}).Templated() {
		t.Errorf("Templated() = true for a code without a template")
	}
}

func TestTextString(t *testing.T) {
	got := NewText("route.noproxy-match", map[string]string{"Pattern": "*.corp.example.test", "Follows": "true"}).String()
	if want := `Fetched directly from its origin: it matches GONOPROXY pattern "*.corp.example.test" (which follows GOPRIVATE). `; !strings.HasPrefix(got, want) {
		t.Errorf("String() = %q, want it to start with %q", got, want)
	}
	if err := CheckText(NewText("route.noproxy-match", map[string]string{"Pattern": "x"})); err != nil {
		t.Errorf("CheckText without the optional Follows: %v", err)
	}
	if err := CheckText(NewText("route.private", nil)); err == nil {
		t.Errorf("CheckText(route.private without Pattern) = nil, want an error")
	}
	if err := CheckText(NewText("no-such-text", nil)); err == nil {
		t.Errorf("CheckText(no-such-text) = nil, want an error")
	}
}
