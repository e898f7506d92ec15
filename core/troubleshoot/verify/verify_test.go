package verify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/troubleshoot/internal/gotest"
	"github.com/gomirror/gomirror/core/troubleshoot/verify"
)

// evilZip serves the module zip of a different go.mod for every .zip
// request, and the honest mirror's answer otherwise.
func evilZip(honest http.Handler) http.Handler {
	evil := mirrortest.New(mirrortest.Behavior{}, mirrortest.Module{Path: gotest.Mod.Path, Versions: gotest.Mod.Versions,
		Mod: map[string]string{"v1.0.0": "module example.test/m\n\ngo 1.21\n// injected\n"}})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".zip") {
			evil.ServeHTTP(w, r)
			return
		}
		honest.ServeHTTP(w, r)
	})
}

func serve(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func analyze(t *testing.T, w *gotest.World, mod string, gosum string, env ...string) *verify.Analysis {
	t.Helper()
	w.WriteEnv(env...)
	opts := verify.Options{}
	if gosum != "" {
		opts.GoSum = filepath.Join(w.Work, "go.sum")
		if err := os.WriteFile(opts.GoSum, []byte(gosum), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	a, err := verify.Analyze(context.Background(), w.Resolve(w.Env()), mod, "v1.0.0", opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Problems {
		if err := core.CheckRendered(p); err != nil {
			t.Error(err)
		}
		t.Logf("%s: %s\n  fix: %s", p.Code, p.Message, p.Fix)
	}
	return a
}

func honest() http.Handler { return mirrortest.New(mirrortest.Behavior{}, gotest.Mod, gotest.Private) }

func goodSum(t *testing.T) string {
	sum, err := gotest.SumLines(gotest.Mod, "v1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	return string(sum)
}

// TestTamperedMirrorNamed: one mirror serves a different .zip; the
// analysis, reaching the checksum database through the honest mirror as
// the go command would, names the tampered one and suggests dropping it.
func TestTamperedMirrorNamed(t *testing.T) {
	w := gotest.New(t)
	good := serve(t, w.ProxyingSumDB(honest()))
	bad := serve(t, evilZip(honest()))
	a := analyze(t, w, gotest.Mod.Path, goodSum(t), "GOPROXY="+good+","+bad+",direct", "GOSUMDB="+w.VKey)
	if a.Verdict != "mirror-disagrees" {
		t.Fatalf("Verdict = %q, want mirror-disagrees; sources %+v", a.Verdict, a.Sources)
	}
	if db := a.Sources[0]; db.Kind != verify.KindSumDB || db.State != verify.StateReference || !strings.HasPrefix(db.URL, good+"/sumdb/") {
		t.Errorf("database source = %+v, want the reference reached through %s", db, good)
	}
	states := map[string]string{}
	for _, s := range a.Sources {
		states[s.Name] = s.State
	}
	if states[bad] != verify.StateDisagrees || states[good] != verify.StateAgrees {
		t.Errorf("states = %v, want %s disagrees and %s agrees", states, bad, good)
	}
	if got, want := a.Set["GOPROXY"], good+",direct"; got != want {
		t.Errorf("Set[GOPROXY] = %q, want %q", got, want)
	}
	if !strings.Contains(a.Problems[0].Message, bad) {
		t.Errorf("problem does not name %s: %s", bad, a.Problems[0].Message)
	}
}

func TestGoSumEdited(t *testing.T) {
	w := gotest.New(t)
	good := serve(t, honest())
	edited := strings.Replace(goodSum(t), "h1:", "h1:X", 1)
	a := analyze(t, w, gotest.Mod.Path, edited, "GOPROXY="+good, "GOSUMDB="+w.GOSUMDB())
	if a.Verdict != "gosum-edited" {
		t.Fatalf("Verdict = %q, want gosum-edited; sources %+v", a.Verdict, a.Sources)
	}
}

func TestConsistent(t *testing.T) {
	w := gotest.New(t)
	good := serve(t, honest())
	a := analyze(t, w, gotest.Mod.Path, goodSum(t), "GOPROXY="+good, "GOSUMDB="+w.GOSUMDB())
	if a.Verdict != "consistent" {
		t.Fatalf("Verdict = %q, want consistent; sources %+v", a.Verdict, a.Sources)
	}
}

func TestPrivateInChecksumDatabase(t *testing.T) {
	w := gotest.New(t)
	good := serve(t, honest())
	a := analyze(t, w, gotest.Private.Path, "", "GOPROXY="+good, "GOSUMDB="+w.GOSUMDB())
	if a.Verdict != "sumdb-private" || a.Set["GOPRIVATE"] != "git.corp.example.test" {
		t.Fatalf("Verdict, Set = %q, %v; want sumdb-private, GOPRIVATE=git.corp.example.test; sources %+v", a.Verdict, a.Set, a.Sources)
	}
}

func TestRetaggedPrivate(t *testing.T) {
	w := gotest.New(t)
	a1, a2 := serve(t, honest()), serve(t, honest())
	sum, _ := gotest.SumLines(gotest.Private, "v1.0.0")
	old := strings.Replace(string(sum), "h1:", "h1:OLD", 1)
	a := analyze(t, w, gotest.Private.Path, old, "GOPROXY="+a1+"|"+a2, "GOSUMDB="+w.GOSUMDB(), "GOPRIVATE=git.corp.example.test")
	if a.Verdict != "retagged" {
		t.Fatalf("Verdict = %q, want retagged; sources %+v", a.Verdict, a.Sources)
	}
}
