package core

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

// TestCatalogueParses checks that every entry of core's codes (see Keys)
// parses as a template in every language and prints the same arguments as
// English.
func TestCatalogueParses(t *testing.T) {
	keys := Keys()
	for _, key := range keys {
		if strings.HasPrefix(key, keyProblem) && catalogue().english[key] == "" {
			t.Errorf("%s: empty", key)
		}
		want := fields(t, "en", key)
		for _, tag := range catalogueTags() {
			if !catalogue().has(tag, key) {
				t.Errorf("%s has no entry in %s.json", key, tag)
				continue
			}
			if got := fields(t, tag, key); !slices.Equal(got, want) {
				t.Errorf("%s in %s.json prints %v, want %v as in en.json", key, tag, got, want)
			}
		}
	}
}

// fields parses the entry key of language tag and returns the arguments
// it prints, sorted and without duplicates.
func fields(t *testing.T, tag, key string) []string {
	t.Helper()
	tm, err := template.New(key).Parse(catalogue().byTag[tag][key])
	if err != nil {
		t.Errorf("%s in %s.json: %v", key, tag, err)
		return nil
	}
	return slices.Compact(slices.Sorted(slices.Values(fieldRe.FindAllString(tm.Root.String(), -1))))
}

var fieldRe = regexp.MustCompile(`\.[A-Z][A-Za-z0-9]*`)

// TestTemplatesUsed checks that every code with a template is still
// produced: it appears as a string literal in the packages that report it.
func TestTemplatesUsed(t *testing.T) {
	lits := literals(t, append(coreDirs(t), "../cmd/gomirrorctl", "../ui")...)
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
	for _, code := range codes(keyError, "") {
		if !lits[code] {
			t.Errorf("error code %q has a template but no producer", code)
		}
	}
}

// coreDirs returns the directories of core's packages, relative to core.
func coreDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if err == nil && d.IsDir() {
			dirs = append(dirs, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
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

func TestRenderKeepsData(t *testing.T) {
	// Values are data, never templates.
	p := NewProblem(SeverityError, "GOENV", "env-file-dir", map[string]string{"Path": "{{.X}}"})
	if !strings.Contains(p.Message, "{{.X}}") {
		t.Errorf("Message = %q, want the argument as it is", p.Message)
	}
}

func TestLangChinese(t *testing.T) {
	p := NewProblem(SeverityWarning, "GOPROXY", "os-shadows-write",
		map[string]string{"OSValue": "off", "@Hint": "os-remove.unix"})
	msg, fix := NewLang("zh-Hans").Problem(p)
	if !strings.Contains(msg, "GOPROXY=off") || msg == p.Message || fix == p.Fix || !strings.Contains(fix, "GOPROXY") {
		t.Errorf("Chinese = %q, %q; want a translation of %q, %q", msg, fix, p.Message, p.Fix)
	}
	if m, f := NewLang("zh-Hans").Problem(Problem{Code: "no-such-code", Message: "kept", Fix: "too"}); m != "kept" || f != "too" {
		t.Errorf("a code without entries lost its own text")
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

func TestErrorInChinese(t *testing.T) {
	inner := NewError("cred.not-found", nil, nil)
	err := fmt.Errorf("context: %w", NewError("cred.not-found-for", map[string]string{"Prefix": "git.example.test"}, inner))
	if got, want := English.Error(err), "context: no such credential for git.example.test"; got != want || err.Error() != want {
		t.Errorf("English = %q (Error %q), want %q", got, err.Error(), want)
	}
	if got, want := NewLang("zh-Hans").Error(err), "context: git.example.test：没有这个凭据"; got != want {
		t.Errorf("Chinese = %q, want %q", got, want)
	}
	if !errors.Is(err, inner) {
		t.Errorf("errors.Is does not see the wrapped error")
	}
	if err := CheckError(NewError("cred.index-damaged", map[string]string{"Path": "p", "Reason": "r"}, nil)); err != nil {
		t.Error(err)
	}
}
