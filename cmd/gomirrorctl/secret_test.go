package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/cred/credtest"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/internal/testenv"
)

const secretProxy = "GOPROXY=https://alice:s3cret@p.example.test"

// noSecretIn fails t if a file under dir holds "s3cret"; it returns how
// many files it read.
func noSecretIn(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	des, _ := os.ReadDir(dir)
	for _, de := range des {
		data, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		n++
		if strings.Contains(string(data), "s3cret") {
			t.Errorf("%s holds the password:\n%s", de.Name(), data)
		}
	}
	return n
}

// TestSetPasswordRefusedWithoutKeyring runs the built gomirrorctl with no
// keyring reachable: setting a password in GOPROXY is refused, saying to
// use cred set, and neither the env file nor the history changes.
func TestSetPasswordRefusedWithoutKeyring(t *testing.T) {
	if realKeyring() {
		t.Skip("a keyring is reachable")
	}
	t.Parallel()
	s := newSandbox(t, keyringEnv()...)
	env := s.envFile()
	os.MkdirAll(filepath.Dir(env), 0o755)
	const orig = "GOPROXY=https://proxy.example.test,direct\n"
	if err := os.WriteFile(env, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	r := s.ctl("set", secretProxy)
	if r.code != exitRefused || !strings.Contains(r.stderr, "gomirrorctl cred set HOST") || !strings.Contains(r.stderr, "Nothing was written") ||
		strings.Contains(r.stdout+r.stderr, "s3cret") {
		t.Errorf("set of a password without a keyring: %v; want exit 2 and the refusal", r)
	}
	if data, _ := os.ReadFile(env); string(data) != orig {
		t.Errorf("env file changed to %q", data)
	}
	if n := noSecretIn(t, filepath.Join(s.xdg, "gomirror", "history")); n != 0 {
		t.Errorf("%d history files written", n)
	}
}

// TestSetPasswordRealKeyring runs the built gomirrorctl against a real
// (throwaway) Secret Service: the password reaches the env file but not
// the history, and undo restores the file byte for byte.
//
//	dbus-run-session -- sh -c 'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
//	   GOMIRROR_REAL_KEYRING=1 go test ./cmd/gomirrorctl/ -run SetPasswordRealKeyring'
func TestSetPasswordRealKeyring(t *testing.T) {
	if !realKeyring() {
		t.Skip("set GOMIRROR_REAL_KEYRING=1 in a throwaway keyring session to run")
	}
	s := newSandbox(t, keyringEnv()...)
	dir := filepath.Join(s.xdg, "gomirror", "history")
	t.Cleanup(func() {
		(cred.OSKeyring{}).Delete(cred.Service, (&history.Store{Dir: dir}).KeyAccount())
	})
	env := s.envFile()
	os.MkdirAll(filepath.Dir(env), 0o755)
	const orig = "# mine\nGOPROXY=https://proxy.example.test,direct\n"
	os.WriteFile(env, []byte(orig), 0o644)
	mustSucceed(t, s.ctl("set", secretProxy), "set")
	if n := noSecretIn(t, dir); n != 1 {
		t.Errorf("%d history files, want 1", n)
	}
	if r := s.ctl("history"); !strings.Contains(r.stdout, "alice:xxxxx@p.example.test") || strings.Contains(r.stdout, "s3cret") {
		t.Errorf("history: %v", r)
	}
	mustSucceed(t, s.ctl("undo"), "undo")
	if data, _ := os.ReadFile(env); string(data) != orig {
		t.Errorf("after undo the env file = %q, want %q", data, orig)
	}
	noSecretIn(t, dir)
}

// TestSetPasswordSealed runs set, history and undo in process with an
// in-memory keyring: the history's files never hold the password; undo
// restores the env file exactly; with the key deleted the entry still
// lists, masked, and undo refuses saying why.
func TestSetPasswordSealed(t *testing.T) {
	msgs = core.English
	m := testenv.New(t, testenv.EnvFile("# mine\r\nGOPROXY=https://proxy.example.test,direct\r\n"), testenv.Vars("PATH="))
	k := &credtest.Keyring{}
	var out, errb strings.Builder
	c := &cli{stdout: &out, stderr: &errb, env: m.FirstWins()}
	c.svc = service.New(service.Options{Env: c.env, Cwd: m.Dir, ConfigDir: filepath.Join(m.Dir, "gomirror"), Source: history.SourceCLI, Keyring: k})
	dir := filepath.Join(m.Dir, "gomirror", "history")
	orig, err := os.ReadFile(m.EnvFile)
	if err != nil {
		t.Fatal(err)
	}
	if code := runSet(c, setCmd, []string{secretProxy}); code != exitOK {
		t.Fatalf("set: exit %d: %s", code, errb.String())
	}
	if data, _ := os.ReadFile(m.EnvFile); !strings.Contains(string(data), "alice:s3cret@") {
		t.Fatalf("env file = %q", data)
	}
	if n := noSecretIn(t, dir); n != 1 {
		t.Errorf("%d history files, want 1", n)
	}
	if code := runUndo(c, undoCmd, nil); code != exitOK {
		t.Fatalf("undo: exit %d: %s", code, errb.String())
	}
	if data, _ := os.ReadFile(m.EnvFile); string(data) != string(orig) {
		t.Errorf("after undo the env file = %q, want %q", data, orig)
	}
	noSecretIn(t, dir)
	if code := runSet(c, setCmd, []string{secretProxy}); code != exitOK {
		t.Fatalf("set: exit %d: %s", code, errb.String())
	}
	for sa := range k.Secrets() {
		k.Delete(sa[0], sa[1])
	}
	out.Reset()
	if code := runHistory(c, historyCmd, nil); code != exitOK || !strings.Contains(out.String(), "GOPROXY=https://alice:xxxxx@p.example.test") {
		t.Errorf("history: exit %d:\n%s", code, out.String())
	}
	errb.Reset()
	if code := runUndo(c, undoCmd, nil); code == exitOK || !strings.Contains(errb.String(), "only in the OS keyring") || strings.Contains(errb.String(), "s3cret") {
		t.Errorf("undo of an entry whose key is gone: exit %d: %s", code, errb.String())
	}
	if data, _ := os.ReadFile(m.EnvFile); !strings.Contains(string(data), "alice:s3cret@") {
		t.Errorf("a refused undo changed the env file to %q", data)
	}
}
