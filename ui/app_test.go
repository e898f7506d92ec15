package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

func TestMenuSwitchesScreens(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	view := w.MainMenu().Items[2]
	for i, s := range u.screens {
		view.Items[i].Action()
		if u.current != i || u.content.Objects[0] != u.views[i] {
			t.Errorf("View menu item %d shows screen %d, want %s", i, u.current, s.Title)
		}
		if sc, ok := view.Items[i].Shortcut.(fyne.KeyboardShortcut); !ok || sc.Mod() != fyne.KeyModifierShortcutDefault {
			t.Errorf("View menu item %d has no Ctrl+%d shortcut", i, i+1)
		}
	}
}

func TestReloadShowsFileChangedOnDisk(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOSUMDB=" + newSumDB + "\n")
	u, w := f.newUI()
	u.overview.selectSetting("GOSUMDB")

	f.writeEnvFile("GOSUMDB=off\n")
	w.MainMenu().Items[0].Items[0].Action() // File > Reload
	if value, _ := settingItemText(t, w, "GOSUMDB"); value != "off" {
		t.Errorf("list shows GOSUMDB = %q after File > Reload, want the file's new value off", value)
	}
	if got := u.overview.detail.entry.Text; got != "off" {
		t.Errorf("edit entry = %q after File > Reload, want off", got)
	}

	f.writeEnvFile("# empty now\n")
	test.Tap(u.overview.reload)
	if got := u.overview.detail.entry.Text; got != "" {
		t.Errorf("edit entry = %q after the Reload button, want empty", got)
	}
}

func TestSaveRefusesFileChangedOnDisk(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOSUMDB=" + newSumDB + "\n")
	u, _ := f.newUI()
	d := u.overview.detail
	u.overview.selectSetting("GOSUMDB")
	const theirs = "# written by someone else\nGOSUMDB=off\n"
	f.writeEnvFile(theirs)

	d.entry.SetText("off")
	test.Tap(d.save)

	if got := f.readEnvFile(); got != theirs {
		t.Errorf("env file = %q after saving over a changed file, want theirs kept %q", got, theirs)
	}
	if len(d.refusal) == 0 || d.refusal[0].Code != "file-changed" {
		t.Errorf("refusal shown = %v, want the file-changed problem", d.refusal)
	}
	if !labelsContain(d.outcome, lang.L("write.refused")) || len(d.outcome.Objects) < 2 {
		t.Errorf("the refusal is not shown under the editor")
	}
}
