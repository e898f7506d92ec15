package main

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/private/cred/credtest"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/internal/testenv"
)

// userVarCLI is a cli whose service sees the user environment variables
// of env (a Windows registry in memory) and records into a temp dir.
func userVarCLI(t *testing.T, env *fix.MemUserEnv) (*cli, *strings.Builder, *strings.Builder) {
	t.Helper()
	m := testenv.New(t, testenv.WithGoEnv("GOPROXY=https://proxy.example.test,direct\n"), testenv.Vars("PATH="))
	var out, errb strings.Builder
	c := &cli{stdout: &out, stderr: &errb, env: m.FirstWins()}
	c.svc = service.New(service.Options{Env: c.env, Cwd: m.Dir, ConfigDir: filepath.Join(m.Dir, "gomirror"),
		Source: history.SourceCLI, UserEnv: env, Keyring: &credtest.Keyring{}})
	return c, &out, &errb
}

func TestFixUserVarPreviewsThenRemovesWithUndo(t *testing.T) {
	msgs = core.English
	orig := history.RegistryValue{Data: "https://alice:s3cret@user.example.test", Type: history.RegSZ}
	env := &fix.MemUserEnv{Vars: map[string]history.RegistryValue{"GOPROXY": orig}}
	c, out, _ := userVarCLI(t, env)
	if code := runFix(c, fixCmd, []string{"user-var", "GOPROXY"}); code != exitOK {
		t.Fatalf("fix user-var GOPROXY: exit %d", code)
	}
	want := `Remove GOPROXY from your Windows user environment variables (HKCU\Environment):

  HKEY_CURRENT_USER\Environment
-    GOPROXY    REG_SZ    https://alice:xxxxx@user.example.test

The go env -w value then takes effect in apps and terminals started afterwards. Programs already running keep their copy of GOPROXY: restart them.
Nothing was changed; run again with --yes to remove it.
`
	if out.String() != want {
		t.Errorf("preview =\n%s\nwant\n%s", out, want)
	}
	if _, ok := env.Vars["GOPROXY"]; !ok {
		t.Fatal("the preview removed the variable")
	}

	out.Reset()
	if code := runFix(c, fixCmd, []string{"user-var", "GOPROXY", "--yes", "--json"}); code != exitOK {
		t.Fatalf("fix user-var GOPROXY --yes --json: exit %d", code)
	}
	var got struct {
		Plan    fix.UserVarPlan `json:"plan"`
		Applied bool            `json:"applied"`
		ID      string          `json:"id"`
	}
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, out)
	}
	if !got.Applied || got.ID == "" || got.Plan.Type != "REG_SZ" || got.Plan.Value != "https://alice:xxxxx@user.example.test" || strings.Contains(out.String(), "s3cret") {
		t.Errorf("--json output = %s", out)
	}
	if _, ok := env.Vars["GOPROXY"]; ok {
		t.Fatal("--yes did not remove the variable")
	}
	out.Reset()
	if code := runUndo(c, undoCmd, nil); code != exitOK {
		t.Fatalf("undo: exit %d", code)
	}
	if env.Vars["GOPROXY"] != orig {
		t.Errorf("after undo GOPROXY = %+v, want %+v", env.Vars["GOPROXY"], orig)
	}
	if s := out.String(); !strings.Contains(s, `changed in HKCU\Environment`) || strings.Contains(s, "s3cret") {
		t.Errorf("undo output = %q", s)
	}
}

func TestFixUserVarChinese(t *testing.T) {
	defer func() { msgs = core.English }()
	msgs = core.NewLang("zh-Hans")
	env := &fix.MemUserEnv{Vars: map[string]history.RegistryValue{"GOFLAGS": {Data: "-mod=mod", Type: history.RegExpandSZ}}}
	c, out, _ := userVarCLI(t, env)
	if code := runFix(c, fixCmd, []string{"user-var", "goflags"}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`从你的 Windows 用户环境变量（HKCU\Environment）中删除 GOFLAGS：`, "REG_EXPAND_SZ    -mod=mod", "加上 --yes"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Chinese preview = %q, want %q in it", out, want)
		}
	}
}

func TestFixUserVarRefusedOffWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has the registry")
	}
	s := newSandbox(t)
	r := s.ctl("fix", "user-var", "GOPROXY", "--yes")
	if r.code != exitRefused || !strings.Contains(r.stderr, "User environment variables live in the Windows registry") {
		t.Errorf("fix user-var on %s: %v; want exit 2 and the catalogue's refusal", runtime.GOOS, r)
	}
}
