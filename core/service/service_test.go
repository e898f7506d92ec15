package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred/credtest"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/internal/testenv"
)

// fixture is a throwaway HOME with a fake GOROOT whose go.env uses made-up
// hosts, and a service resolving against exactly that environment.
type fixture struct {
	t       *testing.T
	dir     string
	envFile string
	svc     *Service
	keyring *credtest.Keyring // the service's keyring, in memory
}

func newFixture(t *testing.T, osEnv ...string) *fixture {
	t.Helper()
	m := testenv.New(t, testenv.WithGoEnv("GOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\n"),
		testenv.Vars("PATH="), testenv.Vars(osEnv...))
	f := &fixture{t: t, dir: m.Dir, envFile: m.EnvFile, keyring: &credtest.Keyring{}}
	f.svc = New(Options{Env: m.FirstWins(), Cwd: m.Dir, ConfigDir: filepath.Join(m.Dir, "gomirror"), Keyring: f.keyring})
	return f
}

func (f *fixture) write(name, content string) {
	f.t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) read() string {
	f.t.Helper()
	data, err := os.ReadFile(f.envFile)
	if err != nil {
		f.t.Fatal(err)
	}
	return string(data)
}

func refusalCode(err error) string {
	var r *core.RefusedError
	if !errors.As(err, &r) || len(r.Problems) == 0 {
		return ""
	}
	return r.Problems[0].Code
}

func TestSetThenUndoRestoresBytes(t *testing.T) {
	f := newFixture(t)
	const before = "# mine\r\nGOSUMDB=off\nGOPROXY=https://a.example.test\nGOPROXY=https://b.example.test"
	f.write(f.envFile, before)
	res, err := f.svc.Set(nil, []core.Assignment{{Key: "GOPROXY", Value: "https://c.example.test,direct"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.svc.Resolve().Value("GOPROXY"); got != "https://c.example.test,direct" {
		t.Errorf("after Set, GOPROXY = %q", got)
	}
	if len(res.Changes) != 1 || res.Changes[0].Old != "https://b.example.test" {
		t.Errorf("Set changes = %+v, want the old value of the last line", res.Changes)
	}
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := f.read(); got != before {
		t.Errorf("after Undo the file is %q, want %q", got, before)
	}
	if _, err := f.svc.Undo(); refusalCode(err) != "nothing-to-undo" {
		t.Errorf("a second Undo = %v, want nothing-to-undo", err)
	}
}

func TestSetRefusals(t *testing.T) {
	tests := []struct {
		name  string
		osEnv []string
		as    []core.Assignment
		code  string
	}{
		{"GOENV=off", []string{"GOENV=off"}, []core.Assignment{{Key: "GOPROXY", Value: "https://a.example.test"}}, "goenv-off"},
		{"bare word", nil, []core.Assignment{{Key: "GOPROXY", Value: "localhost"}}, "proxy-missing-scheme"},
		{"bad toolchain", nil, []core.Assignment{{Key: "GOTOOLCHAIN", Value: "bogus"}}, "toolchain-invalid"},
		{"GOENV", nil, []core.Assignment{{Key: "GOENV", Value: "/x"}}, "os-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.osEnv...)
			f.write(f.envFile, "GOFLAGS=-mod=mod\n")
			_, err := f.svc.Set(nil, tt.as)
			if got := refusalCode(err); got != tt.code {
				t.Errorf("Set(%v) refusal = %q (%v), want %q", tt.as, got, err, tt.code)
			}
			if got := f.read(); got != "GOFLAGS=-mod=mod\n" {
				t.Errorf("a refused Set changed the file to %q", got)
			}
		})
	}
}

// TestSetMergesAChangeToAnotherKey: a change made on disk since base was
// read (as go env -w would) to a key the edit does not touch is kept, and
// the edit is applied to the current file.
func TestSetMergesAChangeToAnotherKey(t *testing.T) {
	f := newFixture(t)
	f.write(f.envFile, "GOFLAGS=-mod=mod\n")
	base := f.svc.Resolve()
	f.write(f.envFile, "GOFLAGS=-mod=mod\nGOPRIVATE=*.corp.example.test\n") // as go env -w would
	res, err := f.svc.Set(base, []core.Assignment{{Key: "GOPROXY", Value: "https://a.example.test"}})
	if err != nil {
		t.Fatalf("Set over a file changed elsewhere = %v, want it applied", err)
	}
	want := "GOFLAGS=-mod=mod\nGOPRIVATE=*.corp.example.test\nGOPROXY=https://a.example.test\n"
	if got := f.read(); got != want {
		t.Errorf("file = %q, want %q (the outside change kept)", got, want)
	}
	if string(res.Entry.Before) != "GOFLAGS=-mod=mod\nGOPRIVATE=*.corp.example.test\n" {
		t.Errorf("history recorded before = %q, want the file as it was just before the write", res.Entry.Before)
	}
}

// TestSetRefusesWhenItsKeyChangedSinceRead: a change on disk to the key
// being written is refused, naming the key, and kept.
func TestSetRefusesWhenItsKeyChangedSinceRead(t *testing.T) {
	f := newFixture(t)
	f.write(f.envFile, "GOFLAGS=-mod=mod\n")
	base := f.svc.Resolve()
	f.write(f.envFile, "GOFLAGS=-mod=mod\nGOPROXY=https://other.example.test\n")
	_, err := f.svc.Set(base, []core.Assignment{{Key: "GOPROXY", Value: "https://a.example.test"}, {Key: "GOSUMDB", Value: "off"}})
	if refusalCode(err) != "key-changed" {
		t.Fatalf("Set over a changed key = %v, want key-changed", err)
	}
	var re *core.RefusedError
	errors.As(err, &re)
	if p := re.Problems[0]; p.Var != "GOPROXY" || p.Args["Keys"] != "GOPROXY" || !strings.Contains(p.Message, "GOPROXY changed in the env file "+f.envFile) {
		t.Errorf("key-changed refusal = %+v, want it to name GOPROXY and the file", p)
	}
	if got := f.read(); got != "GOFLAGS=-mod=mod\nGOPROXY=https://other.example.test\n" {
		t.Errorf("the outside change was lost: %q", got)
	}
}

func TestUnsetMissingFileIsRefused(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.Unset(nil, []string{"GOPROXY"}); refusalCode(err) != "nothing-to-unset" {
		t.Errorf("Unset with no env file = %v, want nothing-to-unset", err)
	}
	if _, err := os.Stat(f.envFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Unset created the env file")
	}
}

func TestSetWarnsWhenOSShadows(t *testing.T) {
	f := newFixture(t, "GOPROXY=https://os.example.test")
	res, err := f.svc.Set(nil, []core.Assignment{{Key: "GOPROXY", Value: "https://file.example.test"}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range res.Warnings {
		found = found || p.Code == "os-shadows-write"
	}
	if !found {
		t.Errorf("Set under an OS GOPROXY warned %+v, want os-shadows-write", res.Warnings)
	}
}

// TestOverwrittenAfterWrite: a value Go Mirror just wrote and another
// program then replaced is reported; one left alone is not.
func TestOverwrittenAfterWrite(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.Set(nil, []core.Assignment{{Key: "GOPROXY", Value: "https://u:pw@a.example.test"}, {Key: "GOSUMDB", Value: "off"}}); err != nil {
		t.Fatal(err)
	}
	if ps := f.svc.Overwritten(time.Minute); len(ps) != 0 {
		t.Fatalf("Overwritten right after the write = %v, want none", ps)
	}
	f.write(f.envFile, "GOPROXY=https://other.example.test\nGOSUMDB=off\n") // as go env -w would
	ps := f.svc.Overwritten(time.Minute)
	if len(ps) != 1 || ps[0].Code != "overwritten" || ps[0].Args["Keys"] != "GOPROXY" {
		t.Errorf("Overwritten = %v, want GOPROXY overwritten", ps)
	}
}

// TestApplyProfileWritesThenMarksActive checks the one call the GUI and
// gomirrorctl apply profiles with: the plan is written, then the profile is
// marked active; a plan that changes nothing only marks it; a store without
// a directory marks nothing.
func TestApplyProfileWritesThenMarksActive(t *testing.T) {
	f := newFixture(t)
	st := profile.Store{Dir: filepath.Join(f.dir, "gomirror")}
	p := profile.Profile{Name: "corp"}
	p.SetValue("GOPROXY", "https://athens.example.test,direct")
	if err := st.Create(p); err != nil {
		t.Fatal(err)
	}
	r := f.svc.Resolve()
	res, err := f.svc.ApplyProfile(st, r, profile.NewPlan(r, p))
	if err != nil || res == nil {
		t.Fatalf("ApplyProfile = %v, %v; want a write", res, err)
	}
	if got := f.read(); got != "GOPROXY=https://athens.example.test,direct\n" {
		t.Errorf("env file = %q", got)
	}
	if active, err := st.Active(); active != "corp" || err != nil {
		t.Errorf("Active = %q, %v; want corp", active, err)
	}
	st.SetActive("")
	r = f.svc.Resolve()
	if res, err := f.svc.ApplyProfile(st, r, profile.NewPlan(r, p)); res != nil || err != nil {
		t.Errorf("ApplyProfile of a plan that changes nothing = %v, %v; want nil, nil", res, err)
	}
	if active, _ := st.Active(); active != "corp" {
		t.Errorf("Active = %q after an empty plan, want corp", active)
	}
	if _, err := f.svc.ApplyProfile(profile.Store{}, r, profile.NewPlan(r, p)); err != nil {
		t.Errorf("ApplyProfile with no store directory: %v", err)
	}
}
