package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// Probe results redraw the screen at most every redrawEvery, and only once
// the samples of a round have stopped arriving for redrawSettle: a round
// probes every mirror at once, so it is drawn once rather than sample by
// sample. Each redraw repaints the whole window (some 12-14 ms of CPU under
// software OpenGL, whatever changed), most of what live probing costs.
const (
	redrawEvery  = time.Second
	redrawSettle = 250 * time.Millisecond
)

// probeIntervals are the probe intervals offered, by label.
var probeIntervals = map[string]time.Duration{"1 s": time.Second, "2 s": 2 * time.Second, "5 s": 5 * time.Second, "10 s": 10 * time.Second}

// probeIntervalLabels lists probeIntervals' labels in order.
var probeIntervalLabels = []string{"1 s", "2 s", "5 s", "10 s"}

// mirrorsScreen measures the catalogue's mirrors continuously, charts and
// tabulates the results, and hosts the chain builder.
type mirrorsScreen struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func()
	panes   *adaptiveSplit // the measurements beside (or in a tab with) the chain builder
	// post applies a probe update on the UI goroutine: fyne.Do in the app;
	// tests queue updates and apply them on the test goroutine.
	post func(func())
	// opts adjusts the probe options (tests point them at a fake module).
	opts func(probe.Options) probe.Options

	// prefs remembers the mirrors left out of probing; nil: not remembered.
	prefs fyne.Preferences

	res        *resolve.Resolution
	cat        []mirrors.Mirror
	probeOn    map[string]bool // by mirror URL; absent means on
	startAfter bool            // start probing once the catalogue is loaded
	tracker    *probe.Tracker
	snap       probeSnapshot
	// hidden: another screen is on show. Probe results then wait in snap
	// (stale) until this screen is shown again, rather than laying out
	// the chart and table nobody sees every round.
	hidden, stale bool
	cancel        context.CancelFunc // stops the running probe; nil when stopped
	runs          latest             // numbers the probe runs, so a stale end is ignored

	rowPlain, rowError float32 // table row heights without and with an error line
	// rows maps each table row the list has filled to the catalogue index
	// it shows, so that probe results update the rows in place.
	rows map[*mirrorRow]widget.ListItemID
	// order lists the catalogue indices in the table's order: the
	// catalogue's, or, with byLatency, healthy mirrors fastest first, then
	// the failing ones, then those not measured.
	order     []int
	byLatency *widget.Check
	fastest   *widget.Button // "Use fastest": applies the suggested chain

	chart    *latencyChart
	list     *widget.List
	start    *widget.Button
	stop     *widget.Button
	interval *widget.Select
	live     *widget.Icon // shown while probing; still, as an animation repaints constantly
	progress *widget.Label
	builder  *chainBuilder
}

// probeSnapshot is the probe state shown on screen.
type probeSnapshot struct {
	sums    []probe.Summary
	points  map[probe.Key][]probe.Point
	samples int
}

// newMirrorsScreen makes the Mirrors screen; written reloads every screen
// after a write.
func newMirrorsScreen(svc *service.Service, win fyne.Window, run runner, written func()) *mirrorsScreen {
	m := &mirrorsScreen{svc: svc, win: win, run: run, written: written, post: fyne.Do,
		opts: func(o probe.Options) probe.Options { return o }, probeOn: map[string]bool{}, tracker: probe.NewTracker(0, 0, 0),
		rows: map[*mirrorRow]widget.ListItemID{}}
	m.builder = newChainBuilder(svc, win, run, m.onWritten)
	return m
}

// buildUI lays out the probe toolbar over the chart and table, beside the
// chain builder, and loads the catalogue.
func (m *mirrorsScreen) buildUI() fyne.CanvasObject {
	m.chart = newLatencyChart()
	m.rowPlain, m.rowError = rowHeights()
	m.list = widget.NewList(func() int { return len(m.order) }, newMirrorRow, m.updateMirrorRow)
	m.byLatency = widget.NewCheck(lang.L("mirrors.sort.latency"), m.onSortChanged)
	m.byLatency.Checked = true
	m.fastest = widget.NewButtonWithIcon(lang.L("mirrors.usefastest"), theme.ConfirmIcon(), m.onUseFastestTapped)
	m.fastest.Disable()
	m.start = widget.NewButtonWithIcon(lang.L("mirrors.start"), theme.MediaPlayIcon(), m.onStartTapped)
	m.start.Importance = widget.HighImportance
	m.stop = widget.NewButtonWithIcon(lang.L("mirrors.stop"), theme.MediaStopIcon(), m.onStopTapped)
	m.stop.Disable()
	m.interval = widget.NewSelect(probeIntervalLabels, m.onIntervalChanged)
	m.interval.Selected = "2 s"
	m.live = widget.NewIcon(theme.NewPrimaryThemedResource(theme.MediaRecordIcon()))
	m.live.Hide()
	m.progress = widget.NewLabel(lang.L("mirrors.idle"))
	m.progress.Truncation = fyne.TextTruncateEllipsis
	table := container.NewBorder(newTableHeader(), phaseKey(), nil, nil, m.list)
	measure := container.NewVSplit(m.chart, table)
	measure.Offset = 0.45
	m.panes = newAdaptiveSplit(lang.L("mirrors.tab.probes"), measure, lang.L("mirrors.tab.chain"), m.builder.content(), 0.64, mirrorsSplitWidth)
	m.load()
	return newBorder(m.toolbar(), nil, nil, nil, m.panes)
}

// mirrorsSplitWidth is the narrowest Mirrors screen that shows the chain
// builder beside the table; narrower, it is a tab.
const mirrorsSplitWidth = 960

// toolbar is the title, the probe controls and the progress.
func (m *mirrorsScreen) toolbar() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("nav.mirrors"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	toolchain := widget.NewButtonWithIcon(lang.L("tc.button"), theme.DownloadIcon(),
		newToolchainDialog(m.svc, m.win, m.run, m.onWritten).open)
	tools := container.New(layout.NewRowWrapLayout(), title, m.start, m.stop,
		container.NewHBox(widget.NewLabel(lang.L("mirrors.interval")), m.interval, m.live), m.byLatency, m.fastest, toolchain)
	return container.NewVBox(tools, m.progress, widget.NewSeparator())
}

// load resolves the settings and reads the catalogue off the UI goroutine.
func (m *mirrorsScreen) load() {
	m.run(func() func() {
		r, cat, err := mirrors.Load(m.svc)
		return func() { m.show(r, cat, err) }
	})
}

func (m *mirrorsScreen) show(r *resolve.Resolution, cat []mirrors.Mirror, err error) {
	if err != nil {
		showError(m.win, err)
	}
	m.res, m.cat = r, cat
	m.order = m.tableOrder()
	m.setRowHeights()
	m.list.Refresh()
	m.builder.show(r, cat)
	if m.startAfter {
		m.startAfter = false
		m.onStartTapped()
	}
}

// mirrorName is how the screen names m in the user's language (core's
// Mirror.ShownName, which gomirrorctl uses too).
func mirrorName(m mirrors.Mirror) string { return m.ShownName(uiLang) }

// prefProbeOff lists the URLs of the mirrors the user left out of probing.
const prefProbeOff = "probeOff"

// probeAllowed returns whether a mirror may be probed: it is not one the
// user left out of probing on the Mirrors screen (prefProbeOff). The
// first-run assistant measures only those, too.
func probeAllowed(prefs fyne.Preferences) func(mirrors.Mirror) bool {
	off := prefs.StringList(prefProbeOff)
	return func(m mirrors.Mirror) bool {
		return !slices.ContainsFunc(off, func(u string) bool { return mirrors.SameURL(u, m.URL) })
	}
}

// remember keeps the mirrors left out of probing in prefs, across runs.
func (m *mirrorsScreen) remember(prefs fyne.Preferences) {
	m.prefs = prefs
	for _, url := range prefs.StringList(prefProbeOff) {
		m.probeOn[url] = false
	}
}

// toggleProbe starts probing, or stops it when it runs: the View menu's
// Ctrl+P. Before the catalogue is loaded, probing starts once it is.
func (m *mirrorsScreen) toggleProbe() {
	switch {
	case m.cancel != nil:
		m.onStopTapped()
	case m.res == nil:
		m.startAfter = true
	default:
		m.onStartTapped()
	}
}

// onWritten reloads this screen and the others after the builder wrote.
func (m *mirrorsScreen) onWritten() {
	m.load()
	m.written()
}

// targets are the mirrors checked for probing.
func (m *mirrorsScreen) targets() []probe.Target {
	var ts []probe.Target
	for _, mr := range m.cat {
		if on, set := m.probeOn[mr.URL]; on || !set {
			ts = append(ts, mr.Target())
		}
	}
	return ts
}

// onStartTapped starts probing the checked mirrors at the chosen interval.
func (m *mirrorsScreen) onStartTapped() {
	if m.res == nil {
		return
	}
	m.stopProbe()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	run := m.runs.next()
	opts := m.opts(mirrors.ProbeOptions(m.res))
	samples := probe.New(opts).Run(ctx, m.targets(), probe.Schedule{Interval: probeIntervals[m.interval.Selected]})
	go m.consume(samples, m.tracker, run)
	m.setProbing(true)
}

// onStopTapped cancels the probe; samples in flight are dropped.
func (m *mirrorsScreen) onStopTapped() {
	m.stopProbe()
	m.setProbing(false)
}

// onIntervalChanged restarts a running probe with the new interval.
func (m *mirrorsScreen) onIntervalChanged(string) {
	if m.cancel != nil {
		m.onStartTapped()
	}
}

func (m *mirrorsScreen) stopProbe() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

func (m *mirrorsScreen) setProbing(on bool) {
	enable(m.stop, on)
	m.live.Hidden = !on
	if !on {
		m.progress.SetText(lang.L("mirrors.stopped", map[string]any{"Samples": m.snap.samples}))
	}
	m.live.Refresh()
}

// consume runs on its own goroutine: it adds each sample to the tracker and
// posts a snapshot to the UI once a round's samples settle (see
// redrawEvery), and once more when the probe ends.
func (m *mirrorsScreen) consume(samples <-chan probe.Sample, tr *probe.Tracker, run int) {
	redraw := time.NewTimer(0)
	<-redraw.C
	defer redraw.Stop()
	var last time.Time // of the last redraw
	pending := false   // a redraw is due when the timer fires
	for {
		select {
		case s, ok := <-samples:
			if !ok {
				snap := takeProbeSnapshot(tr)
				m.post(func() { m.onProbeEnded(snap, run) })
				return
			}
			tr.Add(s)
			if !pending {
				pending = true
				redraw.Reset(max(redrawSettle, redrawEvery-time.Since(last)))
			}
		case <-redraw.C:
			snap := takeProbeSnapshot(tr)
			m.post(func() { m.onSnapshot(snap) })
			pending, last = false, time.Now()
		}
	}
}

// takeProbeSnapshot copies the tracker's state; it is safe off the UI goroutine.
func takeProbeSnapshot(tr *probe.Tracker) probeSnapshot {
	s := probeSnapshot{sums: tr.Summaries(), points: map[probe.Key][]probe.Point{}}
	for _, sum := range s.sums {
		s.points[sum.Key] = tr.Points(sum.Key)
		s.samples += sum.Samples
	}
	return s
}

// onProbeEnded shows the last snapshot of a run; if it is the current run,
// probing has stopped (cancelled, or it could not start).
func (m *mirrorsScreen) onProbeEnded(snap probeSnapshot, run int) {
	m.onSnapshot(snap)
	if m.runs.current(run) {
		m.cancel = nil
		m.setProbing(false)
	}
}

// onSnapshot shows snap, or keeps it for when the screen is shown again.
func (m *mirrorsScreen) onSnapshot(snap probeSnapshot) {
	if m.hidden {
		m.snap, m.stale = snap, true
		return
	}
	m.showSnapshot(snap)
}

// setHidden records whether another screen is on show; shown again, the
// screen catches up with the probe results that came in meanwhile.
func (m *mirrorsScreen) setHidden(hidden bool) {
	m.hidden = hidden
	if !hidden && m.stale {
		m.showSnapshot(m.snap)
	}
}

// showSnapshot updates the chart, the table, the progress and the chain
// builder's measurements together.
func (m *mirrorsScreen) showSnapshot(snap probeSnapshot) {
	m.snap, m.stale = snap, false
	m.chart.SetSeries(m.series())
	m.reorder()
	m.builder.setMeasurements(snap.sums)
	enable(m.fastest, slices.ContainsFunc(snap.sums, probe.Summary.Healthy))
	if m.cancel != nil {
		setText(m.progress, lang.L("mirrors.progress", map[string]any{"Samples": snap.samples, "Mirrors": len(snap.sums)}))
	}
}

// series turns the snapshot into chart lines in catalogue order, each in
// a colour of the palette (never red, which means failed): a mirror that
// only fails has its colour on its row of failures.
func (m *mirrorsScreen) series() []chartSeries {
	var out []chartSeries
	for _, mr := range m.cat {
		for _, s := range m.snap.sums {
			if s.URL == mr.URL {
				c := seriesPalette[len(out)%len(seriesPalette)]
				out = append(out, chartSeries{name: mirrorName(mr), color: c, points: m.snap.points[s.Key]})
			}
		}
	}
	return out
}

// setRowHeights gives the rows of mirrors with an error room for it.
func (m *mirrorsScreen) setRowHeights() {
	for i, c := range m.order {
		h := m.rowPlain
		if m.summaryOf(m.cat[c].URL).LastError != nil {
			h = m.rowError
		}
		m.list.SetItemHeight(i, h)
	}
}

// tableOrder is the order of the table's rows: see order.
func (m *mirrorsScreen) tableOrder() []int {
	order := make([]int, len(m.cat))
	for i := range order {
		order[i] = i
	}
	if m.byLatency == nil || !m.byLatency.Checked {
		return order
	}
	rank := func(i int) (int, time.Duration) {
		s := m.summaryOf(m.cat[i].URL)
		switch {
		case s.Healthy():
			return 0, s.P50
		case s.Samples > 0:
			return 1, 0
		}
		return 2, 0
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ra, la := rank(a)
		rb, lb := rank(b)
		if ra != rb {
			return ra - rb
		}
		return int(la - lb)
	})
	return order
}

// reorder puts the rows in order after new results: the list is refreshed
// only when the order changed, else each row in place.
func (m *mirrorsScreen) reorder() {
	order := m.tableOrder()
	changed := !slices.Equal(order, m.order)
	m.order = order
	m.setRowHeights()
	if changed {
		m.list.Refresh()
		return
	}
	m.refreshRows()
}

// onSortChanged orders the table by latency, or as the catalogue.
func (m *mirrorsScreen) onSortChanged(bool) { m.reorder() }

// onUseFastestTapped writes the chain suggested from the measurements:
// the fastest healthy mirror, one of another operator after it, then
// direct; the notice after the write offers Undo.
func (m *mirrorsScreen) onUseFastestTapped() {
	m.builder.onSuggestTapped()
	if len(m.builder.links) == 0 {
		m.panes.selectTrailing() // shows why there is no suggestion
		return
	}
	m.builder.onApplyTapped()
}

// summaryOf returns the measurements of the mirror at url, if any.
func (m *mirrorsScreen) summaryOf(url string) probe.Summary {
	for _, s := range m.snap.sums {
		if s.URL == url {
			return s
		}
	}
	return probe.Summary{}
}

// phaseScale is the slowest median TTFB, which fills a phase bar.
func (m *mirrorsScreen) phaseScale() time.Duration {
	var d time.Duration
	for _, s := range m.snap.sums {
		d = max(d, s.Phases.TTFB)
	}
	return d
}

func (m *mirrorsScreen) updateMirrorRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(m.order) {
		return
	}
	mr := m.cat[m.order[id]]
	row := obj.(*mirrorRow)
	m.rows[row] = id
	on, set := m.probeOn[mr.URL]
	row.probe.OnChanged = nil
	row.show(mr, on || !set, m.summaryOf(mr.URL), m.phaseScale())
	row.probe.OnChanged = func(on bool) { m.onProbeToggled(mr.URL, on) }
}

// refreshRows shows the latest results in the table's rows, each label
// and bar refreshed only if it changed. It does not refresh the list:
// that would free and redraw the texture of every text in the table.
func (m *mirrorsScreen) refreshRows() {
	for row, id := range m.rows {
		if id < len(m.order) {
			m.updateMirrorRow(id, row)
		}
	}
}

// onProbeToggled includes or leaves out a mirror; a running probe
// restarts with the new set.
func (m *mirrorsScreen) onProbeToggled(url string, on bool) {
	m.probeOn[url] = on
	if m.prefs != nil {
		var off []string
		for u, on := range m.probeOn {
			if !on {
				off = append(off, u)
			}
		}
		slices.Sort(off)
		m.prefs.SetStringList(prefProbeOff, off)
	}
	if m.cancel != nil {
		m.onStartTapped()
	}
}
