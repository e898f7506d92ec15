package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/resolve"
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
	if len(d.refusal) == 0 || d.refusal[0].Code != "key-changed" || d.refusal[0].Var != "GOSUMDB" {
		t.Errorf("refusal shown = %v, want the key-changed problem of GOSUMDB", d.refusal)
	}
	if !labelsContain(d.outcome, lang.L("write.refused")) || len(d.outcome.Objects) < 2 {
		t.Errorf("the refusal is not shown under the editor")
	}
}

// TestScreensBuiltWhenFirstShown checks that start-up builds only the
// screen on show (and Profiles, which the tray needs), that a screen is
// built and loaded when first opened, and that Reload then reloads it too.
func TestScreensBuiltWhenFirstShown(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOSUMDB=" + newSumDB + "\n")
	u, _ := f.newUI()
	for i, s := range u.screens {
		if built := u.views[i] != nil; built != (i == 0 || s.Eager) {
			t.Errorf("%s built at start-up: %t", s.Title, built)
		}
	}
	mirrors, private := mustScreen(t, u, "nav.mirrors"), mustScreen(t, u, "nav.private")
	u.nav.Select(mirrors)
	u.nav.Select(private)
	m := u.views[mirrors]
	if m == nil || u.views[private] == nil {
		t.Fatal("opening Mirrors and Private did not build them")
	}

	f.writeEnvFile("GOSUMDB=off\n")
	u.Reload()
	u.nav.Select(mirrors)
	if u.views[mirrors] != m {
		t.Error("showing Mirrors again built it again")
	}
	for name, r := range map[string]*resolve.Resolution{"Mirrors": u.mirrors.res, "Private": u.private.res} {
		if got := r.Value("GOSUMDB"); got != "off" {
			t.Errorf("after Reload, the %s screen has GOSUMDB=%s, want the file's new value off", name, got)
		}
	}
}

// mustScreen is the navigation index of the screen titled title.
func mustScreen(t *testing.T, u *UI, title string) int {
	t.Helper()
	i := u.screenIndex(title)
	if i < 0 {
		t.Fatalf("no %s screen", title)
	}
	return i
}
