package service

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/diag"
)

// shellFixture is a fixture whose login shell is bash: ~/.bash_profile
// sets GOPROXY on line 1 and again, after a comment, on line 3 (the line
// that wins); the env file sets another value.
func shellFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	f := newFixture(t, "SHELL="+bash)
	profile := filepath.Join(f.dir, "home", ".bash_profile")
	f.write(profile, "export GOPROXY=https://early.example.test\n# Go\nexport GOPROXY=https://shell.example.test\n")
	f.write(f.envFile, "GOPROXY=https://file.example.test,direct\n")
	return f, profile
}

func TestInspectUsesTheServiceEnvironment(t *testing.T) {
	f, profile := shellFixture(t)
	r := f.svc.Inspect(context.Background(), InspectOptions{})
	term, ok := r.Context(origin.Terminal)
	if !ok {
		t.Fatalf("no terminal context: %s", term.Error)
	}
	if got := term.Resolution.Value("GOPROXY"); got != "https://shell.example.test" {
		t.Errorf("terminal GOPROXY = %q, want the shell's", got)
	}
	if got := r.Desktop.Resolution.Value("GOPROXY"); got != "https://file.example.test,direct" {
		t.Errorf("desktop GOPROXY = %q, want the env file's", got)
	}
	origins := r.OriginsOf("GOPROXY")
	if len(origins) != 1 || origins[0].File != profile || origins[0].Line != 3 {
		t.Errorf("GOPROXY origins = %+v, want %s:3", origins, profile)
	}
	ps := f.svc.DoctorWithOrigins(context.Background(), r)
	found := false
	for _, p := range ps {
		found = found || p.Code == diag.CodeShellShadowsFile
	}
	if !found {
		t.Errorf("DoctorWithOrigins lacks %s: %+v", diag.CodeShellShadowsFile, ps)
	}
	if r := f.svc.Inspect(context.Background(), InspectOptions{NoShell: true}); r.Terminal.Resolution != nil || r.Terminal.Error == "" {
		t.Errorf("NoShell: terminal context = %+v, want none and a reason", r.Terminal)
	}
}

func TestPlanAndApplyFixThenUndo(t *testing.T) {
	f, profile := shellFixture(t)
	before, _ := os.ReadFile(profile)
	r := f.svc.Inspect(context.Background(), InspectOptions{})

	if _, err := f.svc.PlanCommentOut(r, profile, 2); refusalCode(err) != "rc-line-unknown" {
		t.Errorf("PlanCommentOut of a comment line: err %v, want rc-line-unknown", err)
	}
	early, err := f.svc.PlanCommentOut(r, profile, 1)
	if err != nil || early.Var != "GOPROXY" {
		t.Errorf("PlanCommentOut of an earlier line = %+v, %v; want a plan for GOPROXY", early, err)
	}
	rep, err := f.svc.PlanReplace(r, profile, 3, "")
	if err != nil || rep.New != "export GOPROXY=https://file.example.test,direct" {
		t.Fatalf("PlanReplace = %+v, %v; want the env file's value in the shell's syntax", rep, err)
	}
	if _, err := f.svc.ApplyFix(rep); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(profile); !strings.Contains(string(got), "\nexport GOPROXY=https://file.example.test,direct\n") {
		t.Errorf("after ApplyFix the profile is %q", got)
	}
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(profile); string(got) != string(before) {
		t.Errorf("after Undo the profile is %q, want %q byte for byte", got, before)
	}
}

func TestInspectable(t *testing.T) {
	if !New(Options{}).Inspectable() {
		t.Errorf("a service on the real file system is not inspectable")
	}
	if New(Options{FS: mapFS{}}).Inspectable() {
		t.Errorf("a service on a test file system is inspectable")
	}
}

// mapFS is a core.FS that is not the real file system.
type mapFS struct{ fstest.MapFS }

func (mapFS) EvalSymlinks(name string) (string, error) { return name, nil }
