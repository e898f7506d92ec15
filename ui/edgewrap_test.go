package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// box is a rectangle whose minimum size is w×h.
func box(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

func TestEdgeWrapLayout(t *testing.T) {
	test.NewTempApp(t)
	pad := theme.Padding()
	for _, tc := range []struct {
		width         float32
		wantX, wantY  float32 // where the second object goes
		wantMinHeight float32
	}{
		{width: 1200, wantX: 1200 - 150, wantY: (40 - 36) / 2, wantMinHeight: 40},
		{width: 300 + pad + 150, wantX: 300 + pad, wantY: 2, wantMinHeight: 40},
		{width: 300 + pad + 149, wantX: 0, wantY: 40 + pad, wantMinHeight: 40 + pad + 36},
		{width: 300, wantX: 0, wantY: 40 + pad, wantMinHeight: 40 + pad + 36},
	} {
		choice, button := box(300, 40), box(150, 36)
		c := container.New(newEdgeWrapLayout(), choice, button)
		c.Resize(fyne.NewSize(tc.width, 100))
		if got := button.Position(); got != fyne.NewPos(tc.wantX, tc.wantY) {
			t.Errorf("width %.0f: the button is at %v, want %v", tc.width, got, fyne.NewPos(tc.wantX, tc.wantY))
		}
		if got := choice.Position(); got.X != 0 {
			t.Errorf("width %.0f: the choice is at %v, want at the leading edge", tc.width, got)
		}
		if got := c.MinSize(); got != fyne.NewSize(300, tc.wantMinHeight) {
			t.Errorf("width %.0f: MinSize = %v, want 300×%.0f", tc.width, got, tc.wantMinHeight)
		}
	}
	// A hidden button leaves the choice alone at the leading edge.
	choice, button := box(300, 40), box(150, 36)
	button.Hide()
	c := container.New(newEdgeWrapLayout(), choice, button)
	c.Resize(fyne.NewSize(1200, 100))
	if c.MinSize() != fyne.NewSize(300, 40) || choice.Position() != (fyne.Position{}) {
		t.Errorf("with the button hidden: MinSize %v, choice at %v", c.MinSize(), choice.Position())
	}
}

// TestContextsProcessesButtonAtTheRightEdge checks the Overview's contexts
// row: in a wide window the processes button ends at the row's right edge,
// level with the choice; in a narrow one it goes below the choice.
func TestContextsProcessesButtonAtTheRightEdge(t *testing.T) {
	test.NewTempApp(t)
	b := newContextsBar(nil, nil)
	b.box.Show()
	b.row.Show()
	b.progress.Hide()
	b.box.Resize(fyne.NewSize(1400, b.box.MinSize().Height))
	row, procs, choice := b.row, b.procs, b.choice
	if right := procs.Position().X + procs.Size().Width; right != row.Size().Width {
		t.Errorf("wide: the processes button ends at %.0f, want the row's right edge %.0f", right, row.Size().Width)
	}
	if procs.Position().Y >= choice.Position().Y+choice.Size().Height {
		t.Errorf("wide: the processes button at %v is below the choice at %v", procs.Position(), choice.Position())
	}
	narrow := choice.MinSize().Width + procs.MinSize().Width // no room for both and the padding
	b.box.Resize(fyne.NewSize(narrow, b.box.MinSize().Height))
	b.box.Resize(fyne.NewSize(narrow, b.box.MinSize().Height))
	if procs.Position().X != 0 || procs.Position().Y < choice.Position().Y+choice.Size().Height {
		t.Errorf("narrow (%.0f px): the processes button is at %v, want below the choice (at %v, %v high)",
			narrow, procs.Position(), choice.Position(), choice.Size().Height)
	}
	if h := row.MinSize().Height; h < choice.MinSize().Height+procs.MinSize().Height {
		t.Errorf("narrow: the row's minimum height %.0f leaves no room for the button below the choice", h)
	}
}
