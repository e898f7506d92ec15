package service

import (
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
)

// set writes key=value through the service, as source.
func (f *fixture) set(source, key, value string) WriteResult {
	f.t.Helper()
	res, err := f.svc.WithSource(source).Set(f.svc.Resolve(), []core.Assignment{{Key: key, Value: value}})
	if err != nil {
		f.t.Fatal(err)
	}
	return *res
}

func TestRevertSelectedEntry(t *testing.T) {
	f := newFixture(t)
	f.write(f.envFile, "# mine\nGOFLAGS=-mod=mod\n")
	proxy := f.set(history.ProfileSource("Lab"), "GOPROXY", "https://a.example.test")
	f.set(history.SourceCLI, "GOPRIVATE", "*.corp.example.test")
	sumdb := f.set(history.SourceOverview, "GOSUMDB", "off")

	// The GOPROXY write is not the newest, and nothing after it touched GOPROXY.
	res, err := f.svc.Revert(proxy.Entry.ID)
	if err != nil {
		t.Fatalf("Revert(GOPROXY write): %v", err)
	}
	if got := f.read(); strings.Contains(got, "GOPROXY") || !strings.Contains(got, "GOPRIVATE=*.corp.example.test") || !strings.Contains(got, "GOSUMDB=off") || !strings.HasPrefix(got, "# mine\nGOFLAGS=-mod=mod\n") {
		t.Errorf("env file after reverting the GOPROXY write = %q; want only GOPROXY gone", got)
	}
	if !res.Entry.Undo || res.Entry.UndoOf != proxy.Entry.ID {
		t.Errorf("the revert is recorded as %+v, want an undo of %s", res.Entry, proxy.Entry.ID)
	}
	es, _ := f.svc.History()
	if !UndoneIDs(es)[proxy.Entry.ID] {
		t.Error("the reverted entry is not marked undone")
	}
	if _, err := f.svc.Revert(proxy.Entry.ID); refusalCode(err) != "revert-undone" {
		t.Errorf("reverting it twice: %v, want revert-undone", err)
	}
	// Redo makes it again.
	if _, err := f.svc.Redo(); err != nil {
		t.Fatalf("Redo: %v", err)
	}
	if got := f.read(); !strings.Contains(got, "GOPROXY=https://a.example.test") {
		t.Errorf("env file after Redo = %q", got)
	}
	if _, err := f.svc.Redo(); refusalCode(err) != "nothing-to-redo" {
		t.Errorf("second Redo: %v, want nothing-to-redo", err)
	}
	// A later write to the same key refuses the revert, naming it.
	later := f.set(history.SourceChainBuilder, "GOPROXY", "https://b.example.test")
	_, err = f.svc.Revert(proxy.Entry.ID)
	if refusalCode(err) != "revert-later-write" || !strings.Contains(err.Error(), later.Entry.Summary) {
		t.Errorf("Revert after a later GOPROXY write: %v, want revert-later-write naming %q", err, later.Entry.Summary)
	}
	// The newest entry is restored byte for byte.
	before := f.read()
	if _, err := f.svc.Revert(later.Entry.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := f.read(); got != before {
		t.Errorf("revert then redo of the newest entry = %q, want %q", got, before)
	}
	// Undo after a redo undoes the redone change again.
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := f.read(); !strings.Contains(got, "GOPROXY=https://a.example.test") {
		t.Errorf("Undo after Redo = %q, want the later GOPROXY undone", got)
	}
	es, _ = f.svc.History()
	for _, e := range es {
		if e.ID == sumdb.Entry.ID && e.Source != history.SourceOverview {
			t.Errorf("entry source = %q, want %q", e.Source, history.SourceOverview)
		}
	}
}

func TestRevertNewWriteClearsRedo(t *testing.T) {
	f := newFixture(t)
	f.set("", "GOPROXY", "https://a.example.test")
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	f.set("", "GOSUMDB", "off")
	if _, err := f.svc.Redo(); refusalCode(err) != "nothing-to-redo" {
		t.Errorf("Redo after a new write: %v, want nothing-to-redo", err)
	}
}

func TestRedoOfUndoThatRemovedTheFile(t *testing.T) {
	f := newFixture(t)
	f.set("", "GOPROXY", "https://a.example.test")
	if _, err := f.svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Redo(); err != nil {
		t.Fatalf("Redo of an undo that removed the file: %v", err)
	}
	if got := f.read(); got != "GOPROXY=https://a.example.test\n" {
		t.Errorf("env file after Redo = %q", got)
	}
}

// TestRevertRestoresTheRealValue: the history shows a password in a URL
// masked, but reverting an entry puts back the value the file had, not the
// masked one.
func TestRevertRestoresTheRealValue(t *testing.T) {
	f := newFixture(t)
	f.write(f.envFile, "GOPROXY=https://u:OLDPW@a.example.test\n")
	proxy := f.set(history.SourceCLI, "GOPROXY", "https://u:NEWPW@b.example.test")
	f.set(history.SourceCLI, "GOSUMDB", "off")
	if c := proxy.Entry.Changes[0]; strings.Contains(c.Old+c.New+proxy.Entry.Summary, "PW@") {
		t.Errorf("the history shows the password: %+v", proxy.Entry)
	}
	if _, err := f.svc.Revert(proxy.Entry.ID); err != nil {
		t.Fatalf("Revert: %v", err)
	}
	if got := f.read(); got != "GOPROXY=https://u:OLDPW@a.example.test\nGOSUMDB=off\n" {
		t.Errorf("env file after the revert = %q, want the old value itself", got)
	}
}
