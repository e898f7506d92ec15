package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// countVisible counts the shown objects of type T.
func countVisible[T fyne.CanvasObject](objs []fyne.CanvasObject) int {
	n := 0
	for _, o := range objs {
		if _, ok := o.(T); ok && o.Visible() {
			n++
		}
	}
	return n
}

func TestLatencyChartDraws(t *testing.T) {
	test.NewTempApp(t)
	c := newLatencyChart()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(900, 400))
	c.SetSeries(testSeries(2, 20))
	r := test.WidgetRenderer(c).(*chartRenderer)
	objs := r.Objects()
	// 20 points, every tenth failed: 2 failures, 18 successes and 16
	// segments per series (none into or out of a failure).
	if got := r.segs.used; got != 2*16 {
		t.Errorf("%d segments drawn, want 32", got)
	}
	if got := r.dots.used; got != 2*20 {
		t.Errorf("%d dots and failure markers drawn, want 40", got)
	}
	if countVisible[*canvas.Line](objs) < 2*16 || !r.empty.Hidden {
		t.Error("segments hidden, or the empty-chart text shown")
	}
	c.SetSeries(nil)
	if r.Objects(); r.empty.Hidden || r.segs.used != 0 {
		t.Error("an empty chart does not say so, or keeps segments")
	}
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

// BenchmarkChartRedraw redraws a chart of 8 series of 600 points: Refresh,
// then the renderer's Layout and Objects as the painter calls them.
func BenchmarkChartRedraw(b *testing.B) {
	test.NewTempApp(b)
	c := newLatencyChart()
	w := test.NewTempWindow(b, c)
	size := fyne.NewSize(900, 400)
	w.Resize(size)
	c.series = testSeries(8, 600)
	r := test.WidgetRenderer(c)
	b.ReportAllocs()
	for b.Loop() {
		c.Refresh()
		r.Layout(size)
		_ = r.Objects()
	}
}
