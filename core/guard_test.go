package core

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"testing"
)

// freeTextAllowed lists the fmt.Errorf and errors.New calls with a literal
// text that may stay outside the catalogue, by file (relative to the
// repository) and text; a file mapped to nil may have any. Everything else
// a person can read is a catalogue error (NewError), text or refusal.
var freeTextAllowed = map[string][]string{
	// The go command's own error texts, copied from cmd/go so that a route
	// explains exactly what the go command will print (in English).
	"core/private/route/check.go":     nil,
	"core/private/route/proxylist.go": nil,
	// Fakes that only tests run.
	"core/private/internal/modtest/modtest.go":     nil,
	"core/mirrors/internal/fakeproxy/fakeproxy.go": nil,
	// Catalogue checks that only tests call.
	"core/error.go":   nil,
	"core/text.go":    nil,
	"core/message.go": nil,
	// Sentinels that never reach a person: each is replaced or retried
	// before an error is returned.
	"core/origin/procs/judge.go":   {"the operating system returned an empty environment"}, // the procs.unknown snippet says it
	"core/profile/file.go":         {"position probe"},                                     // recovered inside the parser
	"core/private/goauth/value.go": {"unterminated %c string"},                             // falls back to fields
	"core/service/service.go":      {"the env file changed during the write"},              // retried, then a refusal
	"cmd/gomirrorctl/rcfix.go":     {"usage"},                                              // prints the usage
	// The GUI's wrappers around a text already in the user's language.
	"ui/origins.go":  {"%s: %w"},
	"ui/overview.go": {"%s: %w"},
	"ui/restart.go":  {"%s: %w"},
}

// TestNoFreeTextErrors fails on a new fmt.Errorf or errors.New with a
// literal text (or a sum of strings with one) in core, gomirrorctl or the GUI: such a text shows in
// English in the Chinese GUI and CLI. Make it a catalogue error (see
// NewError), or add it above if no person can ever read it.
func TestNoFreeTextErrors(t *testing.T) {
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, path := range sourceFiles(t) {
		rel := filepath.ToSlash(filepath.Join("core", path)) // relative to the repository
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		allowed, whole := freeTextAllowed[rel]
		ast.Inspect(f, func(n ast.Node) bool {
			ce, ok := n.(*ast.CallExpr)
			if !ok || len(ce.Args) == 0 || !isErrorCall(ce.Fun) {
				return true
			}
			text, ok := literalText(ce.Args[0])
			if !ok {
				return true
			}
			seen[rel] = true
			if whole && (allowed == nil || slices.Contains(allowed, text)) {
				return true
			}
			t.Errorf("%s: %q is an error in English only; make it a catalogue error (core.NewError) or, if no person reads it, add it to freeTextAllowed",
				fset.Position(ce.Pos()), text)
			return true
		})
	}
	for file := range freeTextAllowed {
		if !seen[file] {
			t.Errorf("freeTextAllowed lists %s, which has no such call any more; remove it", file)
		}
	}
}

// isErrorCall reports whether fun is fmt.Errorf or errors.New.
func isErrorCall(fun ast.Expr) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && (id.Name == "fmt" && sel.Sel.Name == "Errorf" || id.Name == "errors" && sel.Sel.Name == "New")
}

// literalText returns the first string literal of e, a literal or a sum
// of strings ("cannot start " + path), and whether there is one.
func literalText(e ast.Expr) (string, bool) {
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		if s, ok := literalText(b.X); ok {
			return s, true
		}
		return literalText(b.Y)
	}
	return stringLit(e)
}
