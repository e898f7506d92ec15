package ui

import (
	"fmt"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// shortcutRow is one line of the keyboard shortcuts dialog.
type shortcutRow struct {
	keys, action string
}

// shortcutRows lists every keyboard shortcut, in the words of the user's
// language; the screens come from the navigation table.
func (u *UI) shortcutRows() []shortcutRow {
	var rows []shortcutRow
	for i, s := range u.screens {
		rows = append(rows, shortcutRow{withShortcutKey(fmt.Sprint(i + 1)), lang.X(s.Title, s.Title)})
	}
	return append(rows,
		shortcutRow{withShortcutKey("P"), lang.L("menu.probe")},
		shortcutRow{withShortcutKey("R") + ", F5", lang.L("menu.reload")},
		shortcutRow{withShortcutKey("Z"), lang.L("menu.undo")},
		shortcutRow{withShortcutKey(","), lang.L("menu.settings")},
		shortcutRow{"F1", lang.L("menu.shortcuts")},
		shortcutRow{withShortcutKey("Q"), lang.L("menu.quit")},
		shortcutRow{lang.L("keys.tab"), lang.L("keys.tab.action")},
		shortcutRow{lang.L("keys.activate"), lang.L("keys.activate.action")},
		shortcutRow{lang.L("keys.arrows"), lang.L("keys.arrows.action")},
		shortcutRow{"Enter", lang.L("keys.enter.action")},
		shortcutRow{"Esc", lang.L("keys.escape.action")},
	)
}

// withShortcutKey names key with the platform's shortcut modifier: Cmd on
// macOS, Ctrl elsewhere (fyne.KeyModifierShortcutDefault).
func withShortcutKey(key string) string {
	if runtime.GOOS == "darwin" {
		return "Cmd+" + key
	}
	return "Ctrl+" + key
}

// showShortcuts shows the keyboard shortcuts in a dialog.
func (u *UI) showShortcuts() {
	form := container.New(layout.NewFormLayout())
	for _, r := range u.shortcutRows() {
		key := widget.NewLabelWithStyle(r.keys, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
		form.Objects = append(form.Objects, key, widget.NewLabel(r.action))
	}
	// A scroller, so that in a small window the Close button never covers
	// the last rows.
	scroll := container.NewVScroll(form)
	scroll.SetMinSize(fyne.NewSize(form.MinSize().Width, min(form.MinSize().Height, 360)))
	d := dialog.NewCustom(lang.L("menu.shortcuts"), lang.L("settings.close"), scroll, u.win)
	showDialog(u.win, d, d.Hide, nil)
}
