package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/private/cred/credtest"
)

// historyHolds fails t if a file of the history directory holds s.
func (f *fixture) historyHolds(s string) {
	f.t.Helper()
	dir := filepath.Join(f.dir, "gomirror", "history")
	des, err := os.ReadDir(dir)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, de := range des {
		data, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			f.t.Fatal(err)
		}
		if strings.Contains(string(data), s) {
			f.t.Errorf("history file %s holds %q", de.Name(), s)
		}
	}
}

// TestPasswordNeverInHistory: a password set in GOPROXY reaches the env
// file, which is what the user asked for, but none of the history's files;
// undo and redo still restore the file byte for byte.
func TestPasswordNeverInHistory(t *testing.T) {
	f := newFixture(t)
	before := "# mine\r\nGOPROXY=https://proxy.example.test,direct\r\nGOSUMDB=sum.example.test\r\n"
	f.write(f.envFile, before)
	f.set(history.SourceCLI, "GOPROXY", "https://alice:s3cret@p.example.test")
	after := f.read()
	if !strings.Contains(after, "https://alice:s3cret@p.example.test") {
		t.Fatalf("env file = %q", after)
	}
	f.historyHolds("s3cret")

	es, err := f.svc.History()
	if err != nil || len(es) != 1 || string(es[0].Before) != before || string(es[0].After) != after {
		t.Fatalf("History = %+v, %v", es, err)
	}
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := f.read(); got != before {
		t.Errorf("after Undo the env file = %q, want %q", got, before)
	}
	f.historyHolds("s3cret") // the undo's entry holds the password as its before
	if _, err := f.svc.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := f.read(); got != after {
		t.Errorf("after Redo the env file = %q, want %q", got, after)
	}
	f.historyHolds("s3cret")
	if n := len(f.keyring.Secrets()); n != 1 {
		t.Errorf("keyring holds %d secrets, want the one key", n)
	}
}

// TestPasswordRefusedWithoutKeyring: with the keyring failing, a write of a
// password is refused and nothing changes; other writes need no keyring.
func TestPasswordRefusedWithoutKeyring(t *testing.T) {
	f := newFixture(t)
	f.keyring.Err = credtest.Failing()
	orig := "GOPROXY=https://proxy.example.test,direct\n"
	f.write(f.envFile, orig)
	_, err := f.svc.Set(nil, []core.Assignment{{Key: "GOPROXY", Value: "https://alice:s3cret@p.example.test"}})
	if refusalCode(err) != "history-secret-no-keyring" {
		t.Fatalf("Set of a password without a keyring = %v, want refusal history-secret-no-keyring", err)
	}
	var r *core.RefusedError
	errors.As(err, &r)
	msg := r.Problems[0].Message + " " + r.Problems[0].Fix
	for _, want := range []string{"Nothing was written", "password", "keyring", "gomirrorctl cred set", "GOAUTH", "D-Bus"} {
		if !strings.Contains(msg, want) {
			t.Errorf("refusal %q does not say %q", msg, want)
		}
	}
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("refusal shows the password: %v", err)
	}
	if got := f.read(); got != orig {
		t.Errorf("env file changed to %q", got)
	}
	if es, _ := f.svc.History(); len(es) != 0 {
		t.Errorf("history = %+v, want nothing recorded", es)
	}
	f.set(history.SourceCLI, "GOSUMDB", "off") // no secret: no keyring needed
}

// TestSealedEntryWithKeyGone: an entry whose key was deleted from the
// keyring still lists, masked, but undo and revert of it refuse and leave
// the file alone.
func TestSealedEntryWithKeyGone(t *testing.T) {
	f := newFixture(t)
	proxy := f.set(history.SourceCLI, "GOPROXY", "https://alice:s3cret@p.example.test")
	for sa := range f.keyring.Secrets() {
		f.keyring.Delete(sa[0], sa[1])
	}
	after := f.read()
	es, err := f.svc.History()
	if err != nil || len(es) != 1 || es[0].Locked == nil {
		t.Fatalf("History = %+v, %v; want the entry, locked", es, err)
	}
	if got := history.SummaryText(core.English, es[0], false); got != "GOPROXY=https://alice:xxxxx@p.example.test" {
		t.Errorf("listed as %q", got)
	}
	_, err = f.svc.Undo()
	if err == nil || !strings.Contains(err.Error(), "password") || !strings.Contains(err.Error(), "keyring") || !strings.Contains(err.Error(), proxy.Entry.ID) {
		t.Errorf("Undo = %v, want the sealed entry's error", err)
	}
	if _, err := f.svc.Revert(proxy.Entry.ID); err == nil || !strings.Contains(err.Error(), "only in the OS keyring") {
		t.Errorf("Revert = %v, want the sealed entry's error", err)
	}
	if got := f.read(); got != after {
		t.Errorf("env file changed to %q", got)
	}
	if es, _ := f.svc.History(); len(es) != 1 {
		t.Errorf("history has %d entries after the refusals, want 1", len(es))
	}
}

// TestRegistryPasswordSealed: removing a Windows user variable that holds a
// password records its value sealed; undo restores value and type.
func TestRegistryPasswordSealed(t *testing.T) {
	f, env := userEnvFixture(t)
	orig := env.Vars["GOPROXY"]
	p, err := f.svc.PlanRemoveUserVar("GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.RemoveUserVar(p); err != nil {
		t.Fatal(err)
	}
	f.historyHolds("s3cret")
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if v := env.Vars["GOPROXY"]; v != orig {
		t.Errorf("after Undo GOPROXY = %+v, want %+v", v, orig)
	}
	f.historyHolds("s3cret")

	f.keyring.Err = credtest.Failing()
	p, _ = f.svc.PlanRemoveUserVar("GOPROXY")
	if _, err := f.svc.RemoveUserVar(p); refusalCode(err) != "history-secret-no-keyring" {
		t.Errorf("RemoveUserVar with the keyring failing = %v, want refusal history-secret-no-keyring", err)
	}
	if v := env.Vars["GOPROXY"]; v != orig {
		t.Errorf("a refused removal changed GOPROXY to %+v", v)
	}
}
