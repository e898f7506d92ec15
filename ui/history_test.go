package ui

import (
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
