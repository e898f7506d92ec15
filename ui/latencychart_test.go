package ui

import (
	"image"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// testSeries returns n series of k points a second apart, with latencies
// from 50 to 650 ms and every tenth point failed.
func testSeries(n, k int) []chartSeries {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	out := make([]chartSeries, n)
	for i := range out {
		pts := make([]probe.Point, k)
		for j := range pts {
			lat := time.Duration(50+(i*37+j*13)%600) * time.Millisecond
			pts[j] = probe.Point{Time: t0.Add(time.Duration(j) * time.Second), Latency: lat, OK: j%10 != 9}
		}
		out[i] = chartSeries{name: "mirror", color: seriesPalette[i%len(seriesPalette)], points: pts}
	}
	return out
}

// plotPixel returns the colour of the plot image at chart position x, y,
// un-premultiplied; img is r's plot raster at scale pixels per unit.
func plotPixel(r *chartRenderer, img image.Image, scale, x, y float32) color.NRGBA {
	o := r.plot.Position()
	return color.NRGBAModel.Convert(img.At(int((x-o.X)*scale), int((y-o.Y)*scale))).(color.NRGBA)
}

// near reports whether c is want, give or take rounding, and mostly opaque.
func near(c color.NRGBA, want color.Color) bool {
	w := color.NRGBAModel.Convert(want).(color.NRGBA)
	d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
	return c.A >= 128 && d(c.R, w.R) <= 4 && d(c.G, w.G) <= 4 && d(c.B, w.B) <= 4
}

func TestLatencyChartDraws(t *testing.T) {
	test.NewTempApp(t)
	c := newLatencyChart()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(900, 400))
	series := testSeries(2, 20)
	c.SetSeries(series)
	r := test.WidgetRenderer(c).(*chartRenderer)
	if !r.empty.Hidden || !r.plot.Visible() {
		t.Fatal("with data, the empty-chart text is shown or the plot hidden")
	}
	size := r.plot.Size()
	for _, scale := range []float32{1, 2} { // and on a HiDPI screen
		img := r.plot.Generator(int(size.Width*scale), int(size.Height*scale))
		p := r.area
		for i, s := range series {
			ok, failed := s.points[0], s.points[9] // every tenth point failed
			if got := plotPixel(r, img, scale, p.x(ok.Time), p.y(ok.Latency)); !near(got, gradeColor(ok.Grade())) {
				t.Errorf("scale %g, series %d: the first point is %v, want its grade's dot", scale, i, got)
			}
			if got := plotPixel(r, img, scale, p.x(failed.Time), p.laneY(p.lanes[i])); !near(got, colorFailed) {
				t.Errorf("scale %g, series %d: the failure is %v, want a red marker on its own row", scale, i, got)
			}
			a, b := s.points[1], s.points[2]
			midX := (p.x(a.Time) + p.x(b.Time)) / 2
			midY := (p.y(a.Latency) + p.y(b.Latency)) / 2
			if !nearAround(r, img, scale, midX, midY, s.color) {
				t.Errorf("scale %g, series %d: no line in its colour between its second and third points", scale, i)
			}
		}
	}

	c.SetSeries(nil)
	r.Objects()
	img := r.plot.Generator(int(size.Width), int(size.Height))
	if r.empty.Hidden || !transparent(img) {
		t.Error("an empty chart does not say so, or still draws series")
	}
}

// nearAround reports whether a pixel next to chart position x, y is c.
func nearAround(r *chartRenderer, img image.Image, scale, x, y float32, c color.Color) bool {
	for dy := float32(-1); dy <= 1; dy++ {
		for dx := float32(-1); dx <= 1; dx++ {
			if near(plotPixel(r, img, scale, x+dx/scale, y+dy/scale), c) {
				return true
			}
		}
	}
	return false
}

// transparent reports whether every pixel of img is transparent.
func transparent(img image.Image) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0 {
				return false
			}
		}
	}
	return true
}

func TestNiceStep(t *testing.T) {
	cases := []struct{ in, want time.Duration }{
		{3 * time.Millisecond, 5 * time.Millisecond},
		{88 * time.Millisecond, 100 * time.Millisecond},
		{101 * time.Millisecond, 200 * time.Millisecond},
		{1200 * time.Millisecond, 2 * time.Second},
	}
	for _, c := range cases {
		if got := niceStep(c.in); got != c.want {
			t.Errorf("niceStep(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// BenchmarkChartRedraw redraws a chart of 12 series of 600 points (20
// minutes of probing every 2 s): Refresh, then the renderer's Layout and
// Objects and the plot raster's image as the painter asks for them.
func BenchmarkChartRedraw(b *testing.B) {
	test.NewTempApp(b)
	c := newLatencyChart()
	w := test.NewTempWindow(b, c)
	size := fyne.NewSize(900, 400)
	w.Resize(size)
	c.series = testSeries(12, 600)
	r := test.WidgetRenderer(c).(*chartRenderer)
	b.ReportAllocs()
	for b.Loop() {
		c.Refresh()
		r.Layout(size)
		_ = r.Objects()
		plot := r.plot.Size()
		_ = r.plot.Generator(int(plot.Width), int(plot.Height))
	}
	b.ReportMetric(float64(len(r.Objects())), "objects")
}

// TestLatencyChartScalesToMixedData mixes a 5 ms mirror with a 900 ms one:
// the axis turns logarithmic so the fast mirror does not sit on the
// baseline; one fast-only chart scales to its own data, without the fixed
// 400 ms top; the time axis is labelled.
func TestLatencyChartScalesToMixedData(t *testing.T) {
	now := time.Now()
	series := func(lat ...time.Duration) chartSeries {
		s := chartSeries{name: "m", color: seriesPalette[0]}
		for i, l := range lat {
			s.points = append(s.points, probe.Point{Time: now.Add(time.Duration(i) * time.Second), OK: true, Latency: l})
		}
		return s
	}
	var mixed plotArea
	mixed.y0, mixed.y1 = 0, 100
	mixed.scale([]chartSeries{series(5*time.Millisecond, 6*time.Millisecond), series(900 * time.Millisecond)})
	if !mixed.log || mixed.y(5*time.Millisecond) > 80 {
		t.Errorf("5 ms beside 900 ms: log %t, y(5 ms) = %.0f of 100; want a log axis with 5 ms well off the baseline", mixed.log, mixed.y(5*time.Millisecond))
	}
	var fast plotArea
	fast.y0, fast.y1 = 0, 100
	fast.scale([]chartSeries{series(5*time.Millisecond, 12*time.Millisecond)})
	if fast.log || fast.yMax > 20*time.Millisecond {
		t.Errorf("5-12 ms only: log %t, top %v; want a linear axis scaled to the data", fast.log, fast.yMax)
	}

	test.NewTempApp(t)
	c := newLatencyChart()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(900, 400))
	c.SetSeries([]chartSeries{series(5*time.Millisecond, 6*time.Millisecond, 5*time.Millisecond)})
	r := test.WidgetRenderer(c).(*chartRenderer)
	want := now.Local().Format("15:04:05")
	found := false
	for _, l := range r.labels.items[:r.labels.used] {
		found = found || l.Text == want
	}
	if !found {
		t.Errorf("the time axis has no label %q", want)
	}
}
