package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/assets/translations"
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/resolve"
)

// translationFiles are the translations every key must exist in.
var translationFiles = []string{"en.json", "zh-Hans.json"}

// keyPattern matches the string literals in ui/*.go that are translation
// keys: lower-case words joined by dots, such as "edit.save".
var keyPattern = regexp.MustCompile(`^[a-z]+(\.[a-z][a-zA-Z0-9-]*)+$`)

// dynamicKeys are the keys built at run time from core's names.
func dynamicKeys() []string {
	var keys []string
	for _, v := range core.Vars {
		keys = append(keys, keyDoc+v.Name)
	}
	for _, s := range []core.Source{core.SourceProcessEnv, core.SourceEnvFile, core.SourceGorootEnv, core.SourceDefault, core.SourceDerived} {
		keys = append(keys, keySource+string(s))
	}
	for _, s := range []core.LayerState{core.StateWins, core.StateShadowed, core.StateUnset, core.StateIgnored} {
		keys = append(keys, keyState+string(s))
	}
	for _, s := range []resolve.FileState{resolve.FileOK, resolve.FileMissing, resolve.FileDirectory,
		resolve.FileUnreadable, resolve.FileOff, resolve.FileUnavailable} {
		keys = append(keys, keyFileState+string(s))
	}
	for _, s := range []string{history.SourceAssistant, history.SourceChainBuilder, history.SourceCLI, history.SourceFix,
		history.SourceHistory, history.SourceOverview, history.SourcePrivate, history.SourceTroubleshoot} {
		keys = append(keys, "history.source."+s)
	}
	return append(keys, core.Keys()...)
}

// literalKeys returns the translation keys written as literals in ui/*.go
// and in the core renderers the GUI calls.
func literalKeys(t *testing.T) map[string]string {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// core's renderers of names and entries that the GUI calls and
	// gomirrorctl shares: their keys are the GUI's too.
	names = append(names, "../core/profile/names.go", "../core/mirrors/catalogue.go", "../core/history/shown.go", "../core/network/describe.go")
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && keyPattern.MatchString(s) {
					keys[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
	}
	return keys
}

func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "assets", "translations", name))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func TestTranslationsHaveEveryKey(t *testing.T) {
	used := literalKeys(t)
	for _, k := range dynamicKeys() {
		used[k] = "built at run time"
	}
	for _, name := range translationFiles {
		tr := readTranslations(t, name)
		for k, where := range used {
			if strings.TrimSpace(tr[k]) == "" {
				t.Errorf("%s: missing key %q (used at %s)", name, k, where)
			}
		}
		for k := range tr {
			if _, ok := used[k]; !ok && !strings.HasPrefix(k, "cli.") { // cli.*: gomirrorctl's own words
				t.Errorf("%s: key %q is not used by ui", name, k)
			}
		}
	}
}

func TestTranslationsHaveSameKeys(t *testing.T) {
	base := readTranslations(t, translationFiles[0])
	for _, name := range translationFiles[1:] {
		tr := readTranslations(t, name)
		var missing, extra []string
		for k := range base {
			if _, ok := tr[k]; !ok {
				missing = append(missing, k)
			}
		}
		for k := range tr {
			if _, ok := base[k]; !ok {
				extra = append(extra, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		if len(missing)+len(extra) > 0 {
			t.Errorf("%s: missing %q, extra %q compared with %s", name, missing, extra, translationFiles[0])
		}
	}
}

func TestEnglishDocsMatchCore(t *testing.T) {
	en := readTranslations(t, "en.json")
	for _, v := range core.Vars {
		if en[keyDoc+v.Name] != v.Doc {
			t.Errorf("en.json %s%s differs from core.Vars' Doc; copy it from core/vars.go", keyDoc, v.Name)
		}
	}
}

// templateFields matches the arguments a template uses, such as .Var.
var templateFields = regexp.MustCompile(`\.[A-Z][A-Za-z]*`)

// fieldSet returns the arguments tmpl uses, sorted.
func fieldSet(tmpl string) []string {
	var fields []string
	for _, action := range regexp.MustCompile(`{{[^}]*}}`).FindAllString(tmpl, -1) {
		fields = append(fields, templateFields.FindAllString(action, -1)...)
	}
	slices.Sort(fields)
	return slices.Compact(fields)
}

// englishEntry returns the English template of a catalogue key.
func englishEntry(key string) string {
	data, err := translations.Read("en")
	if err != nil {
		panic(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		panic(err)
	}
	return m[key]
}
