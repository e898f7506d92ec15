package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/service"
)

// The small widgets and helpers that several screens share.

// wrapped is a word-wrapped label.
func wrapped(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping, l.Importance = fyne.TextWrapWord, imp
	return l
}

// setText sets l's text if it changed. A label's SetText refreshes it even
// to the same text, which measures and shapes it again and marks the window
// for a repaint; live screens refresh many labels that rarely change.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// heading is a bold section title.
func heading(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// enable enables w if ok and disables it otherwise.
func enable(w fyne.Disableable, ok bool) {
	if ok {
		w.Enable()
	} else {
		w.Disable()
	}
}

// outcome is a bold headline over the problems of a write.
func outcome(headline string, imp widget.Importance, ps []core.Problem) []fyne.CanvasObject {
	l := widget.NewLabel(headline)
	l.Wrapping, l.Importance, l.TextStyle.Bold = fyne.TextWrapWord, imp, true
	return append([]fyne.CanvasObject{l}, problemRows(ps)...)
}

// writeOutcome shows a write's result: a refusal with its problems, another
// error, or success with any warnings.
func writeOutcome(res *service.WriteResult, err error) []fyne.CanvasObject {
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		return outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems)
	case err != nil:
		return outcome(uiLang.Error(err), widget.DangerImportance, nil)
	}
	return outcome(lang.L("write.saved", map[string]any{"File": res.File}), widget.SuccessImportance, res.Warnings)
}

// wrappedHeading is a bold section title that wraps in a narrow panel.
func wrappedHeading(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), l)
}

// newBorder is container.NewBorder with its objects in reading order: top,
// left, center, right, bottom. Tab moves through a container's objects in
// their order, and container.NewBorder puts the center first, so that Tab
// went from a list to the search box above it.
//
// The order has a cost that the container makes up for. Before a repaint
// Fyne lays out again the parent of an object whose minimum size changed,
// but it remembers only the last such parent while it walks the objects
// (common.Canvas.EnsureMinSize), so a top or left edge that grew went
// unnoticed when anything in the center changed in the same frame: the
// Overview's contexts row was drawn under the search box. A sizeWitness
// after the center, whose minimum size is the edges', asks again.
func newBorder(top, bottom, left, right fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, len(center)+5)
	for _, group := range [][]fyne.CanvasObject{{top}, {left}, center, {right}, {bottom}} {
		for _, o := range group {
			if o != nil {
				objs = append(objs, o)
			}
		}
	}
	w := newSizeWitness(top, left)
	return container.New(&witnessedLayout{layout.NewBorderLayout(top, bottom, left, right), w}, append(objs, w)...)
}

// witnessedLayout is a layout that ignores its container's sizeWitness.
type witnessedLayout struct {
	border  fyne.Layout
	witness fyne.CanvasObject
}

// without returns objects without the witness.
func (l *witnessedLayout) without(objects []fyne.CanvasObject) []fyne.CanvasObject {
	if n := len(objects); n > 0 && objects[n-1] == l.witness {
		return objects[:n-1]
	}
	return objects
}

// Layout implements fyne.Layout.
func (l *witnessedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.border.Layout(l.without(objects), size)
}

// MinSize implements fyne.Layout.
func (l *witnessedLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return l.border.MinSize(l.without(objects))
}

// sizeWitness is an invisible object whose minimum size is the height of
// a border's top and the width of its left edge; see newBorder.
type sizeWitness struct {
	widget.BaseWidget
	top, left fyne.CanvasObject
}

func newSizeWitness(top, left fyne.CanvasObject) *sizeWitness {
	w := &sizeWitness{top: top, left: left}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer implements fyne.Widget: the witness draws nothing.
func (w *sizeWitness) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MinSize implements fyne.CanvasObject.
func (w *sizeWitness) MinSize() fyne.Size {
	var s fyne.Size
	if w.left != nil && w.left.Visible() {
		s.Width = w.left.MinSize().Width
	}
	if w.top != nil && w.top.Visible() {
		s.Height = w.top.MinSize().Height
	}
	return s
}
