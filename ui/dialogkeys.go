package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// openDialog is a dialog on show, with what Enter and Esc do in it.
type openDialog struct {
	popup fyne.CanvasObject // the dialog's overlay on the window's canvas
	enter func()            // presses the default button; nil when there is none
	esc   func()            // closes the dialog
}

// openDialogs are the dialogs shown through showDialog, per window. Only
// the UI goroutine touches it.
var openDialogs = map[fyne.Window][]openDialog{}

// showDialog shows d on win and gives it the keyboard conventions: Enter
// presses its default button (enter; nil for none), Esc closes it (esc;
// d.Hide if nil, which answers "cancel" to a confirmation).
func showDialog(win fyne.Window, d dialog.Dialog, enter, esc func()) {
	d.Show()
	if esc == nil {
		esc = d.Hide
	}
	od := openDialog{popup: win.Canvas().Overlays().Top(), enter: enter, esc: esc}
	openDialogs[win] = append(live(win), od)
}

// live returns the tracked dialogs of win still on show.
func live(win fyne.Window) []openDialog {
	shown := win.Canvas().Overlays().List()
	return slices.DeleteFunc(openDialogs[win], func(od openDialog) bool {
		return od.popup == nil || !slices.Contains(shown, od.popup) || !od.popup.Visible()
	})
}

// topTracked returns the topmost dialog of win, if it is one of ours.
func topTracked(win fyne.Window) (openDialog, bool) {
	ds := live(win)
	openDialogs[win] = ds
	top := win.Canvas().Overlays().Top()
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].popup == top {
			return ds[i], true
		}
	}
	return openDialog{}, false
}

// dialogKey handles Enter and Esc for the topmost dialog of win; it
// reports whether it did.
func dialogKey(win fyne.Window, key fyne.KeyName) bool {
	od, ok := topTracked(win)
	if !ok {
		return false
	}
	switch key {
	case fyne.KeyEscape:
		od.esc()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if od.enter != nil {
			od.enter()
		}
		return true
	}
	return false
}

// pressIfEnabled returns a function that taps b unless it is disabled.
func pressIfEnabled(b *widget.Button) func() {
	return func() {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// dialogEntry is an Entry for dialogs: Esc closes the dialog even while it
// has the focus (a focused widget gets every key), and Enter submits
// (OnSubmitted).
type dialogEntry struct {
	widget.Entry
	win fyne.Window
}

// newDialogEntry makes an entry for a dialog on win.
func newDialogEntry(win fyne.Window) *dialogEntry {
	e := &dialogEntry{win: win}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable: Esc closes the dialog.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && dialogKey(e.win, fyne.KeyEscape) {
		return
	}
	e.Entry.TypedKey(ev)
}

// showErrorDialog shows err in a dialog that Enter and Esc close.
func showErrorDialog(err error, win fyne.Window) {
	d := dialog.NewError(err, win)
	showDialog(win, d, d.Hide, nil)
}

// showInformation shows message in a dialog that Enter and Esc close.
func showInformation(title, message string, win fyne.Window) {
	d := dialog.NewInformation(title, message, win)
	showDialog(win, d, d.Hide, nil)
}
