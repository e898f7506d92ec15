package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// Phase colours of the phase bar: DNS, connect, TLS, waiting for the first
// byte.
var phaseColors = [4]color.Color{
	color.NRGBA{R: 0x9c, G: 0x6a, B: 0xde, A: 0xff},
	color.NRGBA{R: 0xf2, G: 0xa6, B: 0x3b, A: 0xff},
	color.NRGBA{R: 0x2b, G: 0xa8, B: 0xa0, A: 0xff},
	color.NRGBA{R: 0x4a, G: 0x86, B: 0xe8, A: 0xff},
}

// tableColumns are the widths of the mirror table's columns: probe check,
// grade dot, name, p50, p95, success; the phases take the rest. The last
// error has a line of its own under them.
var tableColumns = []float32{36, 16, 170, 80, 80, 120}

// columnsLayout places objects side by side with tableColumns' widths;
// the last object takes what remains.
type columnsLayout struct{}

// Layout implements fyne.Layout.
func (columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := size.Width - x - theme.Padding() // clear of the scroll bar
		if i < len(tableColumns) {
			w = tableColumns[i]
		}
		h := min(o.MinSize().Height, size.Height)
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(max(w-theme.Padding(), 0), h))
		x += w
	}
}

// MinSize implements fyne.Layout.
func (columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		if i < len(tableColumns) {
			s.Width += tableColumns[i]
		} else {
			s.Width += 120
		}
		s.Height = max(s.Height, o.MinSize().Height)
	}
	return s
}

// phaseBar draws the median DNS, connect, TLS and wait-for-first-byte
// phases of a mirror as segments, scaled to a shared maximum.
type phaseBar struct {
	widget.BaseWidget
	phases probe.Phases
	scale  time.Duration // the TTFB that fills the whole width
	rects  [4]*canvas.Rectangle
}

func newPhaseBar() *phaseBar {
	b := &phaseBar{}
	for i := range b.rects {
		b.rects[i] = canvas.NewRectangle(phaseColors[i])
	}
	b.ExtendBaseWidget(b)
	return b
}

// SetPhases shows p against scale.
func (b *phaseBar) SetPhases(p probe.Phases, scale time.Duration) {
	if b.phases == p && b.scale == scale {
		return
	}
	b.phases, b.scale = p, scale
	b.Refresh()
}

// segments returns the four phase durations.
func (b *phaseBar) segments() [4]time.Duration {
	p := b.phases
	wait := max(p.TTFB-p.DNS-p.Connect-p.TLS, 0)
	return [4]time.Duration{p.DNS, p.Connect, p.TLS, wait}
}

// CreateRenderer implements fyne.Widget.
func (b *phaseBar) CreateRenderer() fyne.WidgetRenderer {
	return &phaseBarRenderer{b}
}

type phaseBarRenderer struct{ b *phaseBar }

func (r *phaseBarRenderer) Destroy()           {}
func (r *phaseBarRenderer) MinSize() fyne.Size { return fyne.NewSize(60, 12) }
func (r *phaseBarRenderer) Refresh()           { r.Layout(r.b.Size()); canvas.Refresh(r.b) }
func (r *phaseBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.rects[0], r.b.rects[1], r.b.rects[2], r.b.rects[3]}
}

// Layout implements fyne.WidgetRenderer.
func (r *phaseBarRenderer) Layout(size fyne.Size) {
	x := float32(0)
	for i, d := range r.b.segments() {
		w := float32(0)
		if r.b.scale > 0 {
			w = float32(float64(d)/float64(r.b.scale)) * size.Width
		}
		w = min(w, size.Width-x)
		r.b.rects[i].Move(fyne.NewPos(x, 0))
		r.b.rects[i].Resize(fyne.NewSize(w, size.Height))
		r.b.rects[i].Hidden = w <= 0 // an empty phase costs no draw call (no Hide: it would repaint)
		x += w
	}
}

// mirrorRow is one row of the mirror table.
type mirrorRow struct {
	widget.BaseWidget
	probe   *widget.Check
	grade   *canvas.Circle
	name    *widget.Label
	p50     *widget.Label
	p95     *widget.Label
	success *widget.Label
	phases  *phaseBar
	err     *widget.Label
}

func newMirrorRow() fyne.CanvasObject {
	r := &mirrorRow{
		probe: widget.NewCheck("", nil), grade: canvas.NewCircle(color.Transparent),
		name: widget.NewLabel(""), p50: widget.NewLabel(""), p95: widget.NewLabel(""),
		success: widget.NewLabel(""), phases: newPhaseBar(), err: widget.NewLabel(""),
	}
	r.grade.Hidden = true // no grade yet
	r.name.Truncation, r.err.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	r.err.Importance, r.err.SizeName = widget.DangerImportance, theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *mirrorRow) CreateRenderer() fyne.WidgetRenderer {
	dot := container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(12), r.grade))
	cols := container.New(columnsLayout{}, r.probe, dot, r.name, r.p50, r.p95, r.success, r.phases)
	indent := canvas.NewRectangle(color.Transparent)
	indent.SetMinSize(fyne.NewSize(tableColumns[0]+tableColumns[1], 0))
	return widget.NewSimpleRenderer(container.NewVBox(cols, container.NewBorder(nil, nil, indent, nil, r.err)))
}

// show fills the row with mirror m, whether it is probed, and its summary
// (zero if not measured yet); scale is the phase bars' shared maximum.
func (r *mirrorRow) show(m mirrors.Mirror, on bool, s probe.Summary, scale time.Duration) {
	r.probe.SetChecked(on)
	if c := gradeColor(s.Grade()); r.grade.FillColor != c {
		r.grade.FillColor = c
		r.grade.Hidden = c == color.Transparent // a transparent circle is still drawn
		r.grade.Refresh()
	}
	setText(r.name, mirrorName(m))
	setText(r.p50, latencyText(s, s.P50))
	if imp := gradeImportance(s.Grade()); r.p50.Importance != imp {
		r.p50.Importance, r.p50.TextStyle.Bold = imp, imp != widget.MediumImportance
		r.p50.Refresh()
	}
	setText(r.p95, latencyText(s, s.P95))
	setText(r.success, successRateText(s))
	r.phases.SetPhases(s.Phases, scale)
	setText(r.err, lastErrorText(s))
	if hidden := r.err.Text == ""; hidden != r.err.Hidden {
		r.err.Hidden = hidden
		r.Refresh() // lay the row out again
	}
}

// gradeImportance colours a latency by its grade, as the chart's dots:
// green under 250 ms, blue under 400 ms, orange slower, red failed.
func gradeImportance(g probe.Grade) widget.Importance {
	switch g {
	case probe.GradeFast:
		return widget.SuccessImportance
	case probe.GradeOK:
		return widget.HighImportance
	case probe.GradeSlow:
		return widget.WarningImportance
	case probe.GradeFailed:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// rowHeights returns the height of a table row without and with its
// error line.
func rowHeights() (plain, withError float32) {
	r := newMirrorRow().(*mirrorRow)
	r.err.SetText("x")
	withError = r.MinSize().Height
	r.err.Hide()
	r.Refresh()
	return r.MinSize().Height, withError
}

// latencyText shows a latency in ms; "–" when there is no success yet.
func latencyText(s probe.Summary, d time.Duration) string {
	if s.Samples == s.Failures {
		return "–"
	}
	return fmt.Sprintf("%.0f ms", probe.Ms(d))
}

// successRateText shows the recent success rate and, once a sample has
// failed, how many have. It leaves out the number of samples, which the
// progress line shows: counted here, it changed in every row every round,
// and each changed text is shaped and rasterised again before the repaint.
func successRateText(s probe.Summary) string {
	rate := fmt.Sprintf("%.0f", s.SuccessRate*100)
	switch {
	case s.Samples == 0:
		return "–"
	case s.Failures == 0:
		return rate + "%"
	}
	return lang.L("mirrors.success.failed", map[string]any{"Rate": rate, "Failures": s.Failures})
}

// lastErrorText shows the last failure: its translated class and message.
func lastErrorText(s probe.Summary) string {
	if s.LastError == nil {
		return ""
	}
	text := className(s.LastError.Class) + ": " + errorMessage(s.LastError)
	if s.Outage {
		text = lang.L("mirrors.outage") + " · " + text
	}
	return text
}

// errorMessage is a probe error's message in the user's language: core's
// English message in English (the translation is its template
// "{{.Message}}"), a translated explanation of the class elsewhere.
func errorMessage(e *probe.Error) string {
	return lang.X(classMessageKey(e.Class), e.Message, map[string]any{"Message": e.Message, "Status": e.Status})
}

// classMessageKey is the translation key of a failure class's message.
func classMessageKey(c probe.Class) string { return "mirrors.classmsg." + string(c) }

// classNames are the translation keys of the failure classes.
var classNames = map[probe.Class]string{
	probe.ClassDNS: "mirrors.class.dns", probe.ClassRefused: "mirrors.class.refused",
	probe.ClassTimeout: "mirrors.class.timeout", probe.ClassTLS: "mirrors.class.tls",
	probe.ClassProxyAuth: "mirrors.class.proxyauth", probe.ClassHTTP4xx: "mirrors.class.http4xx",
	probe.ClassHTTP5xx: "mirrors.class.http5xx", probe.ClassBadResponse: "mirrors.class.badresponse",
	probe.ClassNetwork: "mirrors.class.network", probe.ClassBadRequest: "mirrors.class.badrequest",
}

// className is the translated name of a failure class.
func className(c probe.Class) string {
	if k, ok := classNames[c]; ok {
		return lang.L(k)
	}
	return string(c)
}

// newTableHeader is the header row of the mirror table.
func newTableHeader() fyne.CanvasObject {
	bold := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.New(columnsLayout{}, bold("mirrors.col.probe"), widget.NewLabel(""), bold("mirrors.col.name"),
		bold("mirrors.col.p50"), bold("mirrors.col.p95"), bold("mirrors.col.success"), bold("mirrors.col.phases"))
}

// phaseKey names the phase bar's colours.
func phaseKey() fyne.CanvasObject {
	keys := []string{"mirrors.phase.dns", "mirrors.phase.connect", "mirrors.phase.tls", "mirrors.phase.wait"}
	objs := make([]fyne.CanvasObject, 0, 2*len(keys))
	for i, k := range keys {
		sw := canvas.NewRectangle(phaseColors[i])
		sw.SetMinSize(fyne.NewSize(8, 8))
		t := canvas.NewText(lang.L(k), theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		objs = append(objs, container.NewCenter(sw), t)
	}
	title := canvas.NewText(lang.L("mirrors.col.phases")+":", theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.CaptionTextSize()
	return container.NewHBox(append([]fyne.CanvasObject{title}, objs...)...)
}
