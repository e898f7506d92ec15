package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

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
