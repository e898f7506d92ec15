package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
)

// layerRow draws one layer of a precedence chain: the winning layer on a
// highlighted background with its name in bold, shadowed and ignored values
// struck through, and the file, line and note of the layer.
type layerRow struct {
	layer  core.Layer
	bg     *canvas.Rectangle
	source *widget.Label
	state  *widget.Label
	value  *strikeText
	where  *widget.Label
	note   *widget.Label
}

func newLayerRow(l core.Layer) *layerRow {
	r := &layerRow{
		layer:  l,
		bg:     canvas.NewRectangle(theme.Color(theme.ColorNameSelection)),
		source: widget.NewLabel(sourceName(l.Source)),
		state:  widget.NewLabel(stateName(l.State)),
		value:  newStrikeText(layerValueText(l), struck(l.State)),
		where:  widget.NewLabel(layerWhere(l)),
		note:   widget.NewLabel(noteText(l)),
	}
	r.bg.CornerRadius = theme.Size(theme.SizeNameSelectionRadius)
	r.bg.Hidden = l.State != core.StateWins
	r.source.TextStyle.Bold = l.State == core.StateWins
	r.state.Importance = stateImportance(l.State)
	r.state.TextStyle.Bold = l.State == core.StateWins
	if !l.Set {
		r.value.Style = fyne.TextStyle{Italic: true} // no theme has a monospace italic
	}
	r.where.Importance, r.where.Hidden = widget.LowImportance, r.where.Text == ""
	if l.State == core.StateWins { // the most useful fact on the screen: readable on the highlight
		r.where.Importance, r.where.TextStyle.Bold = widget.MediumImportance, true
	}
	r.where.SizeName, r.note.SizeName = theme.SizeNameCaptionText, theme.SizeNameCaptionText
	r.note.Wrapping, r.note.Hidden = fyne.TextWrapWord, r.note.Text == ""
	r.note.TextStyle.Italic = true
	return r
}

// object returns the row's canvas object.
func (r *layerRow) object() fyne.CanvasObject {
	head := container.NewHBox(r.source, r.state)
	body := container.NewVBox(head, r.value, r.where, r.note)
	return container.NewStack(r.bg, body)
}

// struck reports whether a layer in state s has its value struck through.
func struck(s core.LayerState) bool { return s == core.StateShadowed || s == core.StateIgnored }

func stateImportance(s core.LayerState) widget.Importance {
	switch s {
	case core.StateIgnored:
		return widget.WarningImportance
	case core.StateUnset:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// layerValueText is what a layer's value looks like on screen.
func layerValueText(l core.Layer) string {
	switch {
	case !l.Set:
		return lang.L("value.notset")
	case l.Value == "":
		return lang.L("value.empty")
	}
	return l.Value
}

// layerWhere is "file:line", the file alone, or "" for layers without one.
func layerWhere(l core.Layer) string {
	switch {
	case l.File == "":
		return ""
	case l.Line > 0:
		return fmt.Sprintf("%s:%d", l.File, l.Line)
	}
	return l.File
}

// newChain draws the layers of s top to bottom, highest precedence first.
func newChain(s core.Setting) ([]*layerRow, fyne.CanvasObject) {
	rows := make([]*layerRow, len(s.Chain))
	objs := make([]fyne.CanvasObject, 0, 2*len(s.Chain))
	for i, l := range s.Chain {
		rows[i] = newLayerRow(l)
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, rows[i].object())
	}
	return rows, container.NewVBox(objs...)
}
