package route

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/resolve"
)

func config() Config {
	return Config{
		GOPROXY:    "https://proxy.example.test|https://mirror.example.test/go,direct",
		GOPRIVATE:  "*.corp.example.test",
		GONOPROXY:  "*.corp.example.test",
		GONOSUMDB:  "*.corp.example.test",
		GOSUMDB:    "sum.example.test",
		KnownSumDB: "sum.example.test",
		GOAUTH:     `"/opt/Go Mirror/gomirrorctl" goauth;netrc`,
		GOOS:       "linux",
		Auth: []AuthPrefix{
			{cred.MustParsePrefix("git.corp.example.test/org"), "helper"},
			{cred.MustParsePrefix("git.corp.example.test"), "netrc"},
			{cred.MustParsePrefix("mirror.example.test/go"), "helper"},
			{cred.MustParsePrefix("proxy.example.test"), "git-only"},
		},
	}
}

func TestExplainPublic(t *testing.T) {
	r := Explain(config(), "example.test/mod")
	want := []Source{
		{KindProxy, "https://proxy.example.test", FallbackAnyError},
		{KindProxy, "https://mirror.example.test/go", FallbackNotFound},
		{KindDirect, "", FallbackNone},
	}
	if !slices.Equal(r.Sources, want) {
		t.Errorf("Sources = %+v, want %+v", r.Sources, want)
	}
	if !r.Checksum.Verified || r.Checksum.DB != "sum.example.test" || len(r.Checksum.Via) != 3 || r.Checksum.Via[2].URL != "https://sum.example.test" {
		t.Errorf("Checksum = %+v", r.Checksum)
	}
	if r.Private || r.Insecure || !slices.Equal(r.VCS, []string{"git", "hg"}) {
		t.Errorf("private=%t insecure=%t vcs=%v, want public, secure, git|hg", r.Private, r.Insecure, r.VCS)
	}
	if !slices.Equal(r.Auth, []string{"mirror.example.test/go"}) {
		t.Errorf("Auth = %v, want only the mirror's keyring credential", r.Auth)
	}
}

func TestExplainPrivate(t *testing.T) {
	c := config()
	c.GOPROXY, c.GOINSECURE = "off", "git.corp.example.test"
	r := Explain(c, "git.corp.example.test/org/lib")
	if !slices.Equal(r.Sources, []Source{{Kind: KindDirect}}) {
		t.Errorf("GOPROXY=off with a GONOPROXY match: Sources = %+v, want direct", r.Sources)
	}
	if r.Checksum.Verified || !r.Private || !r.Insecure || !slices.Equal(r.VCS, []string{"all"}) {
		t.Errorf("checksum=%+v private=%t insecure=%t vcs=%v", r.Checksum, r.Private, r.Insecure, r.VCS)
	}
	if !slices.Equal(r.Auth, []string{"git.corp.example.test/org"}) {
		t.Errorf("Auth = %v, want the longer keyring prefix", r.Auth)
	}
	if s := stepFor(r, "GONOPROXY"); s.Pattern != "*.corp.example.test" || !strings.Contains(s.Text, "even with GOPROXY=off") {
		t.Errorf("GONOPROXY step = %+v", s)
	}
}

func stepFor(r Route, v string) Step {
	for _, s := range r.Steps {
		if s.Var == v {
			return s
		}
	}
	return Step{}
}

func TestExplainErrors(t *testing.T) {
	for _, tt := range []struct {
		goproxy, gosumdb, want string
	}{
		{"localhost,direct", "off", "missing scheme"},
		{",", "off", "contains no entries"},
		{"https://proxy.example.test", "bogus.example.test", "malformed verifier id"},
		{"https://proxy.example.test", "a b c", "too many fields"},
	} {
		c := config()
		c.GOPROXY, c.GOSUMDB = tt.goproxy, tt.gosumdb
		r := Explain(c, "example.test/mod")
		if got := r.Error + r.Checksum.Error; !strings.Contains(got, tt.want) {
			t.Errorf("GOPROXY=%q GOSUMDB=%q: error %q, want %q", tt.goproxy, tt.gosumdb, got, tt.want)
		}
	}
	if r := Explain(config(), "Not A Path"); r.Error == "" {
		t.Error("an invalid module path gives no error")
	}
}

func TestExplainSumDBForms(t *testing.T) {
	c := config()
	c.GOSUMDB = "sum.golang.google.cn"
	if r := Explain(c, "example.test/mod"); r.Checksum.DB != "sum.example.test" || r.Checksum.URL != "https://sum.golang.google.cn" {
		t.Errorf("alias: %+v", r.Checksum)
	}
	c.GOSUMDB = "sum.example.test https://db.example.test"
	if r := Explain(c, "example.test/mod"); r.Checksum.URL != "https://db.example.test" || r.Checksum.Via != nil {
		t.Errorf("explicit URL: %+v", r.Checksum)
	}
	c.GOAUTH = "off"
	if r := Explain(c, "git.corp.example.test/org/x"); len(r.Auth) != 0 {
		t.Errorf("GOAUTH=off still sends %v", r.Auth)
	}
}

func TestExplainGOVCS(t *testing.T) {
	c := config()
	c.GOVCS = "*.corp.example.test:git,example.test:off"
	if r := Explain(c, "git.corp.example.test/org/x"); !slices.Equal(r.VCS, []string{"git"}) {
		t.Errorf("VCS = %v, want git from the user rule", r.VCS)
	}
	if r := Explain(c, "example.test/x"); r.VCS != nil {
		t.Errorf("VCS = %v, want none (off)", r.VCS)
	}
	c.GOVCS = "bad"
	if r := Explain(c, "example.test/x"); !strings.Contains(stepFor(r, "GOVCS").Text, "missing colon") {
		t.Errorf("invalid GOVCS not explained: %+v", r.Steps)
	}
}

func TestRouteJSON(t *testing.T) {
	data, err := json.Marshal(Explain(config(), "example.test/mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"module":`, `"sources":[{"kind":"proxy","url":`, `"fallback":"any-error"`, `"checksum":{"verified":true,"db":`, `"private":false`, `"insecure":false`, `"auth":[`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("JSON lacks %s:\n%s", key, data)
		}
	}
}

func TestExplainFile(t *testing.T) {
	routes, err := ExplainFile(config(), filepath.Join("testdata", "go.mod.in"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Route{}
	for _, r := range routes {
		got[r.Module] = r
	}
	if len(routes) != 4 || got["git.corp.example.test/org/lib"].Sources[0].Kind != KindDirect {
		t.Fatalf("routes = %+v", routes)
	}
	if r := got["example.test/forked"]; r.Version != "v1.1.1" || !strings.Contains(r.Steps[0].Text, "fork.example.test/forked") {
		t.Errorf("replaced module: %+v", r)
	}
	if r := got["example.test/local"]; len(r.Sources) != 0 || !strings.Contains(r.Steps[0].Text, "../local") {
		t.Errorf("local replacement: %+v", r)
	}
	for _, r := range routes {
		if s := r.Steps[0]; core.NewText(s.Code, s.Args).String() != s.Text {
			t.Errorf("%s: first step %q is not its text %s rendered", r.Module, s.Text, s.Code)
		}
	}

	routes, err = ExplainFile(config(), filepath.Join("testdata", "work", "go.work"))
	if err != nil {
		t.Fatal(err)
	}
	if len(routes) != 1 || routes[0].Module != "git.corp.example.test/org/lib" {
		t.Errorf("go.work routes = %+v, want only the external requirement once", routes)
	}
}

func TestWalk(t *testing.T) {
	srcs := Explain(config(), "example.test/mod").Sources
	tried, served := Walk(srcs, func(s Source) Outcome {
		if s.Kind == KindProxy && strings.Contains(s.URL, "proxy.") {
			return Failed
		}
		return NotFound
	})
	if len(tried) != 3 || served != -1 {
		t.Errorf("Walk = %d tried, served %d; want all 3 tried ('|' after a failure)", len(tried), served)
	}
}

func TestLoad(t *testing.T) {
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, ".netrc"), []byte("machine git.corp.example.test login u password p\n"), 0o600)
	keyring.MockInit()
	store := &cred.Store{Dir: t.TempDir(), Keyring: cred.OSKeyring{}}
	store.Set("git.corp.example.test/org", "alice", "s", "")
	r := resolve.Resolve(resolve.Input{Env: []string{"GOENV=off", "HOME=" + home, "GOPRIVATE=*.corp.example.test",
		"GOAUTH=/opt/gomirrorctl goauth;netrc", "GOPROXY=https://proxy.example.test"}})
	c, notes := Load(r, store)
	if len(notes) != 0 || len(c.Auth) != 2 || !c.NoProxyFollows {
		t.Fatalf("Load = %+v, notes %v", c, notes)
	}
	if rt := Explain(c, "git.corp.example.test/other/x"); !slices.Equal(rt.Auth, []string{"git.corp.example.test"}) {
		t.Errorf("Auth = %v, want the netrc machine", rt.Auth)
	}
}

// TestStepsAreTexts checks that every step and error of a variety of
// routes is its core text rendered in English, so that the GUI can
// translate it, and that the English stays as the CLI prints it.
func TestStepsAreTexts(t *testing.T) {
	c := config()
	c.GOINSECURE, c.GONOPROXY = "*.corp.example.test", ""
	var routes []Route
	for _, m := range []string{"example.test/mod", "git.corp.example.test/org/lib", "Not A Path"} {
		routes = append(routes, Explain(c, m))
	}
	for _, v := range []struct{ goproxy, gosumdb, govcs, goauth string }{
		{"off", "off", "bad", "off"},
		{"localhost", "sum.example.test", "", "git /src;netrc"},
		{"https://proxy.example.test,direct", "sum.example.test https://db.example.test", "public:git|hg|svn", "my-helper arg"},
		{"direct", "a b c", "public:off", "netrc"},
	} {
		c := config()
		c.GOPROXY, c.GOSUMDB, c.GOVCS, c.GOAUTH = v.goproxy, v.gosumdb, v.govcs, v.goauth
		routes = append(routes, Explain(c, "example.test/mod"), Explain(c, "git.corp.example.test/org/lib"))
	}
	for _, r := range routes {
		for _, s := range r.Steps {
			text := core.NewText(s.Code, s.Args)
			if err := core.CheckText(text); err != nil || text.String() != s.Text {
				t.Errorf("%s: step %q is not its text %s %v rendered (%v)", r.Module, s.Text, s.Code, s.Args, err)
			}
		}
		if got := core.NewText(r.ErrorCode, r.ErrorArgs).String(); r.Error != "" && got != r.Error {
			t.Errorf("%s: error %q is not its text %s rendered: %q", r.Module, r.Error, r.ErrorCode, got)
		}
	}
	r := Explain(config(), "git.corp.example.test/org/lib")
	want := `Fetched directly from its origin: it matches GONOPROXY pattern "*.corp.example.test". The go command's implicit noproxy entry comes before every GOPROXY entry, and the proxies refuse this path, so it goes direct even with GOPROXY=off.`
	if got := stepFor(r, "GONOPROXY").Text; got != want {
		t.Errorf("GONOPROXY step = %q, want %q", got, want)
	}
	c = config()
	c.GOVCS = "public:git|hg|svn"
	want = `Direct fetch tools: GOVCS rule public:git|hg|svn allows git, hg or svn. The tool authenticates itself (git uses its credential helpers, such as gomirrorctl git-credential), not through GOAUTH.`
	if got := stepFor(Explain(c, "example.test/mod"), "GOVCS").Text; got != want {
		t.Errorf("GOVCS step = %q, want %q", got, want)
	}
}
