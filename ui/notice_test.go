package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/profile"
)

// TestNoticeAfterWriteAndStaleOutcome applies a profile: its outcome shows
// under it and the notice at the bottom offers Undo; undoing from the
// notice clears the outcome, which is no longer true, and the notice then
// offers Redo. Showing another profile clears an outcome too.
func TestNoticeAfterWriteAndStaleOutcome(t *testing.T) {
	f := newFixture(t)
	const before = "GOFLAGS=-mod=mod\n"
	f.writeEnvFile(before)
	u, _ := f.newUI()
	p, n := u.profiles, u.notice
	if n.bar.Visible() {
		t.Fatal("the notice shows before any write")
	}
	p.selectProfile(profile.PresetChina)
	test.Tap(p.apply)
	p.preview.Confirm()
	if len(p.outcome.Objects) == 0 || p.outcomeFor != profile.PresetChina {
		t.Fatalf("no outcome under %s after applying it", profile.PresetChina)
	}
	if !n.bar.Visible() || !strings.Contains(n.text.Text, "GOPROXY=") || !strings.Contains(n.text.Text, "profile “Mainland China”") || n.action.Text != "Undo" {
		t.Fatalf("notice after applying: shown %t, %q, button %q", n.bar.Visible(), n.text.Text, n.action.Text)
	}
	test.Tap(n.action)
	if got := f.readEnvFile(); got != before {
		t.Errorf("env file after the notice's Undo = %q, want %q", got, before)
	}
	if len(p.outcome.Objects) != 0 {
		t.Error("the outcome \"Applied\" still shows after the write was undone")
	}
	if !n.bar.Visible() || !strings.HasPrefix(n.text.Text, "Restored") || n.action.Text != "Redo" {
		t.Errorf("notice after undo: %q, button %q", n.text.Text, n.action.Text)
	}
	// An outcome belongs to its profile.
	test.Tap(p.apply)
	p.preview.Confirm()
	p.selectProfile(profile.PresetDefault)
	if len(p.outcome.Objects) != 0 {
		t.Error("the outcome of Mainland China shows under Toolchain default")
	}
	// A reload without a write shows no new notice.
	n.hide()
	u.Reload()
	u.notice.showNewest()
	if n.bar.Visible() {
		t.Error("the notice shows again without a write")
	}
}
