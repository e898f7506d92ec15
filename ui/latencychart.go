package ui

import (
	"fmt"
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// Grade colours, as well-known proxy UIs use them.
var (
	colorFast   = color.NRGBA{R: 0x2e, G: 0xa0, B: 0x43, A: 0xff} // green, under 250 ms
	colorOK     = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xeb, A: 0xff} // blue, under 400 ms
	colorSlow   = color.NRGBA{R: 0xf0, G: 0x88, B: 0x3e, A: 0xff} // orange, slower
	colorFailed = color.NRGBA{R: 0xe5, G: 0x3b, B: 0x3b, A: 0xff} // red, failed
)

// seriesPalette tells the chart's series apart; it avoids the grade colours.
var seriesPalette = []color.Color{
	color.NRGBA{R: 0x82, G: 0x50, B: 0xdf, A: 0xff}, color.NRGBA{R: 0x1b, G: 0x9e, B: 0x9e, A: 0xff},
	color.NRGBA{R: 0x8c, G: 0x56, B: 0x4b, A: 0xff}, color.NRGBA{R: 0xe3, G: 0x77, B: 0xc2, A: 0xff},
	color.NRGBA{R: 0x9a, G: 0x9b, B: 0x1a, A: 0xff}, color.NRGBA{R: 0x7f, G: 0x7f, B: 0x7f, A: 0xff},
	color.NRGBA{R: 0x39, G: 0x49, B: 0xab, A: 0xff}, color.NRGBA{R: 0xc6, G: 0x90, B: 0x26, A: 0xff},
}

// gradeColor is the colour of a grade; nil for no grade.
func gradeColor(g probe.Grade) color.Color {
	switch g {
	case probe.GradeFast:
		return colorFast
	case probe.GradeOK:
		return colorOK
	case probe.GradeSlow:
		return colorSlow
	case probe.GradeFailed:
		return colorFailed
	}
	return color.Transparent
}

// chartSeries is one mirror's line in the chart.
type chartSeries struct {
	name   string
	color  color.Color
	points []probe.Point // oldest first
}

// latencyChart draws the latency of each series over time: a line per
// series in its own colour, each measurement as a dot in its grade's colour
// (when there is room), failures as red markers along the top, y-axis
// labels in milliseconds, the 250 and 400 ms thresholds, and a legend. The
// series are drawn into one raster (plotImage), the axes, grid and legend
// as canvas objects.
type latencyChart struct {
	widget.BaseWidget
	series []chartSeries
}

func newLatencyChart() *latencyChart {
	c := &latencyChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetSeries replaces the data and redraws.
func (c *latencyChart) SetSeries(s []chartSeries) {
	c.series = s
	c.Refresh()
}

// MinSize implements fyne.Widget.
func (c *latencyChart) MinSize() fyne.Size { return fyne.NewSize(320, 200) }

// CreateRenderer implements fyne.Widget.
func (c *latencyChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{chart: c, bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	r.plot = canvas.NewRaster(r.drawSeries)
	r.plot.ScaleMode = canvas.ImageScalePixels // drawn at the screen's pixels: nothing to smooth
	r.empty = canvas.NewText(lang.L("mirrors.chart.empty"), theme.Color(theme.ColorNamePlaceHolder))
	r.empty.Alignment = fyne.TextAlignCenter
	r.axes = [2]*canvas.Line{canvas.NewLine(theme.Color(theme.ColorNameForeground)), canvas.NewLine(theme.Color(theme.ColorNameForeground))}
	r.thresholds = [2]*canvas.Line{canvas.NewLine(colorFast), canvas.NewLine(colorOK)}
	return r
}

// Chart geometry.
const (
	chartLeft    = 56  // room for the y labels
	chartPad     = 10  // above, right of and below the plot
	legendRow    = 20  // height of one legend row
	dotRadius    = 2.5 // a measurement
	markRadius   = 3.5 // a failure
	minDotSpace  = 6   // px between points below which dots are left out
	chartYTicks  = 5
	captionScale = 0.85
)

// chartRenderer keeps pools of canvas objects for the grid, labels and
// legend and reuses them on every layout; objects beyond what the data
// needs are hidden. The series are drawn by drawSeries into plot.
type chartRenderer struct {
	chart      *latencyChart
	bg         *canvas.Rectangle
	empty      *canvas.Text
	axes       [2]*canvas.Line
	thresholds [2]*canvas.Line
	plot       *canvas.Raster // the series, over the plot area
	grid       objectPool[*canvas.Line]
	labels     objectPool[*canvas.Text]
	swatches   objectPool[*canvas.Rectangle]
	objects    []fyne.CanvasObject
	grown      bool // a pool grew: objects must be rebuilt

	area   plotArea      // the plot as last laid out
	series []chartSeries // its series
	buf    *image.RGBA   // the last plot image, reused
}

// objectPool is a growable list of canvas objects of one kind.
type objectPool[T fyne.CanvasObject] struct {
	items []T
	used  int
}

// next returns an unused object, making one with mk if needed.
func (p *objectPool[T]) next(mk func() T, grown *bool) T {
	if p.used == len(p.items) {
		p.items = append(p.items, mk())
		*grown = true
	}
	o := p.items[p.used]
	p.used++
	return o
}

// reset marks every object unused.
func (p *objectPool[T]) reset() { p.used = 0 }

// hideUnused hides the objects not used by the last layout. It shows or
// hides only the objects that change: Layout runs while a frame is drawn,
// and Show and Hide mark the window for another frame.
func (p *objectPool[T]) hideUnused() {
	for i, o := range p.items {
		switch used := i < p.used; {
		case used && !o.Visible():
			o.Show()
		case !used && o.Visible():
			o.Hide()
		}
	}
}

// Destroy implements fyne.WidgetRenderer.
func (r *chartRenderer) Destroy() {}

// MinSize implements fyne.WidgetRenderer.
func (r *chartRenderer) MinSize() fyne.Size { return r.chart.MinSize() }

// Objects implements fyne.WidgetRenderer.
func (r *chartRenderer) Objects() []fyne.CanvasObject {
	if r.objects == nil || r.grown {
		r.rebuildObjects()
	}
	return r.objects
}

func (r *chartRenderer) rebuildObjects() {
	objs := appendAll([]fyne.CanvasObject{r.bg, r.empty}, r.grid.items)
	objs = append(objs, r.thresholds[0], r.thresholds[1], r.axes[0], r.axes[1], r.plot)
	objs = appendAll(objs, r.swatches.items)
	r.objects = appendAll(objs, r.labels.items)
	r.grown = false
}

func appendAll[T fyne.CanvasObject](objs []fyne.CanvasObject, items []T) []fyne.CanvasObject {
	for _, o := range items {
		objs = append(objs, o)
	}
	return objs
}

// Refresh implements fyne.WidgetRenderer.
func (r *chartRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// drawSeries is the plot raster's generator: the series as last laid out,
// into a w×h pixel image of the plot area.
func (r *chartRenderer) drawSeries(w, h int) image.Image {
	scale := float32(1)
	if width := r.plot.Size().Width; width > 0 {
		scale = float32(w) / width
	}
	img := newPlotImage(r.buf, w, h, r.plot.Position(), scale)
	r.buf = img.img
	for _, s := range r.series {
		drawLines(img, r.area, s)
	}
	for _, s := range r.series { // the dots over every line
		drawDots(img, r.area, s)
	}
	return img.img
}

// Layout implements fyne.WidgetRenderer: it places every object for the
// current data.
func (r *chartRenderer) Layout(size fyne.Size) {
	for _, p := range []interface{ reset() }{&r.grid, &r.labels, &r.swatches} {
		p.reset()
	}
	r.bg.Resize(size)
	legendH := r.layoutLegend(size)
	plot := plotArea{x0: chartLeft, y0: chartPad, x1: size.Width - chartPad, y1: size.Height - chartPad - legendH}
	plot.scale(r.chart.series)
	r.empty.Hidden = plot.points > 0
	r.empty.Move(fyne.NewPos(plot.x0, (plot.y0+plot.y1)/2-10))
	r.empty.Resize(fyne.NewSize(plot.x1-plot.x0, 20))
	r.layoutAxes(plot)
	r.area, r.series = plot, r.chart.series
	// The raster covers the plot and the markers' overhang at its edges.
	r.plot.Move(fyne.NewPos(plot.x0-markRadius-1, plot.y0-markRadius-1))
	r.plot.Resize(fyne.NewSize(plot.x1-plot.x0+2*markRadius+2, plot.y1-plot.y0+2*markRadius+2))
	for _, p := range []interface{ hideUnused() }{&r.grid, &r.labels, &r.swatches} {
		p.hideUnused()
	}
}

// plotArea maps latencies and times to positions inside the plot.
type plotArea struct {
	x0, y0, x1, y1 float32
	t0, t1         time.Time
	yMax, yStep    time.Duration
	points         int
}

// scale fits the axes to the data: time from the oldest to the newest
// point, latency from 0 to the first round step 10% above the slowest
// success (or the 400 ms threshold).
func (p *plotArea) scale(series []chartSeries) {
	var slowest time.Duration
	for _, s := range series {
		for _, pt := range s.points {
			if p.points == 0 || pt.Time.Before(p.t0) {
				p.t0 = pt.Time
			}
			if pt.Time.After(p.t1) {
				p.t1 = pt.Time
			}
			if pt.OK {
				slowest = max(slowest, pt.Latency)
			}
			p.points++
		}
	}
	top := max(slowest, probe.OKBelow) * 11 / 10
	p.yStep = niceStep(top / chartYTicks)
	p.yMax = (top + p.yStep - 1) / p.yStep * p.yStep
}

// niceStep rounds d up to 1, 2, 2.5 or 5 times a power of ten milliseconds.
func niceStep(d time.Duration) time.Duration {
	for base := time.Millisecond; ; base *= 10 {
		for _, m := range []time.Duration{1, 2, 5, 10} {
			if d <= base*m {
				return base * m
			}
		}
	}
}

func (p plotArea) x(t time.Time) float32 {
	span := p.t1.Sub(p.t0)
	if span <= 0 {
		return p.x1
	}
	return p.x0 + float32(float64(t.Sub(p.t0))/float64(span))*(p.x1-p.x0)
}

func (p plotArea) y(d time.Duration) float32 {
	f := min(float64(d)/float64(p.yMax), 1)
	return p.y1 - float32(f)*(p.y1-p.y0)
}

// layoutAxes places the axes, the grid with its labels and the thresholds.
func (r *chartRenderer) layoutAxes(p plotArea) {
	fg := theme.Color(theme.ColorNameForeground)
	setChartLine(r.axes[0], p.x0, p.y0, p.x0, p.y1, fg, 1)
	setChartLine(r.axes[1], p.x0, p.y1, p.x1, p.y1, fg, 1)
	for v := p.yStep; v <= p.yMax; v += p.yStep {
		setChartLine(r.grid.next(newChartLine, &r.grown), p.x0, p.y(v), p.x1, p.y(v), theme.Color(theme.ColorNameSeparator), 1)
	}
	for v := time.Duration(0); v <= p.yMax; v += p.yStep {
		r.label(fmt.Sprintf("%d ms", v.Milliseconds()), fyne.NewPos(0, p.y(v)-8), fyne.NewSize(chartLeft-6, 16), fyne.TextAlignTrailing)
	}
	setChartLine(r.thresholds[0], p.x0, p.y(probe.FastBelow), p.x1, p.y(probe.FastBelow), colorFast, 1)
	setChartLine(r.thresholds[1], p.x0, p.y(probe.OKBelow), p.x1, p.y(probe.OKBelow), colorOK, 1)
}

// drawLines draws one series' segments into img, between consecutive
// successes.
func drawLines(img plotImage, p plotArea, s chartSeries) {
	var prev *probe.Point
	for i := range s.points {
		pt := &s.points[i]
		if !pt.OK {
			prev = nil
			continue
		}
		if prev != nil {
			img.line(p.x(prev.Time), p.y(prev.Latency), p.x(pt.Time), p.y(pt.Latency), 1.5, s.color)
		}
		prev = pt
	}
}

// drawDots draws one series' grade dots into img when there is room (else
// on the newest point only), and red markers along the top for failures.
func drawDots(img plotImage, p plotArea, s chartSeries) {
	dots := len(s.points) <= 1 || (p.x1-p.x0)/float32(len(s.points)) >= minDotSpace
	for i, pt := range s.points {
		switch {
		case !pt.OK:
			img.dot(p.x(pt.Time), p.y0, markRadius, colorFailed)
		case dots || i == len(s.points)-1:
			img.dot(p.x(pt.Time), p.y(pt.Latency), dotRadius, gradeColor(pt.Grade()))
		}
	}
}

// legendEntry is one swatch and text of the legend.
type legendEntry struct {
	text string
	c    color.Color
}

// legendEntries are the series that have a success (the others only
// have failure markers), then the grade key.
func (c *latencyChart) legendEntries() []legendEntry {
	var es []legendEntry
	for _, s := range c.series {
		if s.hasSuccess() {
			es = append(es, legendEntry{s.name, s.color})
		}
	}
	return append(es, legendEntry{lang.L("mirrors.grade.fast"), colorFast}, legendEntry{lang.L("mirrors.grade.ok"), colorOK},
		legendEntry{lang.L("mirrors.grade.slow"), colorSlow}, legendEntry{lang.L("mirrors.grade.failed"), colorFailed})
}

// hasSuccess reports whether any point of s succeeded.
func (s chartSeries) hasSuccess() bool {
	for _, p := range s.points {
		if p.OK {
			return true
		}
	}
	return false
}

// layoutLegend places the legend in rows under the plot, filling each row
// from the left, and returns its height.
func (r *chartRenderer) layoutLegend(size fyne.Size) float32 {
	es := r.chart.legendEntries()
	xs, rows := make([]float32, len(es)), make([]int, len(es))
	x, row := float32(chartLeft), 0
	for i, e := range es {
		w := fyne.MeasureText(e.text, theme.TextSize()*captionScale, fyne.TextStyle{}).Width + 22
		if x+w > size.Width-chartPad && x > chartLeft {
			x, row = chartLeft, row+1
		}
		xs[i], rows[i] = x, row
		x += w + 8
	}
	height := float32(row+1) * legendRow
	top := size.Height - chartPad - height
	for i, e := range es {
		r.legendEntry(xs[i], top+float32(rows[i])*legendRow, e.text, e.c)
	}
	return height
}

// legendEntry places one swatch and its text at x, y.
func (r *chartRenderer) legendEntry(x, y float32, text string, c color.Color) {
	sw := r.swatches.next(func() *canvas.Rectangle { return canvas.NewRectangle(c) }, &r.grown)
	sw.FillColor = c
	sw.Move(fyne.NewPos(x, y+5))
	sw.Resize(fyne.NewSize(12, 10))
	r.label(text, fyne.NewPos(x+16, y), fyne.NewSize(0, 20), fyne.TextAlignLeading)
}

// label places a caption-sized text.
func (r *chartRenderer) label(text string, pos fyne.Position, size fyne.Size, align fyne.TextAlign) {
	t := r.labels.next(func() *canvas.Text { return canvas.NewText("", nil) }, &r.grown)
	t.Text, t.Alignment, t.TextSize = text, align, theme.TextSize()*captionScale
	t.Color = theme.Color(theme.ColorNameForeground)
	t.Move(pos)
	t.Resize(size)
}

func newChartLine() *canvas.Line { return canvas.NewLine(color.Transparent) }

// setChartLine sets a line's ends, colour and width without a repaint per line;
// the chart is refreshed once.
func setChartLine(l *canvas.Line, x1, y1, x2, y2 float32, c color.Color, width float32) {
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	l.StrokeColor, l.StrokeWidth = c, width
}
