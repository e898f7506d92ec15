package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

// shellSandbox is a sandbox whose login shell is bash, with a
// ~/.bash_profile that sources ~/.bashrc, which exports GOPROXY on line 2.
func shellSandbox(t *testing.T) *sandbox {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	s := newSandbox(t, "SHELL="+bash)
	s.writeHome(".bash_profile", "echo banner\n. ~/.bashrc\n")
	s.writeHome(".bashrc", "# Go\nexport GOPROXY=https://shell.example.test\n")
	return s
}

// writeHome writes a file under the sandbox's HOME.
func (s *sandbox) writeHome(name, content string) {
	s.t.Helper()
	if err := os.WriteFile(filepath.Join(s.home, name), []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// readHome returns a file under the sandbox's HOME.
func (s *sandbox) readHome(name string) string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(s.home, name))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(data)
}

func TestOriginsNamesTheRCFileLine(t *testing.T) {
	s := shellSandbox(t)
	r := s.ctl("origins", "--json", "GOPROXY")
	mustSucceed(t, r, "origins --json GOPROXY")
	var out struct {
		TerminalError string       `json:"terminal_error"`
		Origins       []originJSON `json:"origins"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("origins --json does not parse: %v\n%s", err, r.stdout)
	}
	if len(out.Origins) != 1 {
		t.Fatalf("origins --json GOPROXY = %+v (terminal error %q), want one terminal origin", out.Origins, out.TerminalError)
	}
	o := out.Origins[0]
	want := originJSON{Context: "terminal", Var: "GOPROXY", Value: "https://shell.example.test", Set: true,
		File: filepath.Join(s.home, ".bashrc"), Line: 2, Text: "export GOPROXY=https://shell.example.test", Status: "confirmed"}
	if o.Context != want.Context || o.File != want.File || o.Line != want.Line || o.Text != want.Text || o.Value != want.Value || o.Status != want.Status {
		t.Errorf("origin = %+v\nwant %+v", o, want)
	}
	if r := s.ctl("origins", "GOPROXY"); !strings.Contains(r.stdout, filepath.Join(s.home, ".bashrc")+":2") {
		t.Errorf("origins GOPROXY does not name .bashrc:2:\n%v", r)
	}
	if r := s.ctl("origins", "NOTAVAR"); r.code != exitRefused {
		t.Errorf("origins NOTAVAR: want exit 2, got %v", r)
	}
}

func TestEnvContextTerminal(t *testing.T) {
	s := shellSandbox(t)
	term := s.envJSON("--context", "terminal", "GOPROXY").Vars["GOPROXY"]
	if term.Value != "https://shell.example.test" || term.Source != core.SourceProcessEnv {
		t.Errorf("env --context terminal: GOPROXY = %q from %s, want the shell's export from process-env", term.Value, term.Source)
	}
	own := s.envJSON("GOPROXY").Vars["GOPROXY"]
	if own.Value != "https://proxy.example.test,direct" || own.Source != core.SourceGorootEnv {
		t.Errorf("env: GOPROXY = %q from %s, want gomirrorctl's own environment (go.env)", own.Value, own.Source)
	}
	if r := s.ctl("env", "--context", "bogus"); r.code != exitRefused {
		t.Errorf("env --context bogus: want exit 2, got %v", r)
	}
}

// doctorCodes runs doctor --json args... and returns the problems.
func (s *sandbox) doctorProblems(args ...string) []core.Problem {
	s.t.Helper()
	r := s.ctl(append([]string{"doctor", "--json"}, args...)...)
	mustSucceed(s.t, r, "doctor --json")
	var out doctorOutput
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		s.t.Fatalf("doctor --json does not parse: %v\n%s", err, r.stdout)
	}
	return out.Problems
}

func findProblem(ps []core.Problem, code string) (core.Problem, bool) {
	for _, p := range ps {
		if p.Code == code {
			return p, true
		}
	}
	return core.Problem{}, false
}

func TestDoctorReportsShellExportShadowingFile(t *testing.T) {
	s := shellSandbox(t)
	s.writeEnvFile("GOPROXY=https://file.example.test,direct\n")
	p, ok := findProblem(s.doctorProblems(), "shell-export-shadows-file")
	if !ok {
		t.Fatalf("doctor --json lacks shell-export-shadows-file")
	}
	if p.Var != "GOPROXY" || p.File != filepath.Join(s.home, ".bashrc") || p.Line != 2 {
		t.Errorf("finding = %s at %s:%d, want GOPROXY at .bashrc:2", p.Var, p.File, p.Line)
	}
	if !strings.Contains(p.Fix, "+export GOPROXY=https://file.example.test,direct") {
		t.Errorf("fix has no diff writing the env file's value there:\n%s", p.Fix)
	}
	if _, ok := findProblem(s.doctorProblems("--no-shell"), "shell-export-shadows-file"); ok {
		t.Errorf("doctor --no-shell ran the login shell")
	}
}

func TestProcessesReportsStaleChild(t *testing.T) {
	s := newSandbox(t)
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep command")
	}
	data, err := os.ReadFile(sleep)
	if err != nil {
		t.Fatal(err)
	}
	gopls := filepath.Join(t.TempDir(), "gopls")
	if err := os.WriteFile(gopls, data, 0o755); err != nil {
		t.Fatal(err)
	}
	child := exec.Command(gopls, "60")
	child.Env = []string{"GOPROXY=https://stale.example.test", "PATH=/usr/bin:/bin"}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { child.Process.Kill(); child.Wait() })

	r := s.ctl("processes", "--json")
	mustSucceed(t, r, "processes --json")
	var out struct {
		Processes []struct {
			PID        int    `json:"pid"`
			Kind       string `json:"kind"`
			State      string `json:"state"`
			Hint       string `json:"hint"`
			Mismatches []struct{ Var, Has, Want string }
		} `json:"processes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("processes --json does not parse: %v\n%s", err, r.stdout)
	}
	for _, p := range out.Processes {
		if p.PID != child.Process.Pid {
			continue
		}
		if p.Kind != "gopls" || p.State != "stale" || p.Hint == "" || len(p.Mismatches) == 0 || p.Mismatches[0].Has != "https://stale.example.test" {
			t.Errorf("child = %+v, want a stale gopls holding GOPROXY=https://stale.example.test", p)
		}
		return
	}
	t.Errorf("processes --json does not list the child %d:\n%s", child.Process.Pid, r.stdout)
}

func TestFixCommentOutAndUndo(t *testing.T) {
	s := shellSandbox(t)
	before := s.readHome(".bashrc")
	at := filepath.Join(s.home, ".bashrc") + ":2"

	r := s.ctl("fix", "comment-out", at)
	mustSucceed(t, r, "fix comment-out (preview)")
	if !strings.Contains(r.stdout, "+# export GOPROXY=https://shell.example.test  # disabled by Go Mirror") {
		t.Errorf("preview shows no diff:\n%v", r)
	}
	if got := s.readHome(".bashrc"); got != before {
		t.Fatalf("the preview changed .bashrc to %q", got)
	}

	mustSucceed(t, s.ctl("fix", "comment-out", at, "--yes"), "fix comment-out --yes")
	if got := s.readHome(".bashrc"); got != "# Go\n# export GOPROXY=https://shell.example.test  # disabled by Go Mirror\n" {
		t.Errorf(".bashrc after the fix = %q", got)
	}
	if v := s.envJSON("--context", "terminal", "GOPROXY").Vars["GOPROXY"]; v.Source == core.SourceProcessEnv {
		t.Errorf("after the fix a new terminal still gets GOPROXY=%q from the shell", v.Value)
	}

	r = s.ctl("undo")
	mustSucceed(t, r, "undo")
	if want := "line 2: export GOPROXY=https://shell.example.test (was # export GOPROXY=https://shell.example.test  # disabled by Go Mirror)"; !strings.Contains(r.stdout, want) {
		t.Errorf("undo reports\n%s\nwant the line it restored: %s", r.stdout, want)
	}
	if got := s.readHome(".bashrc"); got != before {
		t.Errorf(".bashrc after undo = %q, want %q byte for byte", got, before)
	}
	if r := s.ctl("fix", "comment-out", filepath.Join(s.home, ".bashrc")+":1", "--yes"); r.code != exitRefused {
		t.Errorf("fix of a line that sets no Go variable: want exit 2, got %v", r)
	}
}

func TestDoctorAndFixGoOnPath(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	s := newSandbox(t, "SHELL="+bash)
	s.writeHome(".bash_profile", "PATH=$HOME/bin\n")
	bin := filepath.Join(realGoroot, "bin")
	for _, c := range []string{"doctor", "origins"} {
		r := s.ctl(c)
		if !strings.Contains(r.stdout, "New terminals can't find go") || !strings.Contains(r.stdout, bin) {
			t.Errorf("%s does not say that new terminals can't find go in %s:\n%v", c, bin, r)
		}
	}
	r := s.ctl("fix", "go-on-path")
	mustSucceed(t, r, "fix go-on-path (preview)")
	if !strings.Contains(r.stdout, `+export PATH="$PATH":`+bin) {
		t.Errorf("preview shows no appended line:\n%v", r)
	}
	mustSucceed(t, s.ctl("fix", "go-on-path", "--yes"), "fix go-on-path --yes")
	if got := s.readHome(".bash_profile"); got != "PATH=$HOME/bin\nexport PATH=\"$PATH\":"+bin+"\n" {
		t.Errorf(".bash_profile after the fix = %q", got)
	}
	if r := s.ctl("doctor"); strings.Contains(r.stdout, "can't find go") {
		t.Errorf("doctor after the fix still reports it:\n%v", r)
	}
	mustSucceed(t, s.ctl("undo"), "undo")
	if got := s.readHome(".bash_profile"); got != "PATH=$HOME/bin\n" {
		t.Errorf(".bash_profile after undo = %q", got)
	}
}

func TestFixJSON(t *testing.T) {
	s := shellSandbox(t)
	at := filepath.Join(s.home, ".bashrc") + ":2"
	var out struct {
		Plan struct {
			File, Diff string
			Line       int
		} `json:"plan"`
		Applied bool   `json:"applied"`
		ID      string `json:"id"`
	}
	r := s.ctl("fix", "comment-out", at, "--json")
	mustSucceed(t, r, "fix comment-out --json")
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || out.Applied || out.Plan.Line != 2 || !strings.Contains(out.Plan.Diff, "# disabled by Go Mirror") {
		t.Errorf("fix --json (preview) = %+v, %v\n%s", out, err, r.stdout)
	}
	r = s.ctl("fix", "comment-out", at, "--json", "--yes")
	mustSucceed(t, r, "fix comment-out --json --yes")
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || !out.Applied || out.ID == "" {
		t.Errorf("fix --json --yes = %+v, %v\n%s", out, err, r.stdout)
	}
}
