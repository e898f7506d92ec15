package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/inspect"
	"github.com/gomirror/gomirror/core/service"
)

// shellFixture is a fixture whose login shell is bash, with a
// ~/.bash_profile that exports GOPROXY on line 2, and an env file that
// sets another GOPROXY.
func shellFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	f := newFixture(t, "SHELL="+bash)
	profile := filepath.Join(f.dir, "home", ".bash_profile")
	f.write(profile, "# Go\nexport GOPROXY=https://shell.example.test\n", 0o644)
	f.writeEnvFile("GOPROXY=https://file.example.test,direct\n")
	return f, profile
}

func TestOverviewShowsContextsAndOrigins(t *testing.T) {
	f, profile := shellFixture(t)
	u, w := f.newUI()
	o := u.overview
	o.selectSetting("GOPROXY")

	bar := o.contexts.bar
	if !bar.box.Visible() || !strings.Contains(bar.banner.Text, "GOPROXY") || bar.choice.Hidden {
		t.Fatalf("contexts bar shown %t, banner %q, choice hidden %t; want the differing GOPROXY and a choice",
			bar.box.Visible(), bar.banner.Text, bar.choice.Hidden)
	}
	p := o.detail.origins
	if !labelsContain(p.box, profile+":2") || !labelsContain(p.box, "export GOPROXY=https://shell.example.test") {
		t.Errorf("GOPROXY's origins do not show %s:2 and its line", profile)
	}
	if value, _ := settingItemText(t, w, "GOPROXY"); value != "https://file.example.test,direct" {
		t.Errorf("list shows GOPROXY = %q in the desktop context, want the env file's", value)
	}
	bar.choice.SetSelected(contextLabel(origin.Terminal))
	if value, _ := settingItemText(t, w, "GOPROXY"); value != "https://shell.example.test" {
		t.Errorf("list shows GOPROXY = %q in the terminal context, want the shell's", value)
	}
}

func TestOverviewFixCommentsOutAndUndoRestores(t *testing.T) {
	f, profile := shellFixture(t)
	before, _ := os.ReadFile(profile)
	u, _ := f.newUI()
	o := u.overview
	o.selectSetting("GOPROXY")

	p := o.detail.origins
	var a *originActions
	for _, x := range p.actions {
		if x.origin.Context == origin.Terminal && x.comment != nil {
			a = x
		}
	}
	if a == nil || a.replace == nil {
		t.Fatalf("GOPROXY's terminal origin offers no comment-out and replace buttons: %+v", p.actions)
	}
	test.Tap(a.comment)
	if p.plan == nil || p.diff == nil {
		t.Fatalf("Comment out shows no preview")
	}
	for _, want := range []string{"-export GOPROXY=https://shell.example.test", "+# export GOPROXY=https://shell.example.test  # disabled by Go Mirror"} {
		if !strings.Contains(p.diff.String(), want) {
			t.Errorf("preview diff lacks %q:\n%s", want, p.diff.String())
		}
	}
	p.onPreviewClosed(true)

	got, _ := os.ReadFile(profile)
	if string(got) != "# Go\n# export GOPROXY=https://shell.example.test  # disabled by Go Mirror\n" {
		t.Errorf(".bash_profile after the fix = %q", got)
	}
	if bar := o.contexts.bar; strings.Contains(bar.banner.Text, "GOPROXY") {
		t.Errorf("after the fix the banner still names GOPROXY: %q", bar.banner.Text)
	}

	test.Tap(o.detail.undo)
	if got, _ := os.ReadFile(profile); string(got) != string(before) {
		t.Errorf(".bash_profile after Undo = %q, want %q byte for byte", got, before)
	}
	if !labelsContain(p.box, profile+":2") {
		t.Errorf("after Undo the origin %s:2 is not shown again", profile)
	}
}

func TestOverviewFixReplaceWritesEnvFileValue(t *testing.T) {
	f, profile := shellFixture(t)
	u, _ := f.newUI()
	o := u.overview
	o.selectSetting("GOPROXY")
	for _, a := range o.detail.origins.actions {
		if a.replace != nil {
			test.Tap(a.replace)
		}
	}
	p := o.detail.origins
	if p.diff == nil || !strings.Contains(p.diff.String(), "+export GOPROXY=https://file.example.test,direct") {
		t.Fatalf("replace preview does not write the env file's value")
	}
	p.onPreviewClosed(false)
	if got, _ := os.ReadFile(profile); !strings.Contains(string(got), "export GOPROXY=https://shell.example.test\n") {
		t.Errorf("cancelling the preview changed the file: %q", got)
	}
}

func TestProcessesDialogListsStaleChild(t *testing.T) {
	f := newFixture(t)
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep command")
	}
	data, err := os.ReadFile(sleep)
	if err != nil {
		t.Fatal(err)
	}
	gopls := filepath.Join(t.TempDir(), "gopls")
	f.write(gopls, string(data), 0o755)
	child := exec.Command(gopls, "60")
	child.Env = []string{"GOPROXY=https://stale.example.test"}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { child.Process.Kill(); child.Wait() })

	u, _ := f.newUI()
	d := newProcessesDialog(f.svc, u.win, inline)
	d.open()
	want := fmt.Sprintf("gopls (PID %d): %s", child.Process.Pid, lang.L("processes.stale"))
	if !labelsContain(d.rows, want) {
		t.Errorf("the processes dialog does not show %q", want)
	}
}

// TestOverviewFixRecomputesNewTerminal is the case of Go Mirror started
// with the value the rc line exports (from a terminal, or a session that
// exported it at login): after "Comment out", a new terminal no longer
// gets it, and the panel says that only a re-login clears what the
// session itself exported.
func TestOverviewFixRecomputesNewTerminal(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	f := newFixture(t, "SHELL="+bash, "GOPROXY=https://shell.example.test")
	profile := filepath.Join(f.dir, "home", ".bash_profile")
	f.write(profile, "# Go\nexport GOPROXY=https://shell.example.test\n", 0o644)
	f.writeEnvFile("GOPROXY=https://file.example.test,direct\n")
	u, w := f.newUI()
	o := u.overview
	o.selectSetting("GOPROXY")
	p := o.detail.origins
	var comment *originActions
	for _, a := range p.actions {
		if a.origin.Context == origin.Terminal && a.comment != nil {
			comment = a
		}
	}
	if comment == nil {
		t.Fatalf("GOPROXY's terminal origin offers no comment-out button")
	}
	test.Tap(comment.comment)
	p.onPreviewClosed(true)

	cs := o.contexts
	if got := cs.report.Terminal.Resolution.Value("GOPROXY"); got != "https://file.example.test,direct" {
		t.Errorf("after the fix a new terminal's GOPROXY = %q, want the env file's", got)
	}
	for _, x := range cs.report.Origins {
		if x.Context == origin.Terminal && x.Var == "GOPROXY" && x.Set {
			t.Errorf("after the fix the terminal still has a GOPROXY origin: %+v", x)
		}
	}
	var codes []string
	for _, q := range problemsFor(cs.origins, "GOPROXY") {
		codes = append(codes, q.Code)
	}
	if strings.Join(codes, " ") != "session-only" {
		t.Errorf("GOPROXY findings after the fix = %v, want only session-only", codes)
	}
	if want := lang.L("contexts.relogin", map[string]any{"Vars": "GOPROXY"}); !strings.Contains(cs.bar.banner.Text, want) {
		t.Errorf("banner = %q, want it to say %q", cs.bar.banner.Text, want)
	}
	cs.bar.choice.SetSelected(contextLabel(origin.Terminal))
	if value, _ := settingItemText(t, w, "GOPROXY"); value != "https://file.example.test,direct" {
		t.Errorf("terminal context lists GOPROXY = %q, want the env file's", value)
	}
}

// TestOverviewOffersGoOnPath is a login shell whose PATH holds no go:
// the contexts bar says new terminals can't find go (not a GOROOT with
// an empty name), and its button previews and appends the line that adds
// the directory of the go Go Mirror found; afterwards a new terminal
// finds it, and Undo restores the file.
func TestOverviewOffersGoOnPath(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	f := newFixture(t, "SHELL="+bash)
	profile := filepath.Join(f.dir, "home", ".bash_profile")
	f.write(profile, "PATH=$HOME/bin\n", 0o644)
	u, _ := f.newUI()
	o := u.overview
	bar := o.contexts.bar
	bin := filepath.Join(f.goroot, "bin")
	if !strings.Contains(bar.banner.Text, "New terminals can't find go") || !strings.Contains(bar.banner.Text, bin) ||
		strings.Contains(bar.banner.Text, "runs the Go installation in") {
		t.Fatalf("banner = %q, want that new terminals can't find go in %s", bar.banner.Text, bin)
	}
	if bar.goPath.Hidden || !strings.Contains(bar.goPath.Text, profile) {
		t.Fatalf("fix button hidden %t, text %q; want one naming %s", bar.goPath.Hidden, bar.goPath.Text, profile)
	}
	test.Tap(bar.goPath)
	p := o.detail.origins
	if p.diff == nil || !strings.Contains(p.diff.String(), `+export PATH="$PATH":`+bin) {
		t.Fatalf("the fix shows no preview of the appended line")
	}
	p.onPreviewClosed(true)
	if got, _ := os.ReadFile(profile); string(got) != "PATH=$HOME/bin\nexport PATH=\"$PATH\":"+bin+"\n" {
		t.Errorf(".bash_profile after the fix = %q", got)
	}
	if r := o.contexts.report.Terminal.Resolution; r == nil || r.Goroot.Path != f.goroot {
		t.Errorf("after the fix a new terminal does not find %s", f.goroot)
	}
	if !bar.goPath.Hidden || strings.Contains(bar.banner.Text, "can't find go") {
		t.Errorf("after the fix the bar still offers it: %q", bar.banner.Text)
	}
	test.Tap(o.detail.undo)
	if got, _ := os.ReadFile(profile); string(got) != "PATH=$HOME/bin\n" {
		t.Errorf(".bash_profile after Undo = %q", got)
	}
}

// A desktop origin in the Windows user environment variables offers to
// remove it: the button previews exactly the registry value removed, with
// the note about running programs; confirming removes it, and Undo puts
// it back with its type.
func TestOverviewRemovesAWindowsUserVariable(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=https://file.example.test,direct\n")
	orig := history.RegistryValue{Data: "https://user.example.test", Type: history.RegSZ}
	env := &fix.MemUserEnv{Vars: map[string]history.RegistryValue{"GOPROXY": orig}}
	f.svc = service.New(service.Options{Env: f.env, Cwd: f.dir, ConfigDir: filepath.Join(f.dir, "gomirror"), UserEnv: env})
	u, _ := f.newUI()
	o := u.overview
	o.selectSetting("GOPROXY")
	p := o.detail.origins
	p.show(&inspect.Report{Desktop: inspect.Context{Name: origin.Desktop, Resolution: f.svc.Resolve()},
		Origins: []origin.Origin{{Context: origin.Desktop, Var: "GOPROXY", Value: orig.Data, Set: true,
			File: fix.UserEnvKey, Scope: origin.ScopeUser, Status: origin.StatusConfirmed}}}, "GOPROXY")
	var a *originActions
	for _, x := range p.actions {
		if x.removeUserVar != nil {
			a = x
		}
	}
	if a == nil || a.comment != nil {
		t.Fatalf("the user variable's origin offers no removal (or an rc-file fix): %+v", p.actions)
	}
	test.Tap(a.removeUserVar)
	if p.userVar == nil || !strings.Contains(p.diff.String(), "-    GOPROXY    REG_SZ    https://user.example.test") {
		t.Fatalf("Remove shows no preview of the registry value; diff %v", p.diff)
	}
	if _, ok := env.Vars["GOPROXY"]; !ok {
		t.Fatal("the preview removed the variable")
	}
	p.onUserVarPreviewClosed(true)
	if _, ok := env.Vars["GOPROXY"]; ok {
		t.Fatal("confirming did not remove the variable")
	}
	if !labelsContain(o.detail.outcome, `Removed GOPROXY from HKCU\Environment`) {
		t.Errorf("the outcome does not say what was removed: %v", labelTexts(o.detail.outcome))
	}
	test.Tap(o.detail.undo)
	if env.Vars["GOPROXY"] != orig {
		t.Errorf("after Undo GOPROXY = %+v, want %+v", env.Vars["GOPROXY"], orig)
	}
	if lang.L("origins.removeuservar") != a.removeUserVar.Text {
		t.Errorf("button reads %q", a.removeUserVar.Text)
	}
}
