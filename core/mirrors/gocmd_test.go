package mirrors

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/internal/testenv"
)

var (
	probeMod = fakeproxy.Module{Path: "example.test/probe", Versions: []string{"v1.0.0"}}
	tinyMod  = fakeproxy.Module{Path: "example.test/tiny", Versions: []string{"v1.0.0"}}
)

// downloaded is the part of go mod download -json's output we check.
type downloaded struct {
	Path, Version, Dir, Sum, Error string
}

// goModDownload runs the real go command in a throwaway HOME, GOPATH,
// module cache and GOENV, with GOPROXY=goproxy, to download tiny@v1.0.0.
func goModDownload(t *testing.T, goproxy string) (downloaded, error) {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	os.MkdirAll(work, 0o755)
	os.WriteFile(filepath.Join(work, "go.mod"), []byte("module m\n\ngo 1.21\n"), 0o644)
	// Telemetry off, so go leaves no background process writing under HOME.
	testenv.QuietTelemetry(t, filepath.Join(dir, ".config"))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, "mod", "download", "-json", tinyMod.Path+"@v1.0.0")
	cmd.Dir = work
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "GOPATH=" + filepath.Join(dir, "gopath"),
		"GOMODCACHE=" + filepath.Join(dir, "modcache"), "GOCACHE=" + filepath.Join(dir, "cache"),
		"GOENV=" + filepath.Join(dir, "goenv"), "GOPROXY=" + goproxy, "GOSUMDB=off",
		"GOFLAGS=-mod=mod -modcacherw", "GOTOOLCHAIN=local",
	}
	out, err := cmd.Output()
	var d downloaded
	if jerr := json.Unmarshal(out, &d); jerr != nil {
		t.Fatalf("go mod download printed %q (%v): %v", out, err, jerr)
	}
	return d, err
}

// fakeMirror serves mods on loopback and returns it as a user mirror.
func fakeMirror(t *testing.T, name, operator string, b fakeproxy.Behavior, mods ...fakeproxy.Module) (Mirror, *fakeproxy.Proxy) {
	p := fakeproxy.New(b, mods...)
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return Mirror{ID: name, Name: name, URL: srv.URL, Operator: operator, Origin: OriginUser}, p
}

// TestGoCommandFollowsSuggestedChain probes two fake mirrors, lets Suggest
// build the chain, and has the real go command download through it: the
// faster first mirror lacks the module (404), the second serves it.
func TestGoCommandFollowsSuggestedChain(t *testing.T) {
	first, fp := fakeMirror(t, "first", "Op A", fakeproxy.Behavior{}, probeMod)
	second, sp := fakeMirror(t, "second", "Op B", fakeproxy.Behavior{Delay: 15 * time.Millisecond}, probeMod, tinyMod)
	r := resolveWith(t, testGoEnv)
	cat := Catalogue(r, []Mirror{first, second})

	e := probe.New(probe.Options{Module: probeMod.Path, SumDB: SumDBName(r), Timeout: 5 * time.Second})
	tr := probe.NewTracker(0, 0, 0)
	for s := range e.Run(context.Background(), Targets([]Mirror{first, second}), probe.Schedule{Count: 3}) {
		tr.Add(s)
	}
	sug, err := Suggest(r, cat, tr.Summaries(), SuggestOptions{NoDirect: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := first.URL + "|" + second.URL; sug.Chain.String() != want {
		t.Fatalf("suggested %s, want %s", sug.Chain, want)
	}
	d, err := goModDownload(t, sug.Chain.String())
	if err != nil || d.Error != "" || d.Version != "v1.0.0" || !strings.HasPrefix(d.Sum, "h1:") {
		t.Fatalf("go mod download via %s: %+v, %v", sug.Chain, d, err)
	}
	if _, err := os.Stat(filepath.Join(d.Dir, "tiny.go")); err != nil {
		t.Errorf("module not extracted: %v", err)
	}
	if !contains(fp.Requests(), "/example.test/tiny/@v/v1.0.0.info") || !contains(sp.Requests(), "/example.test/tiny/@v/v1.0.0.zip") {
		t.Errorf("requests: first %q, second %q; want the first asked and the second serving the zip", fp.Requests(), sp.Requests())
	}
}

// TestGoCommandSeparators checks the Explain texts against the real go
// command: "," falls back on 404 but not on 500; "|" falls back on 500.
func TestGoCommandSeparators(t *testing.T) {
	missing, _ := fakeMirror(t, "missing", "A", fakeproxy.Behavior{}, probeMod)
	broken, _ := fakeMirror(t, "broken", "B", fakeproxy.Behavior{Status: 500})
	good, _ := fakeMirror(t, "good", "C", fakeproxy.Behavior{}, tinyMod)
	cases := []struct {
		chain Chain
		ok    bool
	}{
		{NewChain(Comma, missing.URL, good.URL), true},
		{NewChain(Comma, broken.URL, good.URL), false},
		{NewChain(Pipe, broken.URL, good.URL), true},
	}
	for _, c := range cases {
		d, err := goModDownload(t, c.chain.String())
		if ok := err == nil && d.Error == ""; ok != c.ok {
			t.Errorf("GOPROXY=%s: download ok=%t (%s), want %t; Explain says %q", c.chain, ok, d.Error, c.ok, c.chain.Explain(nil)[0].Text)
		}
		if !c.ok && !strings.Contains(d.Error, "500") {
			t.Errorf("GOPROXY=%s: error %q, want the 500 that stopped the walk", c.chain, d.Error)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
