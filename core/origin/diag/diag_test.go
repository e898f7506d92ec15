package diag

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/procs"
	"github.com/gomirror/gomirror/core/resolve"
)

// resolution resolves env against a temp home whose env file holds
// envFile.
func resolution(t *testing.T, envFile string, env ...string) *resolve.Resolution {
	t.Helper()
	return resolutionIn(t, t.TempDir(), envFile, env...)
}

// resolutionIn is resolution with the given home.
func resolutionIn(t *testing.T, home, envFile string, env ...string) *resolve.Resolution {
	t.Helper()
	if envFile != "" {
		os.MkdirAll(filepath.Join(home, "go"), 0o755)
		os.WriteFile(filepath.Join(home, "go", "env"), []byte(envFile), 0o644)
	}
	env = append(env, "HOME="+home, "XDG_CONFIG_HOME="+home, "AppData="+home)
	return resolve.Resolve(resolve.Input{Env: env, GOOS: "linux", Cwd: home})
}

func codes(ps []core.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Var+":"+p.Code)
	}
	return out
}

func TestOSVarsShadowFile(t *testing.T) {
	r := resolution(t, "GOPROXY=https://file.example.test\nGOSUMDB=sum.example.test\nGOFLAGS=-mod=mod\n")
	vars := []origin.OSVar{
		{Var: "GOPROXY", Value: "https://system.example.test", Scope: origin.ScopeSystem, Location: `HKLM\...\Environment`},
		{Var: "GOPROXY", Value: "https://user.example.test", Scope: origin.ScopeUser, Location: `HKCU\Environment`},
		{Var: "GOSUMDB", Value: "off", Scope: origin.ScopeSystem},
		{Var: "GOFLAGS", Value: "-mod=mod", Scope: origin.ScopeLaunchctl}, // same value: fine
		{Var: "GOPRIVATE", Value: "corp.example.test", Scope: origin.ScopeLaunchctl},
		{Var: "GOFLAGS", Value: "-x", Scope: origin.ScopeProcess},
	}
	got := codes(Run(Input{Desktop: r, OSVars: vars}))
	want := []string{"GOPROXY:" + CodeUserVarShadows, "GOSUMDB:" + CodeSystemVarShadows}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %v, want %v", got, want)
	}
}

func TestProcesses(t *testing.T) {
	ps := Run(Input{Processes: []procs.Process{
		{PID: 1, Name: "gopls", State: procs.StateStale, Reason: "r1", Hint: "h1", Mismatches: []procs.Mismatch{{Var: "GOPROXY"}}},
		{PID: 2, Name: "code", State: procs.StateUnknown, Reason: "r2", Hint: "h2"},
		{PID: 3, Name: "dlv", State: procs.StateOK},
	}})
	got := codes(ps)
	if want := []string{"GOPROXY:" + CodeStaleProcess, ":" + CodeProcessUnknown}; !slices.Equal(got, want) {
		t.Errorf("findings = %v, want %v", got, want)
	}
	if ps[0].Message != "r1" || ps[0].Fix != "h1" || ps[1].Severity != core.SeverityInfo {
		t.Errorf("findings = %+v", ps)
	}

	// A process listed by procs carries its reason and hint as snippets.
	p := procs.Process{PID: 4, Name: "gopls", State: procs.StateStale, Mismatches: []procs.Mismatch{{Var: "GOPROXY", Has: "off", Want: "direct"}},
		ReasonCode: "procs.stale-env", ReasonArgs: map[string]string{"Name": "gopls", "PID": "4", "Var": "GOPROXY", "Has": "off", "Want": "direct"},
		HintCode: procs.HintCode(procs.KindGopls), Hint: procs.Hint(procs.KindGopls)}
	got0 := Run(Input{Processes: []procs.Process{p}})[0]
	want := `gopls (PID 4) still has GOPROXY=off in its environment; the effective value is now "direct".`
	if m, f := core.English.Problem(got0); got0.Message != want || got0.Fix != p.Hint || m != want || f != p.Hint {
		t.Errorf("stale finding = %q, %q; want %q and the hint, templated", got0.Message, got0.Fix, want)
	}
}

// goroot makes a fake Go installation with a go binary and go.env.
func goroot(t *testing.T, goEnv string) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "bin"), 0o755)
	os.MkdirAll(filepath.Join(dir, "pkg", "tool"), 0o755)
	os.WriteFile(filepath.Join(dir, "bin", "go"), []byte("#!/bin/sh\n"), 0o755)
	os.WriteFile(filepath.Join(dir, "go.env"), []byte(goEnv), 0o644)
	return dir
}

func TestInstallationsDiffer(t *testing.T) {
	a := goroot(t, "GOPROXY=https://a.example.test,direct\nGOSUMDB=sum.a.example.test\nGOTOOLCHAIN=auto\n")
	b := goroot(t, "GOPROXY=https://a.example.test,direct\nGOSUMDB=sum.a.example.test\nGOTOOLCHAIN=local\n")
	c := goroot(t, "GOPROXY=https://a.example.test,direct\nGOSUMDB=sum.a.example.test\nGOTOOLCHAIN=auto\n")
	path := strings.Join([]string{filepath.Join(a, "bin"), "relative/bin", filepath.Join(b, "bin"), filepath.Join(a, "bin"), filepath.Join(c, "bin")}, ":")
	ins := Installations([]string{"PATH=" + path}, "linux", nil)
	if len(ins) != 3 || !ins[0].First || ins[1].First || ins[0].Goroot != a || ins[1].Goroot != b {
		t.Fatalf("Installations = %+v, want a (first), b, c", ins)
	}
	ps := Run(Input{Installations: ins})
	if len(ps) != 1 || ps[0].Code != CodeInstallationsDiffer {
		t.Fatalf("findings = %v, want one %s (c's go.env equals a's)", codes(ps), CodeInstallationsDiffer)
	}
	if !strings.Contains(ps[0].Message, "GOTOOLCHAIN=auto vs local") {
		t.Errorf("message = %q, want the differing key", ps[0].Message)
	}
	if err := core.CheckRendered(ps[0]); err != nil {
		t.Errorf("%s is not templated: %v", ps[0].Code, err)
	}
}

func TestContextsDifferAndShadowWithoutALine(t *testing.T) {
	home := t.TempDir()
	desk := resolutionIn(t, home, "GOPROXY=https://file.example.test\n")
	term := resolutionIn(t, home, "GOPROXY=https://file.example.test\n", "GOPROXY=https://inherited.example.test")
	origins := []origin.Origin{{Context: origin.Terminal, Var: "GOPROXY", Value: "https://inherited.example.test", Set: true, Status: origin.StatusNotFound}}
	ps := Run(Input{Desktop: desk, Terminal: term, Origins: origins, Shell: origin.Bash})
	got := codes(ps)
	want := []string{"GOPROXY:" + CodeShellShadowsFile, "GOPROXY:" + CodeContextsDiffer}
	if !slices.Equal(got, want) {
		t.Fatalf("findings = %v, want %v", got, want)
	}
	if ps[0].File != "" || !strings.Contains(ps[0].Message, "could not find") {
		t.Errorf("shadow finding without a line = %+v, want it to say the line was not found", ps[0])
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"https://u:pw@a.example.test,direct": "https://u:xxxxx@a.example.test,direct",
		"https://a.example.test|off":         "https://a.example.test|off",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
	if got := redactText("-export GOPROXY='https://u:pw@a.example.test'\n"); got != "-export GOPROXY='https://u:xxxxx@a.example.test'\n" {
		t.Errorf("redactText = %q", got)
	}
}

// TestFindingsAreTemplated checks that the findings are their codes'
// templates, so that the GUI can translate them, in the English the CLI
// prints.
func TestFindingsAreTemplated(t *testing.T) {
	home := t.TempDir()
	rc := filepath.Join(home, ".bashrc")
	os.WriteFile(rc, []byte("export GOPROXY=https://old.example.test\nexport GOPROXY=https://shell.example.test\n"), 0o644)
	desk := resolutionIn(t, home, "GOPROXY=https://file.example.test\n")
	term := resolutionIn(t, home, "GOPROXY=https://file.example.test\n", "GOPROXY=https://shell.example.test")
	o := origin.Origin{Context: origin.Terminal, Var: "GOPROXY", Value: "https://shell.example.test", Set: true,
		File: rc, Line: 2, Status: origin.StatusConfirmed, Earlier: []origin.Site{{File: rc, Line: 1}}}
	ps := Run(Input{Desktop: desk, Terminal: term, Origins: []origin.Origin{o}, Shell: origin.Bash,
		OSVars: []origin.OSVar{{Var: "GOPROXY", Value: "https://launchd.example.test", Scope: origin.ScopeLaunchctl}}})
	want := map[string]string{
		CodeShellShadowsFile: "In a new terminal, line 2 of " + rc + " sets GOPROXY=https://shell.example.test, which overrides the env file's GOPROXY=https://file.example.test: go env -w has no effect there.",
		CodeContextsDiffer:   "In a new terminal GOPROXY is https://shell.example.test, but apps started from the desktop, such as IDEs, get https://file.example.test: the go command behaves differently in each. The terminal's value comes from " + rc + " line 2.",
		CodeLaunchctlShadows: "The launchd variable (set with launchctl setenv) GOPROXY=https://launchd.example.test overrides the env file's GOPROXY=https://file.example.test for every app started from the desktop, such as your IDE: go env -w has no effect there.",
	}
	for _, p := range ps {
		if err := core.CheckRendered(p); err != nil {
			t.Errorf("%s is not templated: %v", p.Code, err)
		}
		if w, ok := want[p.Code]; ok && p.Message != w {
			t.Errorf("%s message =\n%q\nwant\n%q", p.Code, p.Message, w)
		}
		if p.Code == CodeShellShadowsFile && !strings.HasPrefix(p.Fix, "Remove line 2 of "+rc+" (Go Mirror can comment it out), and the 1 earlier lines that set it ("+rc+":1), or write the value there instead:\n--- ") {
			t.Errorf("%s fix = %q", p.Code, p.Fix)
		}
		delete(want, p.Code)
	}
	if len(want) > 0 {
		t.Errorf("no findings %v among %v", want, codes(ps))
	}

	// An export Go Mirror cannot place keeps the origin's note.
	o = origin.Origin{Context: origin.Terminal, Var: "GOPROXY", Value: "https://shell.example.test", Set: true, Status: origin.StatusNotFound}
	o.SetNote("origin.not-found", map[string]string{"Var": "GOPROXY"})
	p := Run(Input{Terminal: term, Origins: []origin.Origin{o}})[0]
	if core.CheckRendered(p) != nil || !strings.HasSuffix(p.Message, "could not find the rc-file line that sets it. No rc file line sets GOPROXY: it was inherited from the environment the shell started with, or set by a file Go Mirror cannot see.") {
		t.Errorf("shadow finding with a note = %q (%v)", p.Message, core.CheckRendered(p))
	}
}

// TestShellRCError reports the first error a login shell printed while
// reading its rc files; a PowerShell profile refused by the execution
// policy (as recorded in core/origin/shell/testdata/pwsh) gets its own fix.
func TestShellRCError(t *testing.T) {
	blocked := `File C:\Users\ann\Documents\WindowsPowerShell\Microsoft.PowerShell_profile.ps1 cannot be loaded because running scripts is disabled on this system. For more information, see about_Execution_Policies at https:/go.microsoft.com/fwlink/?LinkID=135170.`
	cases := []struct {
		shell   origin.ShellKind
		problem string
		code    string
	}{
		{origin.Pwsh, blocked, CodeProfileBlocked},
		{origin.Pwsh, "Write-Error: This is a test", CodeTerminalRCError},
		{origin.Bash, "/home/ann/.bashrc: line 3: gvm: command not found", CodeTerminalRCError},
		{origin.Bash, "", ""},
	}
	for _, c := range cases {
		ps := TerminalFindings(Input{Shell: c.shell, ShellProblem: c.problem})
		if c.code == "" {
			if len(ps) != 0 {
				t.Errorf("%q: findings %+v, want none", c.problem, ps)
			}
			continue
		}
		if len(ps) != 1 || ps[0].Code != c.code || !strings.Contains(ps[0].Message, c.problem) || ps[0].Fix == "" {
			t.Errorf("%s %q: findings %+v, want one %s naming the error, with a fix", c.shell, c.problem, ps, c.code)
		}
	}
}

// A desktop context whose GOPROXY comes from the user registry (and
// GOFLAGS from a REG_EXPAND_SZ value) is offered the fix that removes it,
// with a preview of exactly what is removed; a system variable is left to
// an administrator, with the command to run.
func TestUserVarOffersTheFix(t *testing.T) {
	r := resolution(t, "GOPROXY=https://file.example.test\nGOFLAGS=-mod=mod\nGOSUMDB=sum.example.test\n")
	vars := []origin.OSVar{
		{Var: "GOPROXY", Value: "https://system.example.test", Scope: origin.ScopeSystem, Location: fix.SystemEnvKey, Type: "REG_SZ"},
		{Var: "GOPROXY", Value: "https://bob:pw@user.example.test", Scope: origin.ScopeUser, Location: fix.UserEnvKey, Type: "REG_SZ"},
		{Var: "GOFLAGS", Value: `-modfile=C:\Users\bob\go.mod`, Raw: `-modfile=%USERPROFILE%\go.mod`, Scope: origin.ScopeUser, Location: fix.UserEnvKey, Type: "REG_EXPAND_SZ"},
		{Var: "GOSUMDB", Value: "off", Scope: origin.ScopeSystem, Location: fix.SystemEnvKey, Type: "REG_SZ"},
	}
	ps := Run(Input{Desktop: r, OSVars: vars})
	byVar := map[string]core.Problem{}
	for _, p := range ps {
		byVar[p.Var] = p
		if err := core.CheckRendered(p); err != nil {
			t.Error(err)
		}
	}
	p := byVar["GOPROXY"]
	if p.Code != CodeUserVarShadows || p.Args["Command"] != "gomirrorctl fix user-var GOPROXY" ||
		p.Args["Preview"] != "  HKEY_CURRENT_USER\\Environment\n-    GOPROXY    REG_SZ    https://bob:xxxxx@user.example.test\n" {
		t.Errorf("GOPROXY finding = %+v", p)
	}
	for _, want := range []string{
		"Remove GOPROXY from your Windows user environment variables (so the go env -w value takes effect in apps and terminals started afterwards)",
		"gomirrorctl fix user-var GOPROXY", "restart them",
		"The system variable GOPROXY=https://system.example.test then takes over",
	} {
		if !strings.Contains(p.Fix, want) {
			t.Errorf("GOPROXY fix = %q, want it to say %q", p.Fix, want)
		}
	}
	if strings.Contains(p.Message+p.Fix, "pw@") {
		t.Errorf("GOPROXY finding shows the password: %q %q", p.Message, p.Fix)
	}
	if g := byVar["GOFLAGS"]; g.Code != CodeUserVarShadows || !strings.Contains(g.Args["Preview"], `REG_EXPAND_SZ    -modfile=%USERPROFILE%\go.mod`) || strings.Contains(g.Fix, "system variable") {
		t.Errorf("GOFLAGS finding = %+v, want the unexpanded REG_EXPAND_SZ value in its preview and no system variable", g)
	}
	s := byVar["GOSUMDB"]
	if s.Code != CodeSystemVarShadows || !strings.Contains(s.Fix, "needs an administrator") ||
		!strings.Contains(s.Fix, `run [Environment]::SetEnvironmentVariable('GOSUMDB', $null, 'Machine')`) {
		t.Errorf("GOSUMDB finding = %+v, want the administrator's command", s)
	}
	zhMsg, zhFix := core.NewLang("zh-Hans").Problem(p)
	if !strings.Contains(zhFix, "gomirrorctl fix user-var GOPROXY") || !strings.Contains(zhMsg, "GOPROXY") {
		t.Errorf("Chinese GOPROXY finding = %q %q", zhMsg, zhFix)
	}
}
