package ui

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/assets"
	"github.com/gomirror/gomirror/core/network"
	"github.com/gomirror/gomirror/core/profile"
)

// trayMenu is the system tray menu: the active profile, each profile to
// switch to (the active one checked), an item that shows the window, and
// Quit. Quit is onQuit, not Fyne's own (which stops the app without closing
// the window): the app closes its window, so that quitting from the tray
// remembers the window's size and begins the quit as the File menu does.
func trayMenu(ps []profile.Profile, active string, onApply func(name string), onShow, onQuit func()) *fyne.Menu {
	head := fyne.NewMenuItem(lang.L("tray.noactive"), nil)
	if active != "" {
		head.Label = lang.L("tray.active", map[string]any{"Name": active})
	}
	head.Disabled = true
	items := []*fyne.MenuItem{head, fyne.NewMenuItemSeparator()}
	for _, q := range ps {
		item := fyne.NewMenuItem(q.Name, func() { onApply(q.Name) })
		item.Checked = q.Name == active
		items = append(items, item)
	}
	quit := fyne.NewMenuItem(lang.L("menu.quit"), onQuit)
	quit.IsQuit = true
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("tray.show"), onShow),
		fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMenu("Go Mirror", items...)
}

// start sets up the system tray, when the app has one, and the network
// watcher on src. The real app calls it once; tests drive the parts.
func (p *profilesScreen) start(src network.Source) {
	if da, ok := p.app.(desktop.App); ok && trayAvailable() {
		da.SetSystemTrayIcon(assets.Icon)
		p.tray = func() { da.SetSystemTrayMenu(trayMenu(p.profiles, p.active, p.applyByName, p.win.Show, p.win.Close)) }
		p.tray()
	}
	p.net.watch(src)
}

// trayAvailable reports whether a system tray can be used. On Linux and
// the BSDs the tray speaks D-Bus, and Fyne's tray crashes at quit when
// there is no session bus, so it is used only when one is announced.
func trayAvailable() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	return os.Getenv("DBUS_SESSION_BUS_ADDRESS") != ""
}
