package diagnose

import (
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

var runTests = []struct {
	name string
	s    setup
	want []string
}{
	{"clean", setup{}, nil},
	{"good file", setup{file: "# mine\nGOPROXY=https://mirror.example.test,direct\nGOPRIVATE=*.corp.example.test\n"}, nil},

	// Installation.
	{"no go", setup{noGo: true}, []string{"go-not-installed"}},
	{"missing GOROOT", setup{env: []string{"GOROOT=/nonexistent/goroot"}}, []string{"goroot-error"}},
	{"no go.env", setup{noGoEnv: true}, []string{"goenv-missing", "proxy-empty-value", "sumdb-empty-value"}},
	{"no go.env, values set", setup{noGoEnv: true, file: "GOPROXY=https://mirror.example.test\nGOSUMDB=sum.golang.google.cn\n"}, []string{"goenv-missing"}},

	// The env file itself.
	{"GOENV=off", setup{env: []string{"GOENV=off"}}, []string{"goenv-off"}},
	{"env file unreadable", setup{file: "GOPROXY=off\n", denied: true}, []string{"env-file-unreadable"}},
	{"env file is a directory", setup{fileDir: true}, []string{"env-file-dir"}},
	{"no config dir", setup{env: []string{"XDG_CONFIG_HOME=rel", "HOME="}}, []string{"no-env-file", "no-gopath"}},
	{"relative XDG_CONFIG_HOME", setup{env: []string{"XDG_CONFIG_HOME=rel"}}, []string{"no-env-file"}},
	{"relative GOENV", setup{env: []string{"GOENV=rel.env"}}, []string{"goenv-relative"}},

	// Layers.
	{"OS shadows file", setup{file: "GOPROXY=https://file.example.test\n", env: []string{"GOPROXY=https://os.example.test"}}, []string{"os-shadows-file"}},
	{"OS equals file", setup{file: "GOPROXY=https://os.example.test\n", env: []string{"GOPROXY=https://os.example.test"}}, nil},
	{"OS shadows go.env", setup{env: []string{"GOPROXY=https://os.example.test"}}, []string{"os-shadows-goenv"}},
	{"empty OS value", setup{file: "GOPROXY=https://file.example.test\n", env: []string{"GOPROXY="}}, []string{"os-empty-ignored"}},
	{"empty line hides go.env", setup{file: "GOPROXY=\n"}, []string{"empty-hides-goenv"}},
	{"empty GOSUMDB line", setup{file: "GOSUMDB=\n"}, []string{"empty-hides-goenv"}},
	{"empty GOTOOLCHAIN line", setup{file: "GOTOOLCHAIN=\n"}, []string{"empty-hides-goenv"}},
	{"empty GONOPROXY line", setup{file: "GOPRIVATE=a.example.test\nGONOPROXY=\n"}, []string{"empty-follows-goprivate"}},

	// Values in effect.
	{"GOPROXY=off", setup{file: "GOPROXY=off\n"}, []string{"proxy-off"}},
	{"GOPROXY=direct", setup{env: []string{"GOPROXY=direct"}}, []string{"os-shadows-goenv", "proxy-direct-only"}},
	{"bad GOPROXY", setup{file: "GOPROXY=localhost,direct\n"}, []string{"proxy-missing-scheme"}},
	{"GOSUMDB=off", setup{file: "GOSUMDB=off\n"}, []string{"sumdb-off"}},
	{"GOSUMDB OFF", setup{file: "GOSUMDB=OFF\n"}, []string{"sumdb-malformed"}},
	{"mod=vendor", setup{file: "GOFLAGS=-mod=vendor\n"}, []string{"goflags-mod-vendor"}},
	{"patterns", setup{file: "GOPRIVATE=a.example.test, B.example.test,[\n"}, []string{"pattern-malformed", "pattern-space", "pattern-uppercase"}},
	{"invalid GOTOOLCHAIN", setup{file: "GOTOOLCHAIN=bogus\n"}, []string{"toolchain-invalid"}},
	{"invalid GOTOOLCHAIN from OS", setup{env: []string{"GOTOOLCHAIN=bogus"}}, []string{"os-shadows-goenv", "toolchain-invalid"}},
	{"relative GOPATH element", setup{file: "GOPATH=/a:rel\n"}, []string{"gopath-element-relative"}},
	{"go.env says off", setup{goEnv: "GOPROXY=off\nGOSUMDB=sum.example.test\n"}, []string{"proxy-off"}},
	{"GONOSUMDB explicit", setup{file: "GOPRIVATE=a.example.test,b.example.test\nGONOSUMDB=a.example.test\n"}, []string{"no-longer-follows-goprivate"}},
	{"GONOPROXY none", setup{file: "GOPRIVATE=a.example.test\nGONOPROXY=none\n"}, []string{"no-longer-follows-goprivate"}},
	{"no HOME", setup{env: []string{"HOME=", "GOENV=/nonexistent/env"}}, []string{"no-gopath"}},
	{"relative GOMODCACHE from OS", setup{env: []string{"GOMODCACHE=cache"}}, []string{"gomodcache-relative"}},
	{"GOINSECURE proxy host", setup{file: "GOPROXY=http://proxy.corp.example.test,direct\nGOINSECURE=*.corp.example.test\n"}, []string{"goinsecure-proxy", "proxy-http"}},
	{"GOFLAGS not merged", setup{file: "GOFLAGS=-mod=mod\n", env: []string{"GOFLAGS=-modcacherw"}}, []string{"os-shadows-file"}},
	{"GOROOT pinned", setup{pinRoot: true}, []string{"goroot-pinned"}},
	{"GOROOT in file", setup{file: "GOROOT=/nonexistent/goroot\n"}, []string{"goroot-error"}},

	// Lines the go command skips or misreads.
	{"leading space", setup{file: " GOPROXY=https://x.example.test\n"}, []string{"leading-space"}},
	{"key with space", setup{file: "GOSUMDB =off\n"}, []string{"key-space"}},
	{"lowercase key", setup{file: "goprivate=a.example.test\n"}, []string{"lowercase-key"}},
	{"BOM", setup{file: "\xEF\xBB\xBFGOPROXY=https://x.example.test\n"}, []string{"env-file-bom"}},
	{"BOM before comment", setup{file: "\xEF\xBB\xBF# comment\nGOPROXY=off\n"}, []string{"proxy-off"}},
	{"export", setup{file: "export GOPROXY=https://x.example.test\n"}, []string{"export-prefix"}},
	{"missing =", setup{file: "GOPROXY https://x.example.test\n"}, []string{"missing-equals"}},
	{"quoted pattern", setup{file: "GOPRIVATE=\"a.example.test\"\n"}, []string{"pattern-bad-char", "quoted-value"}},
	{"quoted", setup{file: "GOPROXY=\"https://x.example.test\"\n"}, []string{"proxy-invalid-url", "quoted-value"}},
	{"inline comment", setup{file: "GOPRIVATE=a.example.test # work\n"}, []string{"inline-comment", "pattern-space"}},
	{"CRLF", setup{file: "GOSUMDB=off\r\nGOPRIVATE=a.example.test\r\n"}, []string{"env-file-crlf", "pattern-space", "sumdb-malformed"}},
	{"duplicates", setup{file: "GOPROXY=https://a.example.test\nGOPROXY=https://b.example.test\n"}, []string{"duplicate-key"}},
	{"ignored keys", setup{file: "NETRC=/x/.netrc\nHTTPS_PROXY=http://127.0.0.1:3128\nGOENV=/x\nGODEBUG=x=1\n"}, []string{"ignored-key", "ignored-key", "ignored-key", "ignored-key"}},
	{"computed keys", setup{file: "GOVERSION=go1.0\nGOTELEMETRY=on\nGOWORK=off\n"}, []string{"ignored-key", "ignored-key"}},
	{"lowercase proxy", setup{file: "https_proxy=http://127.0.0.1:3128\n"}, []string{"ignored-key"}},
	{"unknown key", setup{file: "GOPROXI=https://x.example.test\n"}, []string{"unknown-key-in-file"}},
	{"comments and blanks", setup{file: "# comment\n\n   \n#GOPROXY=x\n"}, nil},
}

func TestRun(t *testing.T) {
	for _, tt := range runTests {
		r := resolveSetup(t, tt.s)
		ps := Run(r)
		want := slices.Clone(tt.want)
		if want == nil {
			want = []string{}
		}
		slices.Sort(want)
		if got := codes(ps); !slices.Equal(got, want) {
			t.Errorf("%s: Run codes = %v, want %v\n%s", tt.name, got, want, dump(ps))
		}
		for _, p := range ps {
			if p.Severity == "" || p.Var == "" || p.Code == "" || p.Message == "" || p.Fix == "" {
				t.Errorf("%s: incomplete problem %+v", tt.name, p)
			}
			if err := core.CheckRendered(p); err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		}
		for _, s := range r.Settings {
			for _, l := range s.Chain {
				if err := core.CheckNote(l); err != nil {
					t.Errorf("%s: %s: %v", tt.name, s.Name, err)
				}
			}
		}
		if !sorted(ps) {
			t.Errorf("%s: Run not sorted:\n%s", tt.name, dump(ps))
		}
	}
}

func sorted(ps []core.Problem) bool {
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		if sa, sb := severityRank(a.Severity), severityRank(b.Severity); sa > sb || sa == sb && varRank(a.Var) > varRank(b.Var) {
			return false
		}
	}
	return true
}

func dump(ps []core.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + string(p.Severity) + " " + p.Var + " " + p.Code + ": " + p.Message + " Fix: " + p.Fix + "\n")
	}
	return b.String()
}

// TestRunLines checks that line findings point at the right line.
func TestRunLines(t *testing.T) {
	r := resolveSetup(t, setup{file: "# c\nGOPROXY=https://a.example.test\nGOSUMDB =off\nGOPROXY=https://b.example.test\n"})
	want := map[string]int{"duplicate-key": 2, "key-space": 3}
	for _, p := range Run(r) {
		if l, ok := want[p.Code]; ok {
			if p.Line != l || p.File != r.EnvFile.Path {
				t.Errorf("%s at %s:%d, want %s:%d", p.Code, p.File, p.Line, r.EnvFile.Path, l)
			}
			delete(want, p.Code)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing findings %v", want)
	}
}

// TestRunOrder checks errors come first, then variables in core.Vars order.
func TestRunOrder(t *testing.T) {
	r := resolveSetup(t, setup{file: "GOSUMDB=off\nGOPROXY=off\nGOTOOLCHAIN=bogus\n"})
	var got []string
	for _, p := range Run(r) {
		got = append(got, p.Code)
	}
	want := []string{"toolchain-invalid", "proxy-off", "sumdb-off"}
	if !slices.Equal(got, want) {
		t.Errorf("Run order = %v, want %v", got, want)
	}
}

// FuzzRun checks that Run never panics on any env file and that every
// finding is complete.
func FuzzRun(f *testing.F) {
	for _, tt := range runTests {
		f.Add(tt.s.file)
	}
	f.Fuzz(func(t *testing.T, file string) {
		r := resolveSetup(t, setup{file: file})
		for _, p := range Run(r) {
			if p.Severity == "" || p.Var == "" || p.Code == "" || p.Message == "" || p.Fix == "" {
				t.Errorf("Run(file %q): incomplete problem %+v", file, p)
			}
			if err := core.CheckRendered(p); err != nil {
				t.Errorf("Run(file %q): %v", file, err)
			}
		}
	})
}
