// Package ui is Go Mirror's desktop interface: one screen per file, each a
// struct of its widgets and the core services it uses. All logic lives in
// core; the screens only adapt its values to widgets.
package ui

import (
	"runtime/debug"
	"slices"
	"time"

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

// screen is one entry of the navigation table. Screens are built the first
// time they are shown, which keeps start-up fast and the fonts, widgets and
// data of screens never opened out of memory.
type screen struct {
	Title string // translation key
	Icon  fyne.Resource
	View  func() fyne.CanvasObject // builds the screen and starts its first load
	Load  func()                   // reloads the built screen; nil: nothing to reload
	Eager bool                     // built at start-up, whichever screen is shown
}

// UI is the content of Go Mirror's main window.
type UI struct {
	app fyne.App
	win fyne.Window
	svc *service.Service
	run runner

	overview *overviewScreen
	history  *historyScreen
	mirrors  *mirrorsScreen
	private  *privateScreen
	profiles *profilesScreen
	onboard  *onboardWizard // the first-run assistant, once opened
	notice   *writeNotice   // the bar after every write, with Undo
	live     liveWatch
	screens  []screen
	views    []fyne.CanvasObject // screens[i].View(), nil until first shown
	current  int                 // index of the screen on show

	nav       *widget.List
	content   *fyne.Container
	onQuit    []func() // see OnQuit
	onStarted []func() // see OnStarted
}

// New builds the user interface into w, backed by svc, and starts loading
// the settings in the background.
func New(a fyne.App, w fyne.Window, svc *service.Service) *UI {
	if a.Preferences().String(prefTheme) == "" {
		applyTheme(a, "") // the app's theme in the system's variant; tests keep Fyne's test theme
	}
	u := newUI(a, w, svc, background)
	u.restoreWindow()
	u.profiles.load() // the shown screen loaded as it was built
	u.offerOnboarding()
	u.profiles.start(network.System()) // the tray and the network watcher
	u.startLive()                      // after it: chains its stop callback
	a.Lifecycle().SetOnStarted(func() {
		for _, f := range u.onStarted {
			f()
		}
		time.AfterFunc(startupSettle, debug.FreeOSMemory)
	})
	return u
}

// OnStarted adds f to what runs on the UI goroutine once the app runs and
// its window is shown.
func (u *UI) OnStarted(f func()) { u.onStarted = append(u.onStarted, f) }

// startupSettle is how long after the window opens the memory of start-up
// goes back to the OS. Measuring and drawing the first screen parses the
// fonts and shapes every label: tens of megabytes of short-lived garbage,
// which Go's scavenger would otherwise return only slowly. By then the
// first screen's loads are in.
const startupSettle = 2 * time.Second

func newUI(a fyne.App, w fyne.Window, svc *service.Service, run runner) *UI {
	loadTranslations(a.Preferences())
	if t := a.Preferences().String(prefTheme); t != "" {
		applyTheme(a, t) // else New applies the app's theme in the system's variant
	}
	u := &UI{app: a, win: w, svc: svc, run: run}
	u.notice = newWriteNotice(svc, run, u.Reload)
	u.notice.prime()
	u.overview = newOverviewScreen(svc, w, run, u.onWritten)
	u.history = newHistoryScreen(svc, w, run, u.onWritten)
	u.profiles = newProfilesScreen(a, svc, w, run, u.onWritten)
	u.screens = u.table()
	u.views = make([]fyne.CanvasObject, len(u.screens))
	for i, s := range u.screens {
		if s.Eager {
			u.views[i] = s.View()
		}
	}
	first := max(0, min(a.Preferences().IntWithFallback(prefScreen, 0), len(u.screens)-1))
	if u.views[first] == nil {
		u.views[first] = u.screens[first].View() // before the window lays it out
	}
	w.SetContent(u.buildUI())
	u.addShortcuts()
	u.nav.Select(first)
	return u
}

// table is the navigation table.
// The profiles screen is built at once: the tray menu and the network
// watcher need its profiles whichever screen is on show.
func (u *UI) table() []screen {
	u.mirrors = newMirrorsScreen(u.svc, u.win, u.run, u.onWritten)
	u.mirrors.remember(u.app.Preferences())
	u.private = newPrivateScreen(u.svc, u.win, u.run, u.onWritten)
	return []screen{
		{"nav.overview", theme.HomeIcon(), loaded(u.overview.buildUI, u.overview.load), u.overview.load, false},
		{"nav.mirrors", theme.StorageIcon(), u.mirrors.buildUI, u.mirrors.load, false},
		{"nav.private", theme.VisibilityOffIcon(), u.private.buildUI, u.private.load, false},
		{"nav.profiles", theme.AccountIcon(), u.profiles.buildUI, u.profiles.load, true},
		{"nav.history", theme.HistoryIcon(), loaded(u.history.buildUI, u.history.load), u.history.load, false},
		{"nav.troubleshoot", theme.SearchIcon(), newTroubleshootScreen(u.svc, u.win, u.run, u.onWritten).buildUI, nil, false},
	}
}

// loaded returns a View that builds a screen and then loads it.
func loaded(build func() fyne.CanvasObject, load func()) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		v := build()
		load()
		return v
	}
}

// buildUI puts the navigation list on the left of the current screen.
func (u *UI) buildUI() fyne.CanvasObject {
	u.content = container.NewStack()
	u.nav = widget.NewList(func() int { return len(u.screens) }, newNavItem, u.updateNavItem)
	u.nav.OnSelected = u.onScreenSelected
	// The focus watch takes no room: a container without a layout keeps
	// it at size zero.
	watch := container.NewWithoutLayout(newFocusWatch(u.win.Canvas()))
	return container.NewBorder(nil, u.notice.bar, container.NewHBox(u.nav, widget.NewSeparator()), nil, u.content, watch)
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
	u.mirrors.setHidden(u.screens[id].Title != "nav.mirrors")
	if u.views[id] == nil {
		u.views[id] = u.screens[id].View()
	}
	u.content.Objects = []fyne.CanvasObject{u.views[id]}
	u.content.Refresh()
	u.app.Preferences().SetInt(prefScreen, id)
}

// onWritten is what screens call after a write: every screen loads again
// and the notice says what was written, with Undo.
func (u *UI) onWritten() {
	u.Reload()
	u.notice.showNewest()
}

// Reload loads every screen built so far again, in the background: the
// settings, the history, the profiles, the mirrors and the private modules.
func (u *UI) Reload() {
	for i, s := range u.screens {
		if u.views[i] != nil && s.Load != nil {
			s.Load()
		}
	}
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
	probe := fyne.NewMenuItem(lang.L("menu.probe"), u.onProbeShortcut)
	probe.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	views = append(views, fyne.NewMenuItemSeparator(), probe)
	return fyne.NewMainMenu(
		u.fileMenu(reload),
		fyne.NewMenu(lang.L("menu.edit"), undo),
		fyne.NewMenu(lang.L("menu.view"), views...),
		u.helpMenu(),
	)
}

// onProbeShortcut shows the Mirrors screen and starts or stops probing.
func (u *UI) onProbeShortcut() {
	u.nav.Select(u.screenIndex("nav.mirrors"))
	u.mirrors.toggleProbe()
}

// screenIndex returns the navigation index of the screen titled title
// (its translation key), or -1.
func (u *UI) screenIndex(title string) int {
	return slices.IndexFunc(u.screens, func(s screen) bool { return s.Title == title })
}

// onUndoShortcut undoes the newest write, showing the outcome where the
// user is: in the history, or else under the overview's editor.
func (u *UI) onUndoShortcut(fyne.Shortcut) {
	if u.screens[u.current].Title == "nav.history" {
		u.history.onUndoTapped()
		return
	}
	u.nav.Select(u.screenIndex("nav.overview"))
	u.overview.detail.onUndoTapped()
}

// onTypedKey reloads on F5 and lists the shortcuts on F1, when no widget
// has the focus.
func (u *UI) onTypedKey(ev *fyne.KeyEvent) {
	if dialogKey(u.win, ev.Name) {
		return
	}
	switch ev.Name {
	case fyne.KeyF5:
		u.Reload()
	case fyne.KeyF1:
		u.showShortcuts()
	}
}
