package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

var setTests = []struct {
	s          setup
	key, value string
	want       []string
}{
	// Keys go env -w itself refuses.
	{setup{}, "GOVERSION", "go1", []string{"read-only"}},
	{setup{}, "GOTELEMETRY", "on", []string{"read-only"}},
	{setup{}, "GOMOD", "/x/go.mod", []string{"read-only"}},
	{setup{}, "GOENV", "/x", []string{"os-only"}},
	{setup{}, "GODEBUG", "x=1", []string{"os-only"}},
	{setup{}, "goproxy", "https://p.example.test", []string{"unknown-key"}},
	{setup{}, "GOPROXI", "https://p.example.test", []string{"unknown-key"}},
	{setup{}, "", "x", []string{"unknown-key"}},
	{setup{}, "HTTPS_PROXY", "http://127.0.0.1:3128", []string{"network-key"}},
	{setup{}, "NETRC", "/x/.netrc", []string{"network-key"}},
	{setup{file: "MYVAR=1\n"}, "MYVAR", "2", nil},
	{setup{goEnv: testGoEnv + "GOFROMGOENV=1\n"}, "GOFROMGOENV", "2", nil},
	{setup{}, "CGO_ENABLED", "0", nil},

	// Bytes go env -w refuses.
	{setup{}, "GOPRIVATE", "a.example.test\n", []string{"invalid-newline"}},
	{setup{}, "GOPRIVATE", "a\rb", []string{"invalid-newline"}},
	{setup{}, "GOPRIVATE", "a\vb", []string{"invalid-newline"}},
	{setup{}, "GOPRIVATE", "a\x00b", []string{"invalid-nul"}},
	{setup{}, "GOPRIVATE", "a\xffb", []string{"invalid-utf8"}},

	// Values go env -w refuses.
	{setup{}, "GO111MODULE", "ON", []string{"go111module-invalid"}},
	{setup{}, "GO111MODULE", "on", nil},
	{setup{}, "GO111MODULE", "", nil},
	{setup{}, "GOPATH", "~/go", []string{"gopath-tilde"}},
	{setup{}, "GOPATH", "go", []string{"gopath-relative"}},
	{setup{}, "GOPATH", "/a:rel", []string{"gopath-element-relative"}},
	{setup{}, "GOPATH", "/a:~/b", []string{"gopath-tilde"}},
	{setup{}, "GOPATH", "/a::/b", nil},
	{setup{}, "GOPATH", "", nil},
	{setup{}, "GOMODCACHE", "cache", []string{"gomodcache-relative"}},
	{setup{}, "GOMODCACHE", "/cache", nil},
	{setup{}, "GOTMPDIR", "tmp", []string{"gotmpdir-relative"}},
	{setup{}, "CC", "bin/gcc", []string{"compiler-relative"}},
	{setup{}, "CC", "gcc -O2", nil},
	{setup{}, "CXX", "/usr/bin/g++", nil},
	{setup{}, "CC", "'gcc", []string{"compiler-invalid"}},
	{setup{}, "CC", "  ", []string{"compiler-empty"}},
	{setup{}, "GOOS", "bogus", []string{"goos-goarch-invalid"}},
	{setup{env: []string{"GOARCH=wasm"}}, "GOOS", "js", nil},
	{setup{env: []string{"GOARCH=amd64"}}, "GOOS", "js", []string{"goos-goarch-invalid"}},
	{setup{env: []string{"GOOS=linux"}}, "GOARCH", "arm64", nil},
	{setup{}, "GOEXPERIMENT", "bogus", []string{"goexperiment-unknown"}},
	{setup{}, "GOEXPERIMENT", "jsonv2,nogreenteagc", nil},

	// GOTOOLCHAIN: accepted by go env -w, fatal afterwards.
	{setup{}, "GOTOOLCHAIN", "local", nil},
	{setup{}, "GOTOOLCHAIN", "auto", nil},
	{setup{}, "GOTOOLCHAIN", "path", nil},
	{setup{}, "GOTOOLCHAIN", "go1.26.0", nil},
	{setup{}, "GOTOOLCHAIN", "go1.26.0+auto", nil},
	{setup{}, "GOTOOLCHAIN", "go1.26rc1+path", nil},
	{setup{}, "GOTOOLCHAIN", "go1.26.0-bigcorp", nil},
	{setup{}, "GOTOOLCHAIN", "local+auto", nil},
	{setup{}, "GOTOOLCHAIN", "bogus", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "default", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "1.26.0", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "go1.26.0+bogus", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "Auto", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "go1.26/x", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "go2.0", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "go1.26.8 x", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "auto ", []string{"toolchain-invalid"}},
	{setup{}, "GOTOOLCHAIN", "go1.26", []string{"toolchain-language-version"}},
	{setup{}, "GOTOOLCHAIN", "go1.20.1", []string{"toolchain-not-downloadable"}},
	{setup{}, "GOTOOLCHAIN", "", []string{"empty-hides-goenv"}},
	{setup{noGoEnv: true}, "GOTOOLCHAIN", "", nil},

	// GOPROXY, parsed as proxyList does.
	{setup{}, "GOPROXY", "https://proxy.example.test,direct", nil},
	{setup{}, "GOPROXY", "https://a.example.test|https://b.example.test,off", nil},
	{setup{}, "GOPROXY", "proxy.example.test", nil},
	{setup{}, "GOPROXY", "host.example.test:8443/x", nil},
	{setup{}, "GOPROXY", "file:///srv/proxy", nil},
	{setup{}, "GOPROXY", "https://proxy.example.test/ , direct", nil},
	{setup{}, "GOPROXY", "localhost", []string{"proxy-missing-scheme"}},
	{setup{}, "GOPROXY", "DIRECT", []string{"proxy-missing-scheme"}},
	{setup{}, "GOPROXY", "noproxy,direct", []string{"proxy-missing-scheme"}},
	{setup{}, "GOPROXY", "/srv/proxy", []string{"proxy-missing-scheme"}},
	{setup{}, "GOPROXY", "ftp://proxy.example.test", []string{"proxy-bad-scheme"}},
	{setup{}, "GOPROXY", "socks5://127.0.0.1:1080", []string{"proxy-bad-scheme"}},
	{setup{}, "GOPROXY", "file://srv/proxy", []string{"proxy-file-host"}},
	{setup{}, "GOPROXY", "https://[::1", []string{"proxy-invalid-url"}},
	{setup{}, "GOPROXY", " ", []string{"proxy-empty-list"}},
	{setup{}, "GOPROXY", ",", []string{"proxy-empty-list"}},
	{setup{}, "GOPROXY", ",|,", []string{"proxy-empty-list"}},
	{setup{}, "GOPROXY", "", []string{"empty-hides-goenv"}},
	{setup{noGoEnv: true}, "GOPROXY", "", []string{"proxy-empty-value"}},
	{setup{}, "GOPROXY", "direct,::bad", []string{"proxy-direct-only", "proxy-unreachable-entry"}},
	{setup{}, "GOPROXY", "direct", []string{"proxy-direct-only"}},
	{setup{}, "GOPROXY", "off", []string{"proxy-off"}},
	{setup{}, "GOPROXY", "https://a.example.test,localhost,direct", []string{"proxy-missing-scheme"}},
	{setup{}, "GOPROXY", "http://u:p@proxy.example.test", []string{"proxy-credentials-http"}},
	{setup{}, "GOPROXY", "https://u:p@proxy.example.test,direct", []string{"proxy-credentials"}},
	{setup{}, "GOPROXY", "http://proxy.example.test", []string{"proxy-http"}},
	{setup{}, "GOPROXY", "https://", []string{"proxy-no-host"}},
	{setup{}, "GOPROXY", "https:///nohost", []string{"proxy-no-host"}},
	{setup{}, "GOPROXY", "https://:8443,direct", []string{"proxy-no-host"}},

	// GOSUMDB, parsed as dbDial does.
	{setup{}, "GOSUMDB", "sum.example.test", nil},
	{setup{}, "GOSUMDB", "sum.example.test https://sumdb.example.test", nil},
	{setup{}, "GOSUMDB", "sum.golang.google.cn", nil},
	{setup{}, "GOSUMDB", "sum.golang.google.cn https://x.example.test", []string{"sumdb-malformed"}},
	{setup{}, "GOSUMDB", "off", []string{"sumdb-off"}},
	{setup{}, "GOSUMDB", " off", []string{"sumdb-malformed"}},
	{setup{}, "GOSUMDB", "OFF", []string{"sumdb-malformed"}},
	{setup{}, "GOSUMDB", "a b c", []string{"sumdb-too-many-fields"}},
	{setup{}, "GOSUMDB", "other.example.test", []string{"sumdb-unknown-key"}},
	{setup{goEnv: "GOSUMDB=other.example.test\n"}, "GOSUMDB", "other.example.test", nil},
	{setup{}, "GOSUMDB", "garbage+1+2", []string{"sumdb-bad-key"}},
	{setup{}, "GOSUMDB", testVerifierKey, nil},
	{setup{}, "GOSUMDB", testVerifierKey + " https://sumdb.example.test", nil},
	{setup{}, "GOSUMDB", testVerifierKey + " sumdb.example.test", []string{"sumdb-url-scheme"}},
	{setup{}, "GOSUMDB", "", []string{"empty-hides-goenv"}},
	{setup{noGoEnv: true}, "GOSUMDB", "", []string{"sumdb-empty-value"}},
	{setup{}, "GOSUMDB", "   ", []string{"sumdb-empty"}},

	// Module path patterns.
	{setup{}, "GOPRIVATE", "*.corp.example.test,rsc.io/private", nil},
	{setup{}, "GOPRIVATE", "a.example.test, b.example.test", []string{"pattern-space"}},
	{setup{}, "GOPRIVATE", "[", []string{"pattern-malformed"}},
	{setup{}, "GOPRIVATE", " ", []string{"pattern-space"}},
	{setup{}, "GONOPROXY", "GitHub.com/org", []string{"pattern-uppercase"}},
	{setup{}, "GONOSUMDB", "https://git.example.test/org", []string{"pattern-scheme"}},
	{setup{}, "GOINSECURE", "git.example.test:8443", []string{"pattern-colon"}},
	{setup{}, "GOPRIVATE", "a.example.test,a.example.test/", []string{"pattern-duplicate"}},
	{setup{}, "GOPRIVATE", ",,a.example.test,", nil},
	{setup{}, "GOPRIVATE", `"a.example.test"`, []string{"pattern-bad-char"}},
	{setup{}, "GOPRIVATE", "git@git.example.test", []string{"pattern-bad-char"}},
	{setup{}, "GOINSECURE", "*", []string{"pattern-everything"}},
	{setup{}, "GONOSUMDB", "*/*", []string{"pattern-everything"}},
	{setup{}, "GOPRIVATE", "*.corp.example.test", nil},
	{setup{}, "GOPRIVATE", "[!a-c]x.example.test,x.example.test/v2+incompatible,x_y~z", nil},
	{setup{}, "GONOPROXY", "none", nil},
	{setup{}, "GONOPROXY", "", nil},
	{setup{env: []string{"GOPRIVATE=a.example.test"}}, "GONOPROXY", "", []string{"empty-follows-goprivate"}},

	// GOVCS.
	{setup{}, "GOVCS", "private:git|hg,public:off", nil},
	{setup{}, "GOVCS", "*.example.test:git", nil},
	{setup{}, "GOVCS", "private", []string{"govcs-malformed"}},
	{setup{}, "GOVCS", "private:", []string{"govcs-malformed"}},
	{setup{}, "GOVCS", ":git", []string{"govcs-malformed"}},
	{setup{}, "GOVCS", "a:git,,b:hg", []string{"govcs-malformed"}},
	{setup{}, "GOVCS", "./x:git", []string{"govcs-malformed"}},
	{setup{}, "GOVCS", "a:git,a:hg", []string{"govcs-malformed"}},
	{setup{}, "GOVCS", "a:git||hg", []string{"govcs-empty-vcs"}},
	{setup{}, "GOVCS", "private:gti", []string{"govcs-unknown-vcs"}},
	{setup{}, "GOVCS", "[:git", []string{"pattern-malformed"}},

	// GOFLAGS.
	{setup{}, "GOFLAGS", "-mod=mod -modcacherw", nil},
	{setup{}, "GOFLAGS", "--mod=mod '-ldflags=-s -w'", nil},
	{setup{}, "GOFLAGS", "mod=mod", []string{"goflags-non-flag"}},
	{setup{}, "GOFLAGS", "-badflag", []string{"goflags-unknown"}},
	{setup{}, "GOFLAGS", "-mod=bogus", []string{"goflags-bad-value"}},
	{setup{}, "GOFLAGS", "-trimpath=maybe", []string{"goflags-bad-value"}},
	{setup{}, "GOFLAGS", "-race=false -tags=a,b -p=4", nil},
	{setup{}, "GOFLAGS", "-mod vendor", []string{"goflags-non-flag"}},
	{setup{}, "GOFLAGS", "-", []string{"goflags-non-flag"}},
	{setup{}, "GOFLAGS", "---x", []string{"goflags-non-flag"}},
	{setup{}, "GOFLAGS", "'-mod=mod", []string{"goflags-quote"}},
	{setup{}, "GOFLAGS", "-mod=vendor", []string{"goflags-mod-vendor"}},
	{setup{}, "GOFLAGS", "-insecure", []string{"goflags-insecure"}},

	// GOAUTH.
	{setup{}, "GOAUTH", "netrc", nil},
	{setup{}, "GOAUTH", "off", nil},
	{setup{}, "GOAUTH", "netrc;git /home/u/src", nil},
	{setup{}, "GOAUTH", "netrc;", []string{"goauth-empty-command"}},
	{setup{}, "GOAUTH", "netrc; ;git /x", []string{"goauth-empty-command"}},
	{setup{}, "GOAUTH", "off;netrc", []string{"goauth-off-combined"}},
	{setup{}, "GOAUTH", "git src", []string{"goauth-git-dir"}},
	{setup{}, "GOAUTH", "git", []string{"goauth-git-dir"}},

	// The OS environment wins over the file.
	{setup{env: []string{"GOPROXY=https://os.example.test"}}, "GOPROXY", "https://file.example.test", []string{"os-shadows-write"}},
	{setup{env: []string{"GOPROXY=https://os.example.test"}}, "GOPROXY", "https://os.example.test", nil},
	{setup{env: []string{"GOPROXY="}}, "GOPROXY", "https://file.example.test", nil},
	{setup{env: []string{"GOPATH=/os"}}, "GOPATH", "rel", []string{"gopath-relative", "os-shadows-write"}},

	{setup{}, "GOROOT", "/opt/go", []string{"goroot-pinned"}},

	// Windows rules: ';' lists, drive-letter paths, case-insensitive OS names.
	{setup{goos: "windows"}, "GOPATH", `C:\go;D:\work`, nil},
	{setup{goos: "windows"}, "GOPATH", `C:\go;rel`, []string{"gopath-element-relative"}},
	{setup{goos: "windows"}, "GOPATH", `/go`, []string{"gopath-relative"}},
	{setup{goos: "windows"}, "GOAUTH", `git C:\src`, nil},
	{setup{goos: "windows", env: []string{"goproxy=https://os.example.test"}}, "GOPROXY", "https://file.example.test", []string{"os-shadows-write"}},
}

// testVerifierKey is a made-up but well-formed checksum database key.
const testVerifierKey = "sum.example.test+388b7d2e+AcQwuEoAQIFrNh+3GeqPtWZmoaCm8QKtZ7+6tIGIExOR"

func TestSet(t *testing.T) {
	for _, tt := range setTests {
		r := resolveSetup(t, tt.s)
		ps := Set(r, tt.key, tt.value)
		want := slices.Clone(tt.want)
		if want == nil {
			want = []string{}
		}
		slices.Sort(want)
		if got := codes(ps); !slices.Equal(got, want) {
			t.Errorf("Set(%q, %q) codes = %v, want %v\n%s", tt.key, tt.value, got, want, dump(ps))
		}
		checkComplete(t, fmt.Sprintf("Set(%q)", tt.key), ps)
	}
}

func TestOSRemoveHint(t *testing.T) {
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if h := OSRemoveHint(goos, "GOPROXY"); !strings.Contains(h, "GOPROXY") {
			t.Errorf("OSRemoveHint(%q, GOPROXY) = %q, want it to name GOPROXY", goos, h)
		}
	}
	if h := OSRemoveHint("windows", "GOPROXY"); !strings.Contains(h, "Environment Variables") {
		t.Errorf("OSRemoveHint(windows) = %q, want the Windows settings dialog", h)
	}
}

func dump(ps []core.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + string(p.Severity) + " " + p.Code + ": " + p.Message + " Fix: " + p.Fix + "\n")
	}
	return b.String()
}

var unsetTests = []struct {
	s    setup
	key  string
	want []string
}{
	{setup{file: "GOPROXY=https://file.example.test\n"}, "GOPROXY", nil},
	{setup{}, "GOPROXY", []string{"unset-absent"}},
	{setup{}, "GOVERSION", []string{"read-only"}},
	{setup{file: "GOENV=/x\n"}, "GOENV", []string{"os-only"}},
	{setup{}, "bogus", []string{"unknown-key"}},
	{setup{file: "bogus=1\n"}, "bogus", []string{"unknown-key"}},
	{setup{file: "HTTPS_PROXY=http://127.0.0.1:3128\n"}, "HTTPS_PROXY", nil},
	{setup{file: "GOPROXY=https://file.example.test\n", env: []string{"GOPROXY=https://os.example.test"}}, "GOPROXY", []string{"os-shadows-unset"}},
	{setup{file: "GOSUMDB=off\n", env: []string{"GOSUMDB=off"}}, "GOSUMDB", []string{"os-shadows-unset"}},
	{setup{file: "GOTOOLCHAIN=local\n", env: []string{"GOTOOLCHAIN=local"}}, "GOTOOLCHAIN", []string{"os-shadows-unset"}},
	{setup{noGoEnv: true, file: "GOPROXY=https://file.example.test\n"}, "GOPROXY", []string{"unset-leaves-empty"}},
}

func TestUnset(t *testing.T) {
	for _, tt := range unsetTests {
		r := resolveSetup(t, tt.s)
		ps := Unset(r, tt.key)
		want := slices.Clone(tt.want)
		if want == nil {
			want = []string{}
		}
		slices.Sort(want)
		if got := codes(ps); !slices.Equal(got, want) {
			t.Errorf("Unset(%q) codes = %v, want %v\n%s", tt.key, got, want, dump(ps))
		}
		checkComplete(t, fmt.Sprintf("Unset(%q)", tt.key), ps)
	}
}

// FuzzSet checks that Set never panics and that every error says how to fix
// it. The seeds are the table above.
func FuzzSet(f *testing.F) {
	for _, tt := range setTests {
		f.Add(tt.key, tt.value)
	}
	r := resolveSetup(f, setup{})
	f.Fuzz(func(t *testing.T, key, value string) {
		for _, p := range core.Errors(Set(r, key, value)) {
			if p.Fix == "" || p.Message == "" || p.Code == "" {
				t.Errorf("Set(%q, %q) error without message or fix: %+v", key, value, p)
			}
		}
	})
}

// FuzzValue checks Value on every managed variable.
func FuzzValue(f *testing.F) {
	for _, tt := range setTests {
		f.Add(tt.value)
	}
	r := resolveSetup(f, setup{})
	f.Fuzz(func(t *testing.T, value string) {
		for _, v := range core.Vars {
			for _, p := range Value(r, v.Name, value) {
				if p.Fix == "" || p.Message == "" || p.Severity == "" {
					t.Errorf("Value(%q, %q) incomplete problem: %+v", v.Name, value, p)
				}
				if err := core.CheckRendered(p); err != nil {
					t.Errorf("Value(%q, %q): %v", v.Name, value, err)
				}
			}
		}
	})
}

func TestRedact(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://proxy.example.test,direct", "https://proxy.example.test,direct"},
		{"https://u:secret@a.example.test|https://b.example.test,off", "https://u:xxxxx@a.example.test|https://b.example.test,off"},
		{"x@y", "x@y"},
	} {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNewlineSuggestionIsAccepted: the one-line value suggested for a value
// with line breaks is one Set accepts, and a pasted KEY=VALUE line is never
// joined into it.
func TestNewlineSuggestionIsAccepted(t *testing.T) {
	r := resolveSetup(t, setup{})
	for _, tt := range []struct{ key, value, want string }{
		{"GOPROXY", "https://a.example.test\nGOSUMDB=off", "https://a.example.test"},
		{"GOPROXY", "https://a.example.test,\ndirect", "https://a.example.test,,direct"},
		{"GOPRIVATE", "a.example.test\nb.example.test", "a.example.test,b.example.test"},
		{"GOPATH", "/a\n/b", "/a:/b"},
		{"GOFLAGS", "-mod=mod\n-trimpath", "-mod=mod -trimpath"},
		{"GOTOOLCHAIN", "local\nbogus", "local"},
		{"GOPROXY", "\n\n", ""},
	} {
		ps := Set(r, tt.key, tt.value)
		if len(ps) != 1 || ps[0].Code != "invalid-newline" || ps[0].Args["Suggestion"] != tt.want {
			t.Errorf("Set(%s=%q) = %s, want invalid-newline suggesting %q", tt.key, tt.value, dump(ps), tt.want)
			continue
		}
		if tt.want != "" && len(core.Errors(Set(r, tt.key, tt.want))) > 0 {
			t.Errorf("the suggestion %s=%q is refused", tt.key, tt.want)
		}
	}
}
