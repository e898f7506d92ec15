package inspect

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shirou/gopsutil/v4/process"

	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/shell"
)

// needShell skips the test if the shell is not installed.
func needShell(t *testing.T, name string) *shell.Shell {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("login shells are tested on Unix")
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install -y %s); skipping its tests", name, name)
	}
	return &shell.Shell{Path: p, Kind: origin.KindOf(name)}
}

// makeHome creates a temporary home directory with files (relative names).
func makeHome(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// desktopEnv is a fully constructed desktop environment: nothing of the
// real user's leaks in.
func desktopEnv(home string, extra ...string) []string {
	return append([]string{"HOME=" + home, "PATH=/usr/local/bin:/usr/bin:/bin", "USER=gomirror-test",
		"LOGNAME=gomirror-test", "LANG=C", "TERM=dumb", "XDG_CONFIG_HOME=" + filepath.Join(home, ".config")}, extra...)
}

// want is an expected origin: "file:line status" (file relative to home),
// or just the status when there is no file; value is the captured value,
// "-" for unset.
type want struct{ where, value string }

func check(t *testing.T, home string, r *Report, wants map[string]want) {
	t.Helper()
	if r.Terminal.Error != "" {
		t.Fatalf("terminal context: %s", r.Terminal.Error)
	}
	got := map[string]origin.Origin{}
	for _, o := range r.Origins {
		if o.Context == origin.Terminal {
			got[o.Var] = o
		}
	}
	for name, w := range wants {
		o, ok := got[name]
		if !ok {
			t.Errorf("%s: no origin, want %s", name, w.where)
			continue
		}
		where := string(o.Status)
		if o.File != "" {
			rel, _ := filepath.Rel(home, o.File)
			where = rel + ":" + strconv.Itoa(o.Line) + " " + where
		}
		value := o.Value
		if !o.Set {
			value = "-"
		}
		if where != w.where || value != w.value {
			t.Errorf("%s: origin %s value %q (note: %s), want %s value %q", name, where, value, o.Note, w.where, w.value)
		}
	}
}

func inspect(t *testing.T, sh *shell.Shell, home string, extra ...string) *Report {
	t.Helper()
	return Inspect(context.Background(), Options{DesktopEnv: desktopEnv(home, extra...), Shell: sh, GOOS: runtime.GOOS, Cwd: home})
}

func TestOriginsBash(t *testing.T) {
	sh := needShell(t, "bash")
	home := makeHome(t, map[string]string{
		".bash_profile": `echo "Welcome, $USER!"
. ~/.bashrc
export GOSUMDB=sum.example.test
GOFLAGS=-mod=mod; export GOFLAGS
source "$HOME/extra.sh"
unset GONOSUMDB
read -r answer
`,
		".bashrc": `# interactive settings
export GOPROXY=https://one.example.test
if [ -f ~/.goproxy ]; then . ~/.goproxy; fi
`,
		".goproxy": `export GOPROXY="https://two.example.test,direct"` + "\n",
		"extra.sh": `export GOPRIVATE=$(echo corp.example.test)
declare -x GOINSECURE=insecure.example.test
export GOTOOLCHAIN=local
if false; then export GOTOOLCHAIN=go1.99.0; fi
`,
		".profile": "export GOPROXY=https://never-read.example.test\n",
	})
	r := inspect(t, sh, home, "GONOSUMDB=nosum.example.test", "GOAUTH=netrc")
	check(t, home, r, map[string]want{
		"GOPROXY":     {".goproxy:1 confirmed", "https://two.example.test,direct"},
		"GOSUMDB":     {".bash_profile:3 confirmed", "sum.example.test"},
		"GOFLAGS":     {".bash_profile:4 confirmed", "-mod=mod"},
		"GOPRIVATE":   {"extra.sh:1 computed", "corp.example.test"},
		"GOINSECURE":  {"extra.sh:2 confirmed", "insecure.example.test"},
		"GOTOOLCHAIN": {"extra.sh:4 differs", "local"},
		"GONOSUMDB":   {".bash_profile:6 confirmed", "-"},
		"GOAUTH":      {"not-found-in-files", "netrc"},
	})
	for _, o := range r.Origins {
		if o.Var == "GOPROXY" && o.Context == origin.Terminal && (len(o.Earlier) != 1 || o.Earlier[0].Line != 2) {
			t.Errorf("GOPROXY earlier lines = %+v, want .bashrc:2", o.Earlier)
		}
	}
}

// TestOriginsBashStructure checks the scan against bash on what a line
// lexer gets wrong: a function's body runs where it is called (and not at
// all if never called), a here-document is data, and a command or a quoted
// value may span lines.
func TestOriginsBashStructure(t *testing.T) {
	sh := needShell(t, "bash")
	home := makeHome(t, map[string]string{
		".bash_profile": `load_go() {
  export GOPROXY=https://fn.example.test
}
unused() { export GOSUMDB=never.example.test; }
cat >/dev/null <<'EOF'
export GOFLAGS=-heredoc
EOF
if true
then
  export GONOSUMDB=multi.example.test
fi
export GOPRIVATE="a.example.test,
b.example.test"
load_go
`,
	})
	r := inspect(t, sh, home, "GOSUMDB=sum.example.test", "GOFLAGS=-mod=mod")
	check(t, home, r, map[string]want{
		"GOPROXY":   {".bash_profile:2 confirmed", "https://fn.example.test"},
		"GONOSUMDB": {".bash_profile:10 confirmed", "multi.example.test"},
		"GOPRIVATE": {".bash_profile:12 confirmed", "a.example.test,\nb.example.test"},
		"GOSUMDB":   {"not-found-in-files", "sum.example.test"},
		"GOFLAGS":   {"not-found-in-files", "-mod=mod"},
	})
}

func TestOriginsZsh(t *testing.T) {
	sh := needShell(t, "zsh")
	home := makeHome(t, map[string]string{
		".zshenv":     "export GOPROXY=https://env.example.test\n",
		".zprofile":   "typeset -x GOSUMDB=off\n",
		".zshrc":      "print -P '%F{green}banner%f'\nsource ~/.zsh/go.zsh\nread -q answer\n",
		".zsh/go.zsh": "export GOPROXY='https://zsh.example.test|direct'\nGOFLAGS=-modcacherw\n",
		".zlogin":     "unset GONOSUMDB\n",
	})
	r := inspect(t, sh, home, "GOFLAGS=-mod=mod", "GONOSUMDB=x.example.test")
	check(t, home, r, map[string]want{
		"GOPROXY":   {".zsh/go.zsh:1 confirmed", "https://zsh.example.test|direct"},
		"GOSUMDB":   {".zprofile:1 confirmed", "off"},
		"GOFLAGS":   {".zsh/go.zsh:2 confirmed", "-modcacherw"},
		"GONOSUMDB": {".zlogin:1 confirmed", "-"},
	})
}

// TestOriginsZshSyntax checks the scan against zsh on zsh's own syntax
// (glob qualifiers, parameter flags, anonymous functions): what the parser
// does not know costs at most its own line.
func TestOriginsZshSyntax(t *testing.T) {
	sh := needShell(t, "zsh")
	home := makeHome(t, map[string]string{
		".zshrc": `typeset -U path
path=(~/bin $path)
for f in ~/.zsh/*.zsh(N); do :; done
[[ -r ~/.zsh/go.zsh ]] && source ~/.zsh/go.zsh
print ${(j:,:)path} >/dev/null
() { export GOPROXY=https://anon.example.test; }
export GOSUMDB=${GOSUMDB:-off}
if [[ -o interactive ]]; then
  export GOFLAGS=-modcacherw
fi
`,
		".zsh/go.zsh": "export GOPRIVATE=corp.example.test\n",
	})
	r := inspect(t, sh, home)
	check(t, home, r, map[string]want{
		"GOPRIVATE": {".zsh/go.zsh:1 confirmed", "corp.example.test"},
		"GOPROXY":   {".zshrc:6 confirmed", "https://anon.example.test"},
		"GOSUMDB":   {".zshrc:7 computed", "off"},
		"GOFLAGS":   {".zshrc:9 confirmed", "-modcacherw"},
	})
}

func TestOriginsFish(t *testing.T) {
	sh := needShell(t, "fish")
	home := makeHome(t, map[string]string{
		".config/fish/conf.d/go.fish": "set -gx GOPROXY https://fish.example.test,direct\n",
		".config/fish/config.fish":    "echo banner\nread -l answer\nset -x GOPATH $HOME/go /opt/go\nset -e GONOSUMDB\nsource ~/.config/fish/more.fish\n",
		".config/fish/more.fish":      "set -gx GOSUMDB (echo sum.example.test)\n",
		".config/fish/fish_variables": "# This file contains fish universal variable definitions.\n# VERSION: 3.0\nSETUVAR --export GOPRIVATE:corp\\x2eexample\\x2etest\\x1eother\\x2eexample\\x2etest\n",
	})
	r := inspect(t, sh, home, "GONOSUMDB=x.example.test")
	check(t, home, r, map[string]want{
		"GOPROXY":   {".config/fish/conf.d/go.fish:1 confirmed", "https://fish.example.test,direct"},
		"GOPATH":    {".config/fish/config.fish:3 confirmed", home + "/go:/opt/go"},
		"GONOSUMDB": {".config/fish/config.fish:4 confirmed", "-"},
		"GOSUMDB":   {".config/fish/more.fish:1 computed", "sum.example.test"},
		"GOPRIVATE": {".config/fish/fish_variables:3 confirmed", "corp.example.test other.example.test"},
	})
}

func TestOriginsDash(t *testing.T) {
	sh := needShell(t, "dash")
	home := makeHome(t, map[string]string{
		".profile": "echo hello\nexport GOPROXY=https://dash.example.test\nENV=$HOME/.shrc; export ENV\nread x\n",
		".shrc":    "export GOSUMDB=off\n",
	})
	r := inspect(t, sh, home)
	check(t, home, r, map[string]want{
		"GOPROXY": {".profile:2 confirmed", "https://dash.example.test"},
		"GOSUMDB": {".shrc:1 confirmed", "off"},
	})
}

func TestShellExportShadowsEnvFile(t *testing.T) {
	sh := needShell(t, "bash")
	home := makeHome(t, map[string]string{
		".bash_profile":  "# Go\nexport GOPROXY=https://shell.example.test\n",
		".config/go/env": "GOPROXY=https://file.example.test,direct\n",
	})
	r := inspect(t, sh, home)
	if len(r.Diff) == 0 || r.Diff[0].Var != "GOPROXY" || r.Diff[0].Terminal != "https://shell.example.test" || r.Diff[0].Desktop != "https://file.example.test,direct" {
		t.Errorf("Diff = %+v, want GOPROXY shell vs file", r.Diff)
	}
	ps := Problems(context.Background(), r, time.Time{})
	var codes []string
	for _, p := range ps {
		codes = append(codes, p.Code)
		if p.Code != "shell-export-shadows-file" {
			continue
		}
		if p.File != filepath.Join(home, ".bash_profile") || p.Line != 2 {
			t.Errorf("problem at %s:%d, want .bash_profile:2", p.File, p.Line)
		}
		if !strings.Contains(p.Fix, "-export GOPROXY=https://shell.example.test\n+export GOPROXY=https://file.example.test,direct\n") {
			t.Errorf("fix has no diff preview writing the file's value:\n%s", p.Fix)
		}
	}
	for _, c := range []string{"shell-export-shadows-file", "contexts-differ"} {
		if !slices.Contains(codes, c) {
			t.Errorf("problems %v lack %s", codes, c)
		}
	}
}

func TestHangingRCFileTimesOutCleanly(t *testing.T) {
	sh := needShell(t, "bash")
	const marker = "987653"
	home := makeHome(t, map[string]string{".bash_profile": "export GOPROXY=https://shell.example.test\nsleep " + marker + "\n"})
	start := time.Now()
	r := Inspect(context.Background(), Options{DesktopEnv: desktopEnv(home, "GOSUMDB=off"), Shell: sh,
		GOOS: runtime.GOOS, Cwd: home, Timeout: 500 * time.Millisecond})
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Inspect took %s with a 500ms timeout", d)
	}
	if !strings.Contains(r.Terminal.Error, "did not finish within 500ms") || r.Terminal.Resolution != nil {
		t.Errorf("terminal context = %+v, want a timeout error and no resolution", r.Terminal)
	}
	if r.Desktop.Resolution == nil || r.Desktop.Resolution.Value("GOSUMDB") != "off" {
		t.Errorf("the desktop context should still be resolved")
	}
	ps, err := process.Processes()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for _, p := range ps {
		for {
			cmd, err := p.Cmdline()
			if err != nil || !strings.Contains(cmd, "sleep "+marker) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("process %d (%s) was left behind", p.Pid, cmd)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func TestDesktopOrigins(t *testing.T) {
	got := desktopOrigins([]origin.OSVar{
		{Var: "GOPROXY", Value: "https://sys.example.test", Scope: origin.ScopeSystem, Location: `HKLM\...`},
		{Var: "GOPROXY", Value: "https://user.example.test", Scope: origin.ScopeUser, Location: `HKCU\Environment`},
		{Var: "GOPROXY", Value: "https://stale.example.test", Scope: origin.ScopeProcess},
		{Var: "GOFLAGS", Value: "-mod=mod", Scope: origin.ScopeProcess},
	})
	if len(got) != 2 {
		t.Fatalf("desktopOrigins = %+v, want GOPROXY and GOFLAGS", got)
	}
	if o := got[0]; o.Scope != origin.ScopeUser || o.File != `HKCU\Environment` || o.Value != "https://user.example.test" || o.Status != origin.StatusConfirmed {
		t.Errorf("GOPROXY origin = %+v, want the user variable", o)
	}
	if o := got[1]; o.Scope != origin.ScopeProcess || o.Status != origin.StatusNotFound || o.Note == "" {
		t.Errorf("GOFLAGS origin = %+v, want this process's own, not found in a store", o)
	}
}

func TestLastChange(t *testing.T) {
	store := &history.Store{Dir: filepath.Join(t.TempDir(), "history")}
	if got, err := LastChange(store); err != nil || !got.IsZero() {
		t.Errorf("LastChange(empty) = %v, %v; want zero", got, err)
	}
	when := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	store.Add(history.Entry{Time: when.Add(-time.Hour), File: "a"})
	store.Add(history.Entry{Time: when, File: "a"})
	if got, _ := LastChange(store); !got.Equal(when) {
		t.Errorf("LastChange = %v, want %v", got, when)
	}
}

// TestTerminalStartsFromTheLoginEnvironment runs Inspect on this process's
// own environment, which holds a GOPROXY no rc file sets any more (as after
// "Comment out this line" in the app): a new terminal does not get it.
func TestTerminalStartsFromTheLoginEnvironment(t *testing.T) {
	sh := needShell(t, "bash")
	home := makeHome(t, map[string]string{".bashrc": "# export GOPROXY=https://old.example.test  # disabled by Go Mirror\n", ".bash_profile": ". ~/.bashrc\n"})
	t.Setenv("HOME", home)
	t.Setenv("GOPROXY", "https://old.example.test")
	r := Inspect(context.Background(), Options{Shell: sh, GOOS: runtime.GOOS, Cwd: home})
	if r.Terminal.Error != "" {
		t.Fatal(r.Terminal.Error)
	}
	if v, ok := origin.EnvMap(r.Terminal.Env, runtime.GOOS)["GOPROXY"]; ok {
		t.Errorf("a new terminal gets GOPROXY=%s, which only this process inherited", v)
	}
}
