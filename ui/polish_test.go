package ui

import (
	"encoding/json"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/gomirror/gomirror/assets"
)

// menuItem returns the item labelled label of the window's main menu.
func menuItem(t *testing.T, w fyne.Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// topDialog returns the content of the dialog on top of w.
func topDialog(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

func TestSettingsThemeAppliesAndPersists(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	menuItem(t, w, lang.L("menu.settings")).Action()
	topDialog(t, w)
	s := newSettingsDialog(u.app, w)
	s.buildUI()
	s.theme.SetSelected(lang.L("settings.dark"))
	if got := u.app.Preferences().String(prefTheme); got != "dark" {
		t.Errorf("theme preference = %q, want dark", got)
	}
	bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); bg != want {
		t.Errorf("background with the dark theme = %v, want the dark variant's %v", bg, want)
	}
	s.language.SetSelected("简体中文")
	if got := u.app.Preferences().String(prefLanguage); got != "zh-Hans" {
		t.Errorf("language preference = %q, want zh-Hans", got)
	}
	again := newSettingsDialog(u.app, w)
	again.buildUI()
	if again.theme.Selected != lang.L("settings.dark") || again.language.Selected != "简体中文" {
		t.Errorf("reopened settings show %q and %q, want the stored choices", again.theme.Selected, again.language.Selected)
	}
}

func TestForceLocaleRestores(t *testing.T) {
	t.Setenv("LC_ALL", "en_US.UTF-8")
	restore := forceLocale("zh_CN.UTF-8")
	restore()
	if got := os.Getenv("LC_ALL"); got != "en_US.UTF-8" {
		t.Errorf("LC_ALL after restore = %q, want en_US.UTF-8", got)
	}
}

func TestShortcutsDialogListsEveryScreen(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	menuItem(t, w, lang.L("menu.shortcuts")).Action()
	d := topDialog(t, w)
	for i, s := range u.screens {
		if !labelsContain(d, withShortcutKey(string(rune('1'+i)))) || !labelsContain(d, lang.L(s.Title)) {
			t.Errorf("the shortcuts dialog does not list %s for %s", withShortcutKey(string(rune('1'+i))), s.Title)
		}
	}
}

func TestHelpMenuOpensOnboarding(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	menuItem(t, w, lang.L("menu.setup")).Action()
	if u.onboard == nil || !labelsContain(topDialog(t, w), "go1.26.8") {
		t.Fatal("Help > Set up does not open the assistant on step 1")
	}
	test.Tap(u.onboard.skip)
	if !u.app.Preferences().Bool(prefOnboarded) {
		t.Error("skipping the assistant is not remembered")
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	w.Resize(fyne.NewSize(900, 600))
	u.saveWindowSize()
	w.Resize(fyne.NewSize(700, 500))
	u.restoreWindow()
	if got := w.Canvas().Size(); got != fyne.NewSize(900, 600) {
		t.Errorf("window size after restore = %v, want 900x600", got)
	}
}

// TestQuitThroughWindow checks that closing the window (the close button,
// File ▸ Quit and the tray's Quit all do) saves its size and runs the
// OnQuit callbacks, which the app uses to make sure the process ends.
func TestQuitThroughWindow(t *testing.T) {
	f := newFixture(t)
	a := test.NewTempApp(t)
	w := test.NewWindow(nil) // closed by the test, not by a cleanup
	u := newUI(a, w, f.svc, inline)
	u.restoreWindow()
	quits := 0
	u.OnQuit(func() { quits++ })
	w.Resize(fyne.NewSize(880, 610))
	w.Close()
	if quits != 1 {
		t.Errorf("OnQuit callbacks ran %d times on close, want 1", quits)
	}
	if got := u.app.Preferences().Float(prefWidth); got != 880 {
		t.Errorf("saved width after close = %v, want 880", got)
	}
}

func TestContextsBarCancel(t *testing.T) {
	test.NewTempApp(t)
	b := newContextsBar(nil, func() {})
	cancelled := false
	b.onCancel = func() { cancelled = true }
	b.setBusy(true)
	test.Tap(b.stop)
	if !cancelled {
		t.Error("Cancel beside “Reading your login shell…” does not cancel the inspection")
	}
}

func TestTabReachesMainControls(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	seen := map[fyne.Focusable]bool{}
	for range 200 {
		w.Canvas().FocusNext()
		if o := w.Canvas().Focused(); o != nil {
			seen[o] = true
		}
	}
	for name, o := range map[string]fyne.Focusable{
		"navigation list": u.nav, "overview Reload": u.overview.reload,
		"settings list": u.overview.list, "value entry": u.overview.detail.entry,
	} {
		if !seen[o] {
			t.Errorf("Tab never reaches the %s", name)
		}
	}
}

// TestPreferLanguageOverSystemLocale checks the chosen language where the
// locale variables are not read (Windows, macOS): Go Mirror's messages are
// shown in it on a system set to another language, and choosing the
// system's language again brings its messages back.
func TestPreferLanguageOverSystemLocale(t *testing.T) {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("LANG", "en_US.UTF-8") // an English system
	en, zh := translation(t, "en")["nav.overview"], translation(t, "zh-Hans")["nav.overview"]
	locales := systemLocales()
	t.Cleanup(func() { preferLanguage("en", locales) })

	preferLanguage("zh-Hans", locales)
	if got := lang.L("nav.overview"); got != zh {
		t.Errorf("with Chinese chosen on an English system (%v), nav.overview = %q, want %q", locales, got, zh)
	}
	preferLanguage("en", locales)
	if got := lang.L("nav.overview"); got != en {
		t.Errorf("with English chosen again, nav.overview = %q, want %q", got, en)
	}
}

// translation returns the embedded messages of the language tag.
func translation(t *testing.T, tag string) map[string]any {
	t.Helper()
	data, err := assets.Translation(tag)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
