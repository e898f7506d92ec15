package core

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sourceDirs are the trees whose errors and texts reach a person: core,
// gomirrorctl and the GUI, relative to this package.
var sourceDirs = []string{".", "../cmd", "../ui"}

// call is one NewError or NewText call of the sources with a literal code:
// where it is, the code, the argument names when they are a literal map
// (nil for nil), and whether it wraps an error.
type call struct {
	pos     string
	fn      string // "NewError" or "NewText"
	code    string
	args    []string
	dynamic bool // the arguments are not a literal map
	wraps   bool
}

// TestCatalogueCalls is the table of every catalogue error and text the
// sources make (found by parsing them, so it cannot fall behind): each
// renders in every language with the arguments its call gives, prints
// none it lacks, and reads differently in Chinese than in English.
func TestCatalogueCalls(t *testing.T) {
	calls := catalogueCalls(t)
	if len(calls) < 150 {
		t.Fatalf("found %d NewError/NewText calls; the parser misses some", len(calls))
	}
	t.Logf("%d NewError/NewText calls", len(calls))
	zh := NewLang("zh-Hans")
	for _, c := range calls {
		if c.dynamic {
			continue // TestDynamicCalls checks these
		}
		args := map[string]string{}
		for _, a := range c.args {
			args[a] = "x"
		}
		var inner error
		if c.wraps {
			inner = errors.New("inner")
		}
		switch c.fn {
		case "NewError":
			e := NewError(c.code, args, inner)
			if err := CheckError(e); err != nil {
				t.Errorf("%s: %v", c.pos, err)
			} else if zh.Error(e) == e.Error() {
				t.Errorf("%s: error %s reads the same in Chinese: %q", c.pos, c.code, e.Error())
			}
		case "NewText":
			tx := NewText(c.code, args)
			if err := CheckText(tx); err != nil {
				t.Errorf("%s: %v", c.pos, err)
			} else if zh.Text(tx, "") == tx.String() {
				t.Errorf("%s: text %s reads the same in Chinese: %q", c.pos, c.code, tx.String())
			}
		}
	}
}

// TestDynamicCalls checks the calls whose arguments are built in a
// variable, with the arguments each can have.
func TestDynamicCalls(t *testing.T) {
	known := map[string][]map[string]string{
		"cred.prefix": {
			{"Prefix": "p", "Case": "empty"}, {"Prefix": "p", "Case": "scheme", "Scheme": "http"}, {"Prefix": "p", "Case": "invalid"},
			{"Prefix": "p", "Case": "user"}, {"Prefix": "p", "Case": "query"}, {"Prefix": "p", "Case": "no-host"},
			{"Prefix": "p", "Case": "empty-element"},
		},
		"shell.timeout": {{"Path": "/bin/zsh", "Timeout": "5s", "Try": "/bin/zsh -l -i -c exit", "Stderr": "e"}, {"Path": "/bin/zsh", "Timeout": "5s", "Try": "/bin/zsh -l -i -c exit", "Stderr": ""}},
		"verify.status": {{"URL": "https://sum.example.test", "Status": "404 Not Found"}},
	}
	for _, c := range catalogueCalls(t) {
		if !c.dynamic || c.fn != "NewError" {
			continue
		}
		cases, ok := known[c.code]
		if !ok {
			t.Errorf("%s: %s(%q) takes its arguments from a variable; add its cases to TestDynamicCalls", c.pos, c.fn, c.code)
			continue
		}
		for _, args := range cases {
			if err := CheckError(NewError(c.code, args, errors.New("inner"))); err != nil {
				t.Errorf("%s %v: %v", c.code, args, err)
			}
		}
	}
}

// catalogueCalls parses the non-test sources for core.NewError and
// core.NewText calls (NewError and NewText inside package core) whose
// code is a string literal.
func catalogueCalls(t *testing.T) []call {
	t.Helper()
	var out []call
	fset := token.NewFileSet()
	for _, path := range sourceFiles(t) {
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ce, ok := n.(*ast.CallExpr)
			if !ok || len(ce.Args) < 2 {
				return true
			}
			fn := funcName(ce.Fun, f.Name.Name == "core")
			if fn != "NewError" && fn != "NewText" {
				return true
			}
			code, ok := stringLit(ce.Args[0])
			if !ok {
				return true
			}
			c := call{pos: fset.Position(ce.Pos()).String(), fn: fn, code: code}
			c.args, c.dynamic = mapKeys(ce.Args[1])
			if fn == "NewError" && len(ce.Args) == 3 {
				c.wraps = !isNil(ce.Args[2])
			}
			out = append(out, c)
			return true
		})
	}
	return out
}

// sourceFiles returns the non-test Go files of sourceDirs, outside
// testdata.
func sourceFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range sourceDirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir() && d.Name() == "testdata":
				return filepath.SkipDir
			case !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(files)
	return files
}

// funcName returns the name of a call's function when it is core.X (or X
// inside package core), else "".
func funcName(fun ast.Expr, inCore bool) string {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok && id.Name == "core" {
			return f.Sel.Name
		}
	case *ast.Ident:
		if inCore {
			return f.Name
		}
	}
	return ""
}

// stringLit returns the value of a string literal.
func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// mapKeys returns the keys of a map[string]string literal (none for nil),
// or dynamic for anything else.
func mapKeys(e ast.Expr) (keys []string, dynamic bool) {
	if isNil(e) {
		return nil, false
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, true
	}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, true
		}
		k, ok := stringLit(kv.Key)
		if !ok {
			return nil, true
		}
		keys = append(keys, k)
	}
	return keys, false
}

func isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}
