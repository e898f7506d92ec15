package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
)

// goproxyOffOutput is what go mod download prints with GOPROXY=off.
const goproxyOffOutput = "go: example.test/m@v1.0.0: module lookup disabled by GOPROXY=off\n"

// workDir makes a main module in s and returns its directory.
func (s *sandbox) workDir() string {
	s.t.Helper()
	dir := filepath.Join(s.home, "work")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module work.example.test/main\n\ngo 1.21\n"), 0o666); err != nil {
		s.t.Fatal(err)
	}
	return dir
}

// TestExplainGoproxyOff runs a real go mod download with GOPROXY=off set on
// line 2 of the env file: the finding names GOPROXY, the env-file layer and
// its line; --apply writes the fix, and undo restores the file.
func TestExplainGoproxyOff(t *testing.T) {
	s := newSandbox(t, "GOFLAGS=-modcacherw")
	const env = "# offline\nGOPROXY=off\n"
	s.writeEnvFile(env)
	work := s.workDir()
	run := []string{"explain", "--dir", work, "--", "go", "mod", "download", "example.test/m@v1.0.0"}
	r := s.ctl(run...)
	if r.code != exitFailure {
		t.Fatalf("explain of a failing command: want exit 1, got %v", r)
	}
	for _, want := range []string{"fail-goproxy-off (GOPROXY)", "module lookup disabled by GOPROXY=off", "env-file " + s.envFile() + ":2", "--apply 1: unset GOPROXY"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = s.ctl(append([]string{"explain", "--apply", "1"}, run[1:]...)...)
	mustSucceed(t, r, "explain --apply 1")
	if data, _ := s.readEnvFile(); strings.Contains(string(data), "GOPROXY") {
		t.Errorf("env file after --apply 1 = %q, want GOPROXY unset", data)
	}
	mustSucceed(t, s.ctl("undo"), "undo")
	if data, _ := s.readEnvFile(); string(data) != env {
		t.Errorf("env file after undo = %q, want %q", data, env)
	}
}

// TestExplainStdin explains pasted output, in JSON.
func TestExplainStdin(t *testing.T) {
	s := newSandbox(t)
	s.writeEnvFile("GOPROXY=off\n")
	r := s.ctlIn(goproxyOffOutput, "explain", "--json")
	if r.code != exitFailure {
		t.Fatalf("explain --json of pasted output: want exit 1, got %v", r)
	}
	var out struct {
		Findings []struct {
			Code, Var string
			Layer     struct{ Source, File string }
			Unset     []string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("explain --json: %v\n%s", err, r.stdout)
	}
	if len(out.Findings) != 1 {
		t.Fatalf("findings = %+v, want one", out.Findings)
	}
	f := out.Findings[0]
	if f.Code != "fail-goproxy-off" || f.Var != "GOPROXY" || f.Layer.Source != "env-file" || f.Layer.File != s.envFile() {
		t.Errorf("finding = %+v, want fail-goproxy-off about GOPROXY from %s", f, s.envFile())
	}
}

func TestExplainRefusesNoInput(t *testing.T) {
	s := newSandbox(t)
	if r := s.ctlIn("", "explain"); r.code != exitRefused || !strings.Contains(r.stderr, "nothing to explain") {
		t.Errorf("explain with an empty stdin: want exit 2 saying nothing to explain, got %v", r)
	}
	if r := s.ctlIn(goproxyOffOutput, "explain", "--apply", "3"); r.code != exitRefused {
		t.Errorf("explain --apply 3 with one finding: want exit 2, got %v", r)
	}
}

// privateOutput is what a go command prints for a private module looked up
// in the checksum database: a finding whose fix widens GOPRIVATE.
const privateOutput = "go: git.corp.example.test/team/lib@v1.0.0: verifying module: git.corp.example.test/team/lib@v1.0.0: " +
	"reading https://sum.example.test/lookup/git.corp.example.test/team/lib@v1.0.0: 410 Gone\n"

// craftedOutput is piped text that tries to get GOPRIVATE=* (and other
// widenings) written.
const craftedOutput = "go: *@v1.0.0: verifying module: *@v1.0.0: reading https://sum.example.test/lookup/*@v1.0.0: 410 Gone\n" +
	"\tserver response: fatal: could not read Username for 'https://x': terminal prompts disabled\n" +
	"go: github.com@v1.0.0: reading https://goproxy.cn/github.com/@v/v1.0.0.info: 404 Not Found\n" +
	"\tserver response: terminal prompts disabled\n" +
	"Fix: go env -w GOPRIVATE=* GOSUMDB=off GOINSECURE=*\n"

// TestExplainNeverAppliesPasted: fixes of piped output are shown, never
// applied, with exit 2; the env file is not touched.
func TestExplainNeverAppliesPasted(t *testing.T) {
	s := newSandbox(t)
	const env = "GOPROXY=https://mirror.example.test,direct\n"
	s.writeEnvFile(env)
	r := s.ctlIn(privateOutput, "explain")
	if r.code != exitFailure || !strings.Contains(r.stdout, "fail-sumdb-private") || !strings.Contains(r.stdout, "not applied; run the command with explain -- go ... to apply it): set GOPRIVATE=git.corp.example.test") {
		t.Fatalf("explain of a private module's failure: want exit 1 and a GOPRIVATE fix shown, got %v", r)
	}
	for _, args := range [][]string{{"explain", "--fix"}, {"explain", "--apply", "1"}, {"explain", "--json", "--fix"}} {
		for _, in := range []string{privateOutput, craftedOutput} {
			r := s.ctlIn(in, args...)
			if r.code != exitRefused || !strings.Contains(r.stderr, "pasted output") {
				t.Errorf("%v on piped output: want exit 2 saying pasted output, got %v", args, r)
			}
			if data, _ := s.readEnvFile(); string(data) != env {
				t.Fatalf("%v on piped output wrote the env file: %q", args, data)
			}
		}
	}
}

// TestExplainCraftedNeverSuggestsWildcards: no finding of crafted output
// suggests GOPRIVATE=*, a whole shared host, or GOSUMDB=off.
func TestExplainCraftedNeverSuggestsWildcards(t *testing.T) {
	s := newSandbox(t)
	r := s.ctlIn(craftedOutput, "explain", "--json")
	var out struct {
		Findings []struct{ Set map[string]string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("explain --json: %v\n%s", err, r.stdout)
	}
	for _, f := range out.Findings {
		for k, v := range f.Set {
			if strings.Contains(v, "*") || v == "github.com" || k == "GOSUMDB" && v == "off" || k == "GOINSECURE" {
				t.Errorf("crafted output got the fix %s=%s", k, v)
			}
		}
	}
}

// tamperedZip serves an honest mirror's answers, except for .zip files,
// which come from a mirror whose go.mod was altered.
func tamperedZip(t *testing.T, mod mirrortest.Module) string {
	honest := mirrortest.New(mirrortest.Behavior{}, mod)
	evil := mirrortest.New(mirrortest.Behavior{}, mirrortest.Module{Path: mod.Path, Versions: mod.Versions,
		Mod: map[string]string{"v1.0.0": "module " + mod.Path + "\n\ngo 1.21\n// injected\n"}})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".zip") {
			evil.ServeHTTP(w, r)
			return
		}
		honest.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func serveMirror(t *testing.T, mod mirrortest.Module) string {
	srv := httptest.NewServer(mirrortest.New(mirrortest.Behavior{}, mod))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestVerifyNamesTamperedMirror: of three loopback mirrors (no checksum
// database), the one serving a different .zip is named.
func TestVerifyNamesTamperedMirror(t *testing.T) {
	mod := mirrortest.Module{Path: "example.test/m", Versions: []string{"v1.0.0"}}
	a, b, bad := serveMirror(t, mod), serveMirror(t, mod), tamperedZip(t, mod)
	s := newSandbox(t)
	s.writeEnvFile("GOPROXY=" + a + "," + bad + "|" + b + "\nGOSUMDB=off\n")
	r := s.ctl("verify", "example.test/m@v1.0.0")
	if r.code != exitFailure {
		t.Fatalf("verify with a tampered mirror: want exit 1, got %v", r)
	}
	if !strings.Contains(r.stdout, "mirror-disagrees") || !strings.Contains(r.stdout, "The mirror "+bad+" serves") {
		t.Errorf("verify does not name %s:\n%s", bad, r.stdout)
	}
	var out struct {
		Analyses []struct {
			Verdict string
			Sources []struct{ Name, State, Zip string }
		}
	}
	if r := s.ctl("verify", "--json", "example.test/m@v1.0.0"); json.Unmarshal([]byte(r.stdout), &out) != nil || len(out.Analyses) != 1 {
		t.Fatalf("verify --json: %v", r)
	}
	for _, src := range out.Analyses[0].Sources {
		if want := map[bool]string{true: "disagrees", false: "agrees"}[src.Name == bad]; src.State != want && src.State != "reference" {
			t.Errorf("source %s is %s, want %s", src.Name, src.State, want)
		}
	}
}

func TestVerifyRefusesBadUsage(t *testing.T) {
	s := newSandbox(t)
	for _, args := range [][]string{{"verify"}, {"verify", "example.test/m"}, {"verify", "--modfile", "go.mod", "a@v1.0.0"}} {
		if r := s.ctl(args...); r.code != exitRefused {
			t.Errorf("%v: want exit 2, got %v", args, r)
		}
	}
}

// TestToolchainsServed: a project asking for a newer toolchain, one
// mirror that lacks it (404, so the walk goes on) and one that serves it.
func TestToolchainsServed(t *testing.T) {
	v := "v0.0.1-go1.99.0." + runtime.GOOS + "-" + runtime.GOARCH
	tc := mirrortest.Module{Path: "golang.org/toolchain", Versions: []string{v}}
	lacks, has := serveMirror(t, mirrortest.Module{Path: "example.test/m", Versions: []string{"v1.0.0"}}), serveMirror(t, tc)
	s := newSandbox(t)
	s.writeEnvFile("GOPROXY=" + lacks + "," + has + "\nGOTOOLCHAIN=auto\n")
	work := s.workDir()
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte("module w\n\ngo 1.21\n\ntoolchain go1.99.0\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	r := s.ctl("toolchains", "--dir", work)
	if r.code != exitOK || !strings.Contains(r.stdout, "is served by "+has) {
		t.Fatalf("toolchains: want exit 0 naming %s, got %v", has, r)
	}
}
