package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxValueRunes bounds how much of a value a strikeText shows; the full
// value is in the edit entry and in gomirrorctl's output.
const maxValueRunes = 96

// strikeText is one line of text that can be struck through, which Fyne's
// text styles cannot do: a canvas.Text with a canvas.Line drawn over it.
type strikeText struct {
	widget.BaseWidget
	Text   string
	Struck bool
	Style  fyne.TextStyle
}

func newStrikeText(text string, struck bool) *strikeText {
	s := &strikeText{Text: text, Struck: struck, Style: fyne.TextStyle{Monospace: true}}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer implements fyne.Widget.
func (s *strikeText) CreateRenderer() fyne.WidgetRenderer {
	r := &strikeRenderer{s: s, text: canvas.NewText("", color.Black), line: canvas.NewLine(color.Black)}
	r.Refresh()
	return r
}

type strikeRenderer struct {
	s    *strikeText
	text *canvas.Text
	line *canvas.Line
}

// Layout insets the text as widget.Label does, so that it lines up with
// the labels around it.
func (r *strikeRenderer) Layout(size fyne.Size) {
	pad := r.s.Theme().Size(theme.SizeNameInnerPadding)
	r.text.Move(fyne.NewSquareOffsetPos(pad))
	r.text.Resize(size.SubtractWidthHeight(2*pad, 2*pad))
	w := fyne.Min(r.text.MinSize().Width, size.Width-2*pad)
	y := size.Height / 2
	r.line.Position1 = fyne.NewPos(pad, y)
	r.line.Position2 = fyne.NewPos(pad+w, y)
}

func (r *strikeRenderer) MinSize() fyne.Size {
	pad := r.s.Theme().Size(theme.SizeNameInnerPadding)
	return r.text.MinSize().AddWidthHeight(2*pad, 2*pad)
}

func (r *strikeRenderer) Refresh() {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	if r.s.Struck {
		fg = th.Color(theme.ColorNameDisabled, v)
	}
	r.text.Text = shorten(r.s.Text, maxValueRunes)
	r.text.TextStyle = r.s.Style
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.text.Color = fg
	r.line.StrokeColor = fg
	r.line.StrokeWidth = 1.5
	r.line.Hidden = !r.s.Struck
	r.text.Refresh()
	r.line.Refresh()
	r.Layout(r.s.Size())
}

func (r *strikeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text, r.line} }

func (r *strikeRenderer) Destroy() {}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
