// Package ui is Go Mirror's desktop interface: one screen per file, each a
// struct of its widgets and the core services it uses. All logic lives in
// core; the screens only adapt its values to widgets.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/network"
	"github.com/gomirror/gomirror/core/service"
)

// prefScreen remembers the screen shown last.
const prefScreen = "screen"

// screen is one entry of the navigation table.
type screen struct {
	Title string // translation key
	Icon  fyne.Resource
	View  func() fyne.CanvasObject
}

// UI is the content of Go Mirror's main window.
type UI struct {
	app fyne.App
	win fyne.Window
	svc *service.Service
	run runner

	overview *overviewScreen
	history  *historyScreen
	profiles *profilesScreen
	onboard  *onboardWizard // the first-run assistant, once opened
	screens  []screen
	views    []fyne.CanvasObject // screens[i].View(), built once
	current  int                 // index of the screen on show

	nav     *widget.List
	content *fyne.Container
}

// New builds the user interface into w, backed by svc, and starts loading
// the settings in the background.
func New(a fyne.App, w fyne.Window, svc *service.Service) *UI {
	u := newUI(a, w, svc, background)
	u.restoreWindow()
	u.Reload()
	u.offerOnboarding()
	u.profiles.start(network.System()) // the tray and the network watcher
	u.startLive()                      // after it: chains its stop callback
	return u
}

func newUI(a fyne.App, w fyne.Window, svc *service.Service, run runner) *UI {
	loadTranslations(a.Preferences())
	if t := a.Preferences().String(prefTheme); t != "" {
		applyTheme(a, t) // else the app's own theme, which follows the system
	}
	u := &UI{app: a, win: w, svc: svc, run: run}
	u.overview = newOverviewScreen(svc, w, run, u.Reload)
	u.history = newHistoryScreen(svc, w, run, u.Reload)
	u.profiles = newProfilesScreen(a, svc, w, run, u.Reload)
	u.screens = u.table()
	w.SetContent(u.buildUI())
	u.addShortcuts()
	u.nav.Select(max(0, min(a.Preferences().IntWithFallback(prefScreen, 0), len(u.screens)-1)))
	return u
}

// table is the navigation table.
func (u *UI) table() []screen {
	return []screen{
		{"nav.overview", theme.HomeIcon(), u.overview.buildUI},
		{"nav.mirrors", theme.StorageIcon(), newMirrorsScreen(u.svc, u.win, u.run, u.Reload).buildUI},
		{"nav.private", theme.VisibilityOffIcon(), newPrivateScreen(u.svc, u.win, u.run, u.Reload).buildUI},
		{"nav.profiles", theme.AccountIcon(), u.profiles.buildUI},
		{"nav.history", theme.HistoryIcon(), u.history.buildUI},
		{"nav.troubleshoot", theme.SearchIcon(), newTroubleshootScreen(u.svc, u.win, u.run, u.Reload).buildUI},
	}
}

// buildUI puts the navigation list on the left of the current screen.
func (u *UI) buildUI() fyne.CanvasObject {
	u.content = container.NewStack()
	u.nav = widget.NewList(func() int { return len(u.screens) }, newNavItem, u.updateNavItem)
	u.nav.OnSelected = u.onScreenSelected
	for _, s := range u.screens {
		u.views = append(u.views, s.View()) // every screen now, so that loads can fill them
	}
	return container.NewBorder(nil, nil, container.NewHBox(u.nav, widget.NewSeparator()), nil, u.content)
}

// newNavItem is a navigation row, sized for the longest title.
func newNavItem() fyne.CanvasObject {
	return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(lang.L("nav.private")))
}

func (u *UI) updateNavItem(id widget.ListItemID, obj fyne.CanvasObject) {
	row := obj.(*fyne.Container)
	row.Objects[0].(*widget.Icon).SetResource(u.screens[id].Icon)
	row.Objects[1].(*widget.Label).SetText(lang.X(u.screens[id].Title, u.screens[id].Title))
}

// onScreenSelected shows screen id and remembers it.
func (u *UI) onScreenSelected(id widget.ListItemID) {
	if id < 0 || id >= len(u.screens) {
		return
	}
	u.current = id
	u.content.Objects = []fyne.CanvasObject{u.views[id]}
	u.content.Refresh()
	u.app.Preferences().SetInt(prefScreen, id)
}

// Reload resolves the settings and reads the history again, in the
// background.
func (u *UI) Reload() {
	u.overview.load()
	u.history.load()
	u.profiles.load()
}

// addShortcuts puts Ctrl+1…6 (switch screen) and Ctrl+R (reload) in the
// main menu, where they work even while an entry has the focus, and binds
// Ctrl+Z (undo the last write, when no entry has the focus), F5 (reload)
// and F1 (the keyboard shortcuts) on the canvas.
func (u *UI) addShortcuts() {
	u.win.SetMainMenu(u.mainMenu())
	u.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, u.onUndoShortcut)
	u.win.Canvas().SetOnTypedKey(u.onTypedKey)
}

// mainMenu is the File, Edit and View menus; Fyne adds Quit to File.
func (u *UI) mainMenu() *fyne.MainMenu {
	reload := fyne.NewMenuItem(lang.L("menu.reload"), u.Reload)
	reload.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	undo := fyne.NewMenuItem(lang.L("menu.undo"), func() { u.onUndoShortcut(nil) })
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6}
	var views []*fyne.MenuItem
	for i, s := range u.screens {
		item := fyne.NewMenuItem(lang.X(s.Title, s.Title), func() { u.nav.Select(i) })
		if i < len(keys) {
			item.Shortcut = &desktop.CustomShortcut{KeyName: keys[i], Modifier: fyne.KeyModifierShortcutDefault}
		}
		views = append(views, item)
	}
	return fyne.NewMainMenu(
		u.fileMenu(reload),
		fyne.NewMenu(lang.L("menu.edit"), undo),
		fyne.NewMenu(lang.L("menu.view"), views...),
		u.helpMenu(),
	)
}

// onUndoShortcut undoes the newest write, showing the outcome where the
// user is: in the history, or else under the overview's editor.
func (u *UI) onUndoShortcut(fyne.Shortcut) {
	if u.screens[u.current].Title == "nav.history" {
		u.history.onUndoTapped()
		return
	}
	u.nav.Select(0)
	u.overview.detail.onUndoTapped()
}

// onTypedKey reloads on F5 and lists the shortcuts on F1, when no widget
// has the focus.
func (u *UI) onTypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF5:
		u.Reload()
	case fyne.KeyF1:
		u.showShortcuts()
	}
}
