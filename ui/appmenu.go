package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/core/resolve"
)

// Smallest window size worth restoring.
const minWidth, minHeight = 640, 420

// fileMenu is the File menu: Reload, Settings… and Quit. Fyne gives Quit
// its action: it closes the windows, so the window size is saved.
func (u *UI) fileMenu(reload *fyne.MenuItem) *fyne.Menu {
	settings := fyne.NewMenuItem(lang.L("menu.settings"), u.onSettingsTapped)
	settings.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
	quit := fyne.NewMenuItem(lang.L("menu.quit"), nil)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	return fyne.NewMenu(lang.L("menu.file"), reload, settings, fyne.NewMenuItemSeparator(), quit)
}

// helpMenu opens the first-run assistant again, or lists the shortcuts.
func (u *UI) helpMenu() *fyne.Menu {
	return fyne.NewMenu(lang.L("menu.help"),
		fyne.NewMenuItem(lang.L("menu.setup"), u.openOnboarding),
		fyne.NewMenuItem(lang.L("menu.shortcuts"), u.showShortcuts))
}

// onSettingsTapped opens the settings dialog.
func (u *UI) onSettingsTapped() {
	newSettingsDialog(u.app, u.win).open()
}

// restoreWindow gives the window its size of the last run, if any, and
// remembers the size when the window closes (also on Quit), then runs the
// OnQuit callbacks: the app's only window closing quits it.
func (u *UI) restoreWindow() {
	prefs := u.app.Preferences()
	w, h := prefs.Float(prefWidth), prefs.Float(prefHeight)
	if w >= minWidth && h >= minHeight {
		u.win.Resize(fyne.NewSize(float32(w), float32(h)))
	}
	u.win.SetOnClosed(func() {
		u.saveWindowSize()
		for _, f := range u.onQuit {
			f()
		}
	})
}

// OnQuit adds f to what runs, on the UI goroutine, when the app begins to
// quit through its window: the close button, File ▸ Quit or the tray's
// Quit. (A signal stops Fyne without closing the window.)
func (u *UI) OnQuit(f func()) { u.onQuit = append(u.onQuit, f) }

// saveWindowSize remembers the window's size for the next run.
func (u *UI) saveWindowSize() {
	s := u.win.Canvas().Size()
	if s.Width >= minWidth && s.Height >= minHeight {
		u.app.Preferences().SetFloat(prefWidth, float64(s.Width))
		u.app.Preferences().SetFloat(prefHeight, float64(s.Height))
	}
}

// offerOnboarding opens the first-run assistant if it is needed: checked
// off the UI goroutine, since it resolves and reads the profiles. When the
// user already configured a proxy, it is remembered as done.
func (u *UI) offerOnboarding() {
	prefs := u.app.Preferences()
	if prefs.Bool(prefOnboarded) {
		return
	}
	st := u.profiles.store
	u.run(func() func() {
		r := u.svc.Resolve()
		active := ""
		if st.Dir != "" {
			active, _ = st.Active()
		}
		return func() { u.onOnboardingChecked(r, active) }
	})
}

// onOnboardingChecked opens the assistant, or remembers it is not needed.
func (u *UI) onOnboardingChecked(r *resolve.Resolution, active string) {
	if needsOnboarding(u.app.Preferences(), r, active) {
		u.openOnboarding()
		return
	}
	u.markOnboarded()
}

// openOnboarding opens the first-run assistant.
func (u *UI) openOnboarding() {
	u.onboard = newOnboardWizard(u.svc, u.win, u.run, u.onWritten, u.markOnboarded)
	u.onboard.measurable = probeAllowed(u.app.Preferences())
	u.onboard.open()
}

// markOnboarded remembers that the first-run assistant is done.
func (u *UI) markOnboarded() { u.app.Preferences().SetBool(prefOnboarded, true) }
