package envfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from Edit's output")

// goldenCase is one edit of testdata/<name>.in, expected to produce
// testdata/<name>.golden. args are go env's own arguments, so the
// differential test can run the real command with them.
type goldenCase struct {
	name string
	args []string // "-w", "K=V"... or "-u", "K"...
	once bool     // go refuses to run args a second time
}

var goldenCases = []goldenCase{
	{"comments", []string{"-w", "GOPROXY=https://new.example.test,direct"}, false},
	{"append", []string{"-w", "GOPROXY=https://mirror.example.test"}, false},
	{"order", []string{"-w", "GOPRIVATE=p.example.test"}, false},
	{"dupkeys", []string{"-w", "GOPRIVATE=q.example.test"}, false},
	{"dupjoin", []string{"-w", "GOINSECURE=y.example.test"}, false},
	{"crlf", []string{"-w", "GOPROXY=https://new.example.test"}, false},
	{"bom", []string{"-w", "GOPROXY=https://mirror.example.test"}, false},
	{"spaces", []string{"-w", "GOPROXY=https://mirror.example.test", "GOSUMDB=off"}, false},
	{"lowercase", []string{"-w", "GOPRIVATE=upper.example.test"}, false},
	{"nofinalnl", []string{"-w", "GOSUMDB=off"}, false},
	{"nofinalnl-comment", []string{"-w", "GOPROXY=https://new.example.test"}, false},
	{"unset", []string{"-u", "GOPROXY"}, false},
	{"unset-absent", []string{"-u", "GOPRIVATE"}, false},
	{"unset-dup", []string{"-u", "GOPROXY"}, false},
	{"unset-spaced", []string{"-u", "GOSUMDB "}, true}, // "unknown go command variable" once gone
	{"empty", []string{"-w", "GOPROXY=https://mirror.example.test"}, false},
	{"multi", []string{"-w", "GOPROXY=https://new.example.test", "GOSUMDB=off", "GOAUTH=none", "GOFLAGS="}, false},
	{"hash", []string{"-w", "GOPROXY=https://new.example.test", "GONOSUMDB=n.example.test"}, false},
	{"quotes", []string{"-w", "GOPRIVATE=b.example.test"}, false},
	{"values-with-eq", []string{"-w", "GOPROXY=https://new.example.test?a=b=c"}, false},
	{"blanklines", []string{"-u", "GOPROXY"}, false},
	{"only-newline", []string{"-w", "GOPROXY=off"}, false},
	{"go-keys", []string{"-w", "GOPROXY=direct", "GO=2"}, false},
}

// editArgs turns go env -w/-u arguments into Edit's set and unset.
func editArgs(t testing.TB, args []string) (set map[string]string, unset []string) {
	switch args[0] {
	case "-w":
		set = map[string]string{}
		for _, a := range args[1:] {
			k, v, _ := strings.Cut(a, "=")
			set[k] = v
		}
	case "-u":
		unset = args[1:]
	default:
		t.Fatalf("bad golden args %q", args)
	}
	return set, unset
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestEditGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			in := readTestdata(t, tc.name+".in")
			set, unset := editArgs(t, tc.args)
			got := Edit(in, set, unset)
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := readTestdata(t, tc.name+".golden"); !bytes.Equal(got, want) {
				t.Errorf("Edit(%q, %q) = %q, want %q", in, tc.args, got, want)
			}
		})
	}
}

// TestGoldenFilesListed makes sure no testdata/*.in escapes the table.
func TestGoldenFilesListed(t *testing.T) {
	listed := map[string]bool{}
	for _, tc := range goldenCases {
		listed[tc.name+".in"] = true
	}
	ins, err := filepath.Glob(filepath.Join("testdata", "*.in"))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		if !listed[filepath.Base(in)] {
			t.Errorf("%s has no entry in goldenCases", in)
		}
	}
}
