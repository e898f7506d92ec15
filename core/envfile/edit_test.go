package envfile

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var lineKeyTests = []struct {
	line, want string
}{
	{"GOPROXY=x\n", "GOPROXY"},
	{"GOPROXY=\n", "GOPROXY"},
	{"GOFLAGS=-a=b\n", "GOFLAGS"},
	{" GOPROXY=x\n", " GOPROXY"},
	{"GOSUMDB =off\n", "GOSUMDB "},
	{"goprivate=x\n", "goprivate"},
	{"\ufeffGOPROXY=x\n", "\ufeffGOPROXY"},
	{"=x\n", ""},
	{"# GOPROXY=x\n", ""},
	{"A#B=x\n", ""},
	{"GOPROXY=x # comment\n", "GOPROXY"},
	{"GOPROXY\n", ""},
	{"\n", ""},
	{"", ""},
}

func TestLineKey(t *testing.T) {
	for _, tt := range lineKeyTests {
		if got := LineKey(tt.line); got != tt.want {
			t.Errorf("LineKey(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

var editTests = []struct {
	in    string
	set   map[string]string
	unset []string
	want  string
}{
	{"", nil, nil, ""},
	{"", map[string]string{"GOPROXY": "off"}, nil, "GOPROXY=off\n"},
	{"", nil, []string{"GOPROXY"}, ""},
	{"X=1", nil, nil, "X=1\n"},
	{"B=1\nA=2\n", nil, nil, "A=2\nB=1\n"},
	{"B=1\n\nA=2\n", map[string]string{"C": "3"}, nil, "B=1\n\nA=2\nC=3\n"},
	{"A=1\nB=2\nA=3\n", nil, nil, "A=3\nB=2\n"},
	{"A=1\nB=2\nA=3\n", map[string]string{"A": "4"}, nil, "A=4\nB=2\n"},
	// The removed duplicate ends a run, so this is not fully sorted...
	{"B=1\nA=2\nC=3\nA=4\n", nil, nil, "B=1\nA=4\nC=3\n"},
	// ...until the next edit.
	{"B=1\nA=4\nC=3\n", nil, nil, "A=4\nB=1\nC=3\n"},
	{"C=1\nB=2\nA=3\n", nil, []string{"B"}, "C=1\nA=3\n"},
	{"A=1\r\nB=2\r\n", map[string]string{"A": "x"}, nil, "A=x\nB=2\r\n"},
	{"GO386=a\nGO=b\n", nil, nil, "GO=b\nGO386=a\n"},
	{"# c\nZ=1\n", map[string]string{"B": "2", "A": "1"}, nil, "# c\nA=1\nB=2\nZ=1\n"},
	{"A=1\n", map[string]string{"A": "2"}, []string{"A"}, ""},
	{"", map[string]string{"A": "2"}, []string{"A"}, "A=2\n"},
}

func TestEdit(t *testing.T) {
	for _, tt := range editTests {
		got := string(Edit([]byte(tt.in), tt.set, tt.unset))
		if got != tt.want {
			t.Errorf("Edit(%q, %v, %q) = %q, want %q", tt.in, tt.set, tt.unset, got, tt.want)
		}
	}
}

// TestEditDoesNotModifyInput checks that Edit leaves data and set alone.
func TestEditDoesNotModifyInput(t *testing.T) {
	in := []byte("B=1\nA=2\nB=3\n")
	set := map[string]string{"C": "4"}
	Edit(in, set, []string{"A"})
	if string(in) != "B=1\nA=2\nB=3\n" || len(set) != 1 {
		t.Errorf("Edit modified its input: data %q, set %v", in, set)
	}
}

func FuzzEdit(f *testing.F) {
	ins, _ := filepath.Glob(filepath.Join("testdata", "*.in"))
	for _, in := range ins {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "GOPROXY=https://mirror.example.test,GOSUMDB=off", "GOPRIVATE")
		f.Add(data, "", "GOPROXY,GOFLAGS")
	}
	f.Fuzz(func(t *testing.T, data []byte, setSpec, unsetSpec string) {
		set, unset := fuzzOps(setSpec, unsetSpec)
		out := Edit(data, set, unset)
		checkEdit(t, data, set, unset, out)
	})
}

// fuzzOps turns "K=V,K=V" and "K,K" into valid, disjoint set and unset
// arguments, dropping what go env -w/-u would refuse.
func fuzzOps(setSpec, unsetSpec string) (map[string]string, []string) {
	set := map[string]string{}
	for _, kv := range strings.Split(setSpec, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if ok && validKey(k) && !strings.ContainsAny(v, "\r\n\v") {
			set[k] = v
		}
	}
	var unset []string
	for _, k := range strings.Split(unsetSpec, ",") {
		if _, ok := set[k]; validKey(k) && !ok {
			unset = append(unset, k)
		}
	}
	return set, unset
}

// validKey reports whether k looks like a go command variable name.
func validKey(k string) bool {
	if k == "" || k[0] < 'A' || k[0] > 'Z' {
		return false
	}
	for _, c := range []byte(k) {
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// checkEdit checks the properties every Edit result must have.
func checkEdit(t *testing.T, in []byte, set map[string]string, unset []string, out []byte) {
	t.Helper()
	if len(out) > 0 && out[len(out)-1] != '\n' {
		t.Errorf("Edit(%q) = %q, which lacks a final newline", in, out)
	}
	checkValues(t, in, set, unset, out)
	checkLines(t, in, out)
	again := Edit(out, set, unset)
	if third := Edit(again, set, unset); !bytes.Equal(third, again) {
		t.Errorf("Edit applied three times to %q = %q, twice %q", in, third, again)
	}
	if !removesLines(in, unset) && !bytes.Equal(again, out) {
		t.Errorf("Edit(%q) = %q, but applied twice = %q", in, out, again)
	}
}

// checkValues checks that the go command reads the set values, does not see
// the unset keys, and reads every other key as before.
func checkValues(t *testing.T, in []byte, set map[string]string, unset []string, out []byte) {
	t.Helper()
	before, after := Index(Parse(in), true), Index(Parse(out), true)
	for k, v := range set {
		if e, ok := after[k]; !ok || e.Value != v {
			t.Errorf("Edit(%q) = %q, where %s is %q, want %q", in, out, k, e.Value, v)
		}
	}
	for _, k := range unset {
		if e, ok := after[k]; ok {
			t.Errorf("Edit(%q) = %q, which still sets unset %s=%q", in, out, k, e.Value)
		}
		delete(before, k)
	}
	for k := range set {
		delete(before, k)
		delete(after, k)
	}
	if !maps.EqualFunc(before, after, func(a, b Entry) bool { return a.Value == b.Value }) {
		t.Errorf("Edit(%q) = %q, which changed untouched keys", in, out)
	}
}

// checkLines checks that the lines without a writer key keep their order
// and that no writer key is left twice.
func checkLines(t *testing.T, in, out []byte) {
	t.Helper()
	other := func(lines []string) []string {
		return slices.DeleteFunc(lines, func(l string) bool { return LineKey(l) != "" })
	}
	if a, b := other(splitLines(string(in))), other(splitLines(string(out))); !slices.Equal(a, b) {
		t.Errorf("Edit(%q) = %q, whose other lines %q differ from %q", in, out, b, a)
	}
	seen := map[string]bool{}
	for _, l := range splitLines(string(out)) {
		if k := LineKey(l); k != "" && seen[k] {
			t.Errorf("Edit(%q) = %q, which has key %q twice", in, out, k)
		} else {
			seen[k] = true
		}
	}
}

// removesLines reports whether an edit of in removes a line: a duplicate
// key, or an unset key the file has. Only then can a second edit differ.
func removesLines(in []byte, unset []string) bool {
	seen := map[string]bool{}
	for _, l := range splitLines(string(in)) {
		if k := LineKey(l); k != "" {
			if seen[k] {
				return true
			}
			seen[k] = true
		}
	}
	return slices.ContainsFunc(unset, func(k string) bool { return seen[k] })
}
