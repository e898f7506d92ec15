package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
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
// (when there is room), y-axis labels in milliseconds on a scale fitted to
// the data (logarithmic when fast and slow mirrors are mixed), the 250 and
// 400 ms thresholds when in range, clock times along the time axis, each
// mirror's failures in red on its own row under the plot (the line has a
// gap there), and two legends: the mirrors' colours and the latency
// grades. The series are drawn into one raster (plotImage), the axes, grid
// and legend as canvas objects.
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
	timeRow      = 18  // the time axis' labels
	laneHeight   = 6   // one mirror's row of failures
	laneGap      = 3   // between those rows
	logSpan      = 20  // slowest/fastest from which the latency axis is logarithmic
	labelSpace   = 16  // the least room between two latency labels
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
	for i, s := range r.series { // the dots over every line
		lane := -1
		if i < len(r.area.lanes) {
			lane = r.area.lanes[i]
		}
		drawDots(img, r.area, s, lane)
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
	lanes := failureLanes(r.chart.series)
	lanesH := float32(len(lanes)) * (laneHeight + laneGap)
	plot := plotArea{x0: chartLeft, y0: chartPad, x1: size.Width - chartPad,
		y1: size.Height - chartPad - legendH - timeRow - lanesH - laneGap, lanes: lanes}
	plot.scale(r.chart.series)
	r.empty.Hidden = plot.points > 0
	r.empty.Move(fyne.NewPos(plot.x0, (plot.y0+plot.y1)/2-10))
	r.empty.Resize(fyne.NewSize(plot.x1-plot.x0, 20))
	r.layoutAxes(plot)
	r.layoutLanes(plot)
	r.area, r.series = plot, r.chart.series
	// The raster covers the plot, the failure rows and the markers'
	// overhang at its edges.
	r.plot.Move(fyne.NewPos(plot.x0-markRadius-1, plot.y0-markRadius-1))
	r.plot.Resize(fyne.NewSize(plot.x1-plot.x0+2*markRadius+2, plot.lanesBottom()-plot.y0+2*markRadius+2))
	for _, p := range []interface{ hideUnused() }{&r.grid, &r.labels, &r.swatches} {
		p.hideUnused()
	}
}

// plotArea maps latencies and times to positions inside the plot.
type plotArea struct {
	x0, y0, x1, y1 float32
	t0, t1         time.Time
	yMax, yStep    time.Duration
	// log: the latency axis is logarithmic from yMin to yMax.
	log    bool
	yMin   time.Duration
	points int
	lanes  []int // the row of failures of each series, -1 for none
}

// scale fits the axes to the data: time from the oldest to the newest
// point; latency from 0 to the first round step 10% above the slowest
// success, or, when the slowest success is logSpan times the fastest or
// more, logarithmic from the power of ten below the fastest to the 1-2-5
// step above the slowest, so that 5 ms and 900 ms mirrors both read.
func (p *plotArea) scale(series []chartSeries) {
	var slowest, fastest time.Duration
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
				if fastest == 0 || pt.Latency < fastest {
					fastest = max(pt.Latency, time.Millisecond)
				}
			}
			p.points++
		}
	}
	if fastest > 0 && slowest >= fastest*logSpan {
		p.log, p.yMin = true, time.Millisecond
		for p.yMin*10 <= fastest {
			p.yMin *= 10
		}
		p.yMax = niceStep(slowest * 11 / 10)
		return
	}
	top := max(slowest*11/10, 10*time.Millisecond)
	p.yStep = niceStep(top / chartYTicks)
	p.yMax = (top + p.yStep - 1) / p.yStep * p.yStep
}

// ticks are the latencies labelled on the axis: every yStep from 0, or
// 1, 2 and 5 times each power of ten on a logarithmic axis.
func (p plotArea) ticks() []time.Duration {
	var out []time.Duration
	if !p.log {
		for v := time.Duration(0); v <= p.yMax; v += p.yStep {
			out = append(out, v)
		}
		return out
	}
	steps := []time.Duration{1, 2, 5}
	decades := math.Log10(float64(p.yMax) / float64(p.yMin))
	if float64(p.y1-p.y0) < decades*3*labelSpace { // too tight for 1-2-5: powers of ten only
		steps = steps[:1]
	}
	for base := p.yMin; base <= p.yMax; base *= 10 {
		for _, m := range steps {
			if v := base * m; v <= p.yMax {
				out = append(out, v)
			}
		}
	}
	return out
}

// failureLanes numbers the series that have failures, in order: each gets
// a row under the plot; the others -1.
func failureLanes(series []chartSeries) []int {
	lanes, n := make([]int, len(series)), 0
	for i, s := range series {
		lanes[i] = -1
		for _, pt := range s.points {
			if !pt.OK {
				lanes[i], n = n, n+1
				break
			}
		}
	}
	return lanes
}

// laneY is the centre of failure row lane.
func (p plotArea) laneY(lane int) float32 {
	return p.y1 + laneGap + float32(lane)*(laneHeight+laneGap) + laneHeight/2
}

// lanesBottom is the bottom of the last failure row (the x axis without
// any).
func (p plotArea) lanesBottom() float32 {
	n := 0
	for _, l := range p.lanes {
		n = max(n, l+1)
	}
	return p.y1 + float32(n)*(laneHeight+laneGap)
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
	if p.log {
		d = max(d, p.yMin)
		f = min(math.Log(float64(d)/float64(p.yMin))/math.Log(float64(p.yMax)/float64(p.yMin)), 1)
	}
	return p.y1 - float32(f)*(p.y1-p.y0)
}

// layoutAxes places the axes, the grid with its labels and the thresholds.
func (r *chartRenderer) layoutAxes(p plotArea) {
	fg := theme.Color(theme.ColorNameForeground)
	setChartLine(r.axes[0], p.x0, p.y0, p.x0, p.y1, fg, 1)
	setChartLine(r.axes[1], p.x0, p.y1, p.x1, p.y1, fg, 1)
	for _, v := range p.ticks() {
		if v > 0 && (!p.log || v > p.yMin) {
			setChartLine(r.grid.next(newChartLine, &r.grown), p.x0, p.y(v), p.x1, p.y(v), theme.Color(theme.ColorNameSeparator), 1)
		}
		r.label(fmt.Sprintf("%d ms", v.Milliseconds()), fyne.NewPos(0, p.y(v)-8), fyne.NewSize(chartLeft-6, 16), fyne.TextAlignTrailing)
	}
	if p.log {
		r.label(lang.L("mirrors.chart.log"), fyne.NewPos(p.x0+4, p.y0), fyne.NewSize(0, 16), fyne.TextAlignLeading)
	}
	for i, d := range []time.Duration{probe.FastBelow, probe.OKBelow} {
		r.thresholds[i].Hidden = d > p.yMax
		setChartLine(r.thresholds[i], p.x0, p.y(d), p.x1, p.y(d), []color.Color{colorFast, colorOK}[i], 1)
	}
	r.layoutTimes(p)
}

// layoutTimes labels the time axis with the clock times of its start,
// middle and end, under the failure rows.
func (r *chartRenderer) layoutTimes(p plotArea) {
	if p.points == 0 || !p.t1.After(p.t0) {
		return
	}
	y := p.lanesBottom() + 2
	mid := p.t0.Add(p.t1.Sub(p.t0) / 2)
	r.label(p.t0.Local().Format("15:04:05"), fyne.NewPos(p.x0, y), fyne.NewSize(0, 16), fyne.TextAlignLeading)
	r.label(mid.Local().Format("15:04:05"), fyne.NewPos((p.x0+p.x1)/2, y), fyne.NewSize(0, 16), fyne.TextAlignCenter)
	r.label(p.t1.Local().Format("15:04:05"), fyne.NewPos(p.x1, y), fyne.NewSize(0, 16), fyne.TextAlignTrailing)
}

// layoutLanes marks each failure row with its mirror's colour in the
// margin; drawDots draws the failures on it.
func (r *chartRenderer) layoutLanes(p plotArea) {
	for i, lane := range p.lanes {
		if lane < 0 {
			continue
		}
		c := r.chart.series[i].color
		sw := r.swatches.next(func() *canvas.Rectangle { return canvas.NewRectangle(c) }, &r.grown)
		sw.FillColor = c
		sw.Move(fyne.NewPos(p.x0-16, p.laneY(lane)-laneHeight/2))
		sw.Resize(fyne.NewSize(12, laneHeight))
	}
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
// on the newest point only), and its failures in red on its row under the
// plot (lane), joined when they follow one another.
func drawDots(img plotImage, p plotArea, s chartSeries, lane int) {
	dots := len(s.points) <= 1 || (p.x1-p.x0)/float32(len(s.points)) >= minDotSpace
	for i, pt := range s.points {
		switch {
		case !pt.OK && lane >= 0:
			y := p.laneY(lane)
			img.dot(p.x(pt.Time), y, laneHeight/2, colorFailed)
			if i > 0 && !s.points[i-1].OK {
				img.line(p.x(s.points[i-1].Time), y, p.x(pt.Time), y, laneHeight, colorFailed)
			}
		case pt.OK && (dots || i == len(s.points)-1):
			img.dot(p.x(pt.Time), p.y(pt.Latency), dotRadius, gradeColor(pt.Grade()))
		}
	}
}

// legendEntry is one swatch and text of the legend.
type legendEntry struct {
	text string
	c    color.Color
}

// legendEntries are the two legends: the mirrors' colours (each series
// that has a success or a failure row), then the latency grades, each
// headed by a caption without a swatch (c nil), the grades on a row of
// their own.
func (c *latencyChart) legendEntries() []legendEntry {
	es := []legendEntry{{text: lang.L("mirrors.chart.legend.mirrors")}}
	for _, s := range c.series {
		es = append(es, legendEntry{s.name, s.color})
	}
	return append(es, legendEntry{text: lang.L("mirrors.chart.legend.latency")},
		legendEntry{lang.L("mirrors.grade.fast"), colorFast}, legendEntry{lang.L("mirrors.grade.ok"), colorOK},
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
		heading := e.c == nil
		if heading {
			w -= 16
		}
		if x > chartLeft && (x+w > size.Width-chartPad || heading && i > 0) {
			x, row = chartLeft, row+1
		}
		xs[i], rows[i] = x, row
		x += w + 8
	}
	height := float32(row+1) * legendRow
	top := size.Height - chartPad - height
	for i, e := range es {
		if e.c == nil {
			r.label(e.text, fyne.NewPos(xs[i], top+float32(rows[i])*legendRow), fyne.NewSize(0, 20), fyne.TextAlignLeading)
			continue
		}
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
