package ui

import (
	"github.com/gomirror/gomirror/core"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/history"
)

func TestHistoryListsWrites(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOSUMDB=old.example.test\n")
	u, w := f.newUI()
	h := u.history
	if h.list != nil {
		t.Fatal("the history screen is built before it is first shown")
	}
	u.nav.Select(mustScreen(t, u, "nav.history"))
	if h.empty.Hidden || len(h.entries) != 0 {
		t.Fatalf("history before any write: %d entries, empty state shown = %t", len(h.entries), !h.empty.Hidden)
	}

	u.nav.Select(mustScreen(t, u, "nav.overview"))
	u.overview.selectSetting("GOSUMDB")
	u.overview.detail.entry.SetText(newSumDB)
	test.Tap(u.overview.detail.save)
	u.nav.Select(mustScreen(t, u, "nav.history"))

	if len(h.entries) != 1 || !h.empty.Hidden {
		t.Fatalf("history after one write: %d entries, empty state shown = %t; want 1 entry", len(h.entries), !h.empty.Hidden)
	}
	var shown []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		if it, ok := o.(*historyItem); ok {
			shown = append(shown, it.summary.Text+" | "+it.detail.Text)
		}
	}
	if len(shown) != 1 || !strings.Contains(shown[0], "GOSUMDB="+newSumDB) || !strings.Contains(shown[0], f.envFile) {
		t.Errorf("history shows %q, want one row for GOSUMDB=%s in %s", shown, newSumDB, f.envFile)
	}

	test.Tap(h.undo)
	if got := f.readEnvFile(); got != "GOSUMDB=old.example.test\n" {
		t.Errorf("env file after the history's Undo = %q", got)
	}
	if len(h.entries) != 2 {
		t.Errorf("history after undo has %d entries, want 2 (the write and its undo)", len(h.entries))
	}
}

// TestChangeTextShowsRCLine checks how the history shows a fix of a shell
// startup file: the line and its new text, not "GOPROXY=<whole line>".
func TestChangeTextShowsRCLine(t *testing.T) {
	c := history.Change{Key: "GOPROXY", Line: 2, OldSet: true,
		Old: "export GOPROXY=https://shell.example.test", New: "# export GOPROXY=https://shell.example.test  # disabled by Go Mirror"}
	if got, want := changeText(c), "line 2: "+c.New; got != want {
		t.Errorf("changeText = %q, want %q", got, want)
	}
	if got := changeText(history.Change{Key: "GOPROXY", New: "https://a.example.test"}); got != "GOPROXY=https://a.example.test" {
		t.Errorf("changeText of an env-file change = %q", got)
	}
}

// TestHistoryRevertSelectedEntry reverts an entry that is not the newest,
// is refused with the reason when a later write changed the same key, shows
// each entry's source and diff, and redoes the revert.
func TestHistoryRevertSelectedEntry(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOFLAGS=-mod=mod\n")
	u, _ := f.newUI()
	h := u.history
	u.nav.Select(mustScreen(t, u, "nav.history"))
	set := func(source, key, value string) {
		t.Helper()
		if _, err := f.svc.WithSource(source).Set(f.svc.Resolve(), []core.Assignment{{Key: key, Value: value}}); err != nil {
			t.Fatal(err)
		}
	}
	set(history.ProfileSource("Lab"), "GOPROXY", "https://a.example.test")
	set(history.SourceChainBuilder, "GOSUMDB", "off")
	u.Reload()
	if len(h.entries) != 2 {
		t.Fatalf("history has %d entries, want 2", len(h.entries))
	}
	h.list.Select(1) // the older GOPROXY write
	if !richTextContains(h.diff, "+ GOPROXY=https://a.example.test") || !labelsContain(h.diff, "profile “Lab”") {
		t.Errorf("the selected entry's diff or source is missing: %v", labelTexts(h.diff))
	}
	if !labelsContain(h.diff, "Reverting it: unset GOPROXY") {
		t.Errorf("the preview does not say what reverting restores: %v", labelTexts(h.diff))
	}
	test.Tap(h.revert)
	if got := f.readEnvFile(); got != "GOFLAGS=-mod=mod\nGOSUMDB=off\n" {
		t.Errorf("env file after reverting the older entry = %q, want only GOPROXY removed", got)
	}
	if !labelsContain(h.outcome, "Reverted") {
		t.Errorf("no outcome after Revert: %v", labelTexts(h.outcome))
	}
	if !h.revert.Disabled() {
		t.Error("Revert is still enabled on an entry that is undone")
	}
	test.Tap(h.redo)
	if got := f.readEnvFile(); !strings.Contains(got, "GOPROXY=https://a.example.test") {
		t.Errorf("env file after Redo = %q", got)
	}
	// A later write to GOPROXY refuses the revert, with the reason.
	set(history.SourceCLI, "GOPROXY", "https://b.example.test")
	u.Reload()
	for i, e := range h.entries {
		if e.Source == history.ProfileSource("Lab") {
			h.list.Select(i)
		}
	}
	test.Tap(h.revert)
	if !richTextContains(h.outcome, "GOPROXY was changed again after this change") && !labelsContain(h.outcome, "GOPROXY was changed again after this change") {
		t.Errorf("the refusal does not give the reason: %v", labelTexts(h.outcome))
	}
	if got := f.readEnvFile(); !strings.Contains(got, "GOPROXY=https://b.example.test") {
		t.Errorf("a refused revert wrote the env file: %q", got)
	}
	// Undo entries read as what they restored.
	if got := entrySummary(history.Entry{Undo: true, Changes: []history.Change{{Key: "GOPROXY", New: "https://old.example.test"}}}, false); got != "Restored GOPROXY=https://old.example.test (undo)" {
		t.Errorf("an undo entry reads %q", got)
	}
}
