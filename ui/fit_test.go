package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// smallWindow is the smallest window the app must fit at scale 1.0: half
// of a 1600 px screen beside a terminal, 560 px high.
var smallWindow = fyne.NewSize(800, 560)

// menuBarHeight is what the window's menu bar takes from its height.
const menuBarHeight = 36

// mainActions are the buttons each screen must show inside the small
// window, by their English text.
var mainActions = map[string][]string{
	"nav.overview":     {},
	"nav.mirrors":      {"Start", "Stop"},
	"nav.private":      {},
	"nav.profiles":     {"Apply", "Edit", "Save current settings…"},
	"nav.history":      {"Undo last", "Redo"},
	"nav.troubleshoot": {},
}

// TestWindowFits800x560 checks, with the default theme at scale 1.0, that
// no screen needs a window larger than 800×560, and that each screen's
// main actions lie inside it.
func TestWindowFits800x560(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	u.app.Settings().SetTheme(theme.DefaultTheme())
	content := fyne.NewSize(smallWindow.Width, smallWindow.Height-menuBarHeight)
	w.Resize(content)
	for i, s := range u.screens {
		u.nav.Select(i)
		w.Resize(content)
		if min := w.Content().MinSize(); min.Width > content.Width || min.Height > content.Height {
			t.Errorf("%s needs %.0f×%.0f, more than %.0f×%.0f", s.Title, min.Width, min.Height, content.Width, content.Height)
		}
		for _, text := range mainActions[s.Title] {
			b := findVisibleButton(w.Content(), text)
			if b == nil {
				t.Errorf("%s: no button %q on show", s.Title, text)
				continue
			}
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > content.Width+1 || pos.Y+b.Size().Height > content.Height+1 || b.Size().Width < b.MinSize().Width-1 {
				t.Errorf("%s: %q at %v size %v is not wholly inside %v", s.Title, text, pos, b.Size(), content)
			}
		}
	}
	// The chain builder is a tab of the Mirrors screen in the small window.
	if u.mirrors.panes.wide {
		t.Error("the Mirrors screen shows the chain builder beside the table at 800 px")
	}
}

// findVisibleButton returns the visible button labelled text under o.
func findVisibleButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}
