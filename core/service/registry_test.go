package service

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin/fix"
)

// userEnvFixture is a fixture whose service sees the Windows user
// environment variables of a MemUserEnv: GOPROXY (REG_SZ, with a
// password) and GOFLAGS (REG_EXPAND_SZ).
func userEnvFixture(t *testing.T) (*fixture, *fix.MemUserEnv) {
	f := newFixture(t)
	env := &fix.MemUserEnv{Vars: map[string]history.RegistryValue{
		"GOPROXY": {Data: "https://alice:s3cret@user.example.test,direct", Type: history.RegSZ},
		"GOFLAGS": {Data: `-modfile=%USERPROFILE%\go.mod`, Type: history.RegExpandSZ},
	}}
	f.svc.opts.UserEnv = env
	return f, env
}

func TestRemoveUserVarPreviewIsExactAndMasked(t *testing.T) {
	f, _ := userEnvFixture(t)
	p, err := f.svc.PlanRemoveUserVar("goproxy") // any case, as on Windows
	if err != nil {
		t.Fatal(err)
	}
	want := "  HKEY_CURRENT_USER\\Environment\n-    GOPROXY    REG_SZ    https://alice:xxxxx@user.example.test,direct\n"
	if p.Var != "GOPROXY" || p.Key != `HKCU\Environment` || p.Type != "REG_SZ" || p.Preview != want {
		t.Errorf("plan = %+v, want GOPROXY REG_SZ with preview %q", p, want)
	}
	p, err = f.svc.PlanRemoveUserVar("GOFLAGS")
	if err != nil {
		t.Fatal(err)
	}
	if p.Type != "REG_EXPAND_SZ" || !strings.Contains(p.Preview, `REG_EXPAND_SZ    -modfile=%USERPROFILE%\go.mod`) {
		t.Errorf("GOFLAGS plan = %+v, want the REG_EXPAND_SZ value unexpanded", p)
	}
	for _, c := range []struct{ name, code string }{{"GOPRIVATE", "user-var-missing"}, {"PATH", "user-var-unknown"}} {
		_, err := f.svc.PlanRemoveUserVar(c.name)
		if refusalCode(err) != c.code {
			t.Errorf("PlanRemoveUserVar(%s) = %v, want refusal %s", c.name, err, c.code)
		}
		var re *core.RefusedError
		if errors.As(err, &re) {
			if err := core.CheckRendered(re.Problems[0]); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestRemoveUserVarUndoRedoRestoreValueAndType(t *testing.T) {
	f, env := userEnvFixture(t)
	orig := env.Vars["GOFLAGS"]
	p, err := f.svc.PlanRemoveUserVar("GOFLAGS")
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.svc.RemoveUserVar(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := env.Vars["GOFLAGS"]; ok || env.Notified != 1 {
		t.Fatalf("after RemoveUserVar: vars %v, notified %d; want GOFLAGS gone and one WM_SETTINGCHANGE", env.Vars, env.Notified)
	}
	e := res.Entry
	if e.Registry == nil || e.Registry.Name != "GOFLAGS" || e.Registry.Before == nil || *e.Registry.Before != orig || e.Registry.After != nil ||
		e.File != `HKCU\Environment` || e.Source != "" && e.Source != history.SourceCLI {
		t.Errorf("history entry = %+v (registry %+v)", e, e.Registry)
	}
	// The entry round-trips through the store.
	h, err := f.svc.history()
	if err != nil {
		t.Fatal(err)
	}
	got, err := h.Get(e.ID)
	if err != nil || got.Registry == nil || *got.Registry.Before != orig || len(got.Changes) != 1 || !got.Changes[0].Unset {
		t.Fatalf("stored entry = %+v, %v", got, err)
	}

	u, err := f.svc.Undo()
	if err != nil {
		t.Fatal(err)
	}
	if v := env.Vars["GOFLAGS"]; v != orig {
		t.Errorf("after Undo GOFLAGS = %+v, want %+v (value and type)", v, orig)
	}
	if !u.Entry.Undo || u.Entry.UndoOf != e.ID || u.Changes[0].Unset || u.Changes[0].New != orig.Data {
		t.Errorf("undo entry = %+v", u.Entry)
	}
	if _, err := f.svc.Redo(); err != nil {
		t.Fatal(err)
	}
	if _, ok := env.Vars["GOFLAGS"]; ok {
		t.Errorf("after Redo GOFLAGS = %+v, want removed again", env.Vars["GOFLAGS"])
	}
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if v := env.Vars["GOFLAGS"]; v != orig {
		t.Errorf("after the second Undo GOFLAGS = %+v, want %+v", v, orig)
	}
	if env.Notified != 4 {
		t.Errorf("WM_SETTINGCHANGE sent %d times, want 4 (remove, undo, redo, undo)", env.Notified)
	}
}

func TestRemoveUserVarRefusesAChangedValue(t *testing.T) {
	f, env := userEnvFixture(t)
	p, err := f.svc.PlanRemoveUserVar("GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	env.Set("GOPROXY", history.RegistryValue{Data: "https://other.example.test", Type: history.RegSZ}) // changed meanwhile
	if _, err := f.svc.RemoveUserVar(p); refusalCode(err) != "user-var-changed" {
		t.Fatalf("RemoveUserVar of a changed value = %v, want refusal user-var-changed", err)
	}
	if es, _ := f.svc.History(); len(es) != 0 {
		t.Errorf("a refused removal left history entries %+v", es)
	}
	if _, ok := env.Vars["GOPROXY"]; !ok {
		t.Error("a refused removal removed the value")
	}

	p, _ = f.svc.PlanRemoveUserVar("GOPROXY")
	if _, err := f.svc.RemoveUserVar(p); err != nil {
		t.Fatal(err)
	}
	env.Set("GOPROXY", history.RegistryValue{Data: "https://again.example.test", Type: history.RegSZ}) // set again by hand
	if _, err := f.svc.Undo(); refusalCode(err) != "user-var-changed" {
		t.Fatalf("Undo over a value set again = %v, want refusal user-var-changed", err)
	}
	if v := env.Vars["GOPROXY"]; v.Data != "https://again.example.test" {
		t.Errorf("a refused Undo changed GOPROXY to %+v", v)
	}
}

func TestRevertOlderRegistryEntry(t *testing.T) {
	f, env := userEnvFixture(t)
	orig := env.Vars["GOPROXY"]
	p, _ := f.svc.PlanRemoveUserVar("GOPROXY")
	res, err := f.svc.RemoveUserVar(p)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := ParseAssignments([]string{"GOPRIVATE=*.corp.example.test"})
	if _, err := f.svc.Set(nil, as); err != nil { // a later env-file write
		t.Fatal(err)
	}
	if _, err := f.svc.Revert(res.Entry.ID); err != nil {
		t.Fatal(err)
	}
	if v := env.Vars["GOPROXY"]; v != orig {
		t.Errorf("after Revert GOPROXY = %+v, want %+v", v, orig)
	}
	if !strings.Contains(f.read(), "GOPRIVATE=*.corp.example.test") {
		t.Errorf("reverting the registry entry changed the env file: %q", f.read())
	}
}

func TestRemoveUserVarNeedsWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the real registry is there")
	}
	svc := New(Options{Env: []string{"HOME=" + t.TempDir()}, ConfigDir: filepath.Join(t.TempDir(), "gomirror")})
	_, err := svc.PlanRemoveUserVar("GOPROXY")
	var re *core.RefusedError
	if !errors.As(err, &re) || re.Problems[0].Code != "user-var-not-windows" {
		t.Fatalf("PlanRemoveUserVar on %s = %v, want refusal user-var-not-windows", runtime.GOOS, err)
	}
	if !strings.Contains(re.Problems[0].Message, "Windows registry") {
		t.Errorf("refusal message = %q", re.Problems[0].Message)
	}
}
