package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// probeUpdates queues the probe updates a screen posts, so that the test
// goroutine applies them: the same order as fyne.Do, without races.
type probeUpdates chan func()

func (u probeUpdates) post(f func()) { u <- f }

// until applies posted updates until cond holds; false after d.
func (u probeUpdates) until(d time.Duration, cond func() bool) bool {
	deadline := time.After(d)
	for !cond() {
		select {
		case f := <-u:
			f()
		case <-deadline:
			return false
		}
	}
	return true
}

// fakeMirrors are loopback mirrors added to the fixture as user mirrors.
type fakeMirrors struct {
	fast, slow, failing string // URLs
}

// addFakeMirrors starts three fake mirrors: a fast one that proxies the
// checksum database, a slower one on another host that does not, and one
// that answers 500; and adds them as the user's mirrors.
func (f *fixture) addFakeMirrors() fakeMirrors {
	f.t.Helper()
	var fm fakeMirrors
	fm.fast, _ = mirrortest.Serve(f.t, "127.0.0.1", mirrortest.Behavior{SumDB: "sum.example.test"})
	fm.slow, _ = mirrortest.Serve(f.t, "localhost", mirrortest.Behavior{Delay: 30 * time.Millisecond})
	fm.failing, _ = mirrortest.Serve(f.t, "127.0.0.1", mirrortest.Behavior{Status: 500})
	st, err := mirrors.UserStore(f.svc)
	if err != nil {
		f.t.Fatal(err)
	}
	for name, url := range map[string]string{"Fake fast": fm.fast, "Fake slow": fm.slow, "Fake failing": fm.failing} {
		if _, err := st.Add(mirrors.Mirror{Name: name, URL: url}); err != nil {
			f.t.Fatal(err)
		}
	}
	return fm
}

// newMirrorsUI shows the Mirrors screen alone in a test window, with
// service calls made inline and probe updates queued; only loopback
// mirrors are ticked for probing, and the probe asks for the fake module.
func (f *fixture) newMirrorsUI() (*mirrorsScreen, probeUpdates, fyne.Window) {
	f.t.Helper()
	test.NewTempApp(f.t)
	w := test.NewTempWindow(f.t, nil)
	m := newMirrorsScreen(f.svc, w, inline, func() {})
	q := make(probeUpdates, 64)
	m.post = q.post
	m.opts = func(o probe.Options) probe.Options {
		o.Module, o.Timeout = mirrortest.ProbeModule.Path, 3*time.Second
		return o
	}
	w.SetContent(m.buildUI())
	w.Resize(fyne.NewSize(1200, 800))
	for _, mr := range m.cat {
		m.probeOn[mr.URL] = mr.Origin == mirrors.OriginUser
	}
	f.t.Cleanup(m.stopProbe)
	return m, q, w
}

// rowFor returns the table row showing the mirror called name; the
// user's mirrors come last, so it scrolls the table to the bottom.
func rowFor(t *testing.T, m *mirrorsScreen, w fyne.Window, name string) *mirrorRow {
	t.Helper()
	for i, c := range m.order {
		if mirrorName(m.cat[c]) == name {
			m.list.ScrollTo(i)
		}
	}
	for _, o := range test.LaidOutObjects(w.Content()) {
		if r, ok := o.(*mirrorRow); ok && r.name.Text == name {
			return r
		}
	}
	t.Fatalf("the mirror table shows no row for %s", name)
	return nil
}

func TestMirrorsProbeShowsSamples(t *testing.T) {
	f := newFixture(t)
	fm := f.addFakeMirrors()
	m, q, w := f.newMirrorsUI()
	m.interval.SetSelected("1 s")
	test.Tap(m.start)
	if m.stop.Disabled() || m.live.Hidden {
		t.Error("while probing, Stop is disabled or the live indicator hidden")
	}
	twice := func() bool {
		return len(m.snap.sums) == 3 && m.summaryOf(fm.fast).Samples >= 2 && m.summaryOf(fm.failing).Samples >= 2
	}
	if !q.until(10*time.Second, twice) {
		t.Fatalf("no two samples of each fake mirror within 10 s: %+v", m.snap.sums)
	}
	// Healthy mirrors first, fastest first: the order may have changed.
	fast, failing := rowFor(t, m, w, "Fake fast"), rowFor(t, m, w, "Fake failing")
	if got := m.cat[m.order[0]].URL; got != fm.fast && got != fm.slow {
		t.Errorf("the first row is %s, want a healthy mirror", got)
	}
	if got := m.cat[m.order[len(m.order)-1]].URL; got == fm.fast {
		t.Errorf("the fast mirror is last")
	}
	if fast.p50.Importance != widget.SuccessImportance {
		t.Errorf("the fast mirror's p50 badge has importance %v, want success (green)", fast.p50.Importance)
	}
	if m.fastest.Disabled() {
		t.Error("Use fastest is disabled with healthy mirrors measured")
	}
	test.Tap(m.fastest)
	if got := f.readEnvFile(); !strings.Contains(got, "GOPROXY="+fm.fast) {
		t.Errorf("env file after Use fastest = %q, want GOPROXY starting with the fast mirror %s", got, fm.fast)
	}
	// The success column counts failures, not samples: a steady mirror's
	// row does not change from round to round.
	if !strings.HasSuffix(fast.p50.Text, " ms") || fast.success.Text != "100%" || fast.err.Text != "" {
		t.Errorf("fast mirror row = p50 %q, success %q, error %q", fast.p50.Text, fast.success.Text, fast.err.Text)
	}
	if failing.p50.Text != "–" || !strings.Contains(failing.err.Text, "HTTP 5xx") {
		t.Errorf("failing mirror row = p50 %q, error %q; want no latency and HTTP 5xx", failing.p50.Text, failing.err.Text)
	}
	if want := fmt.Sprintf("0%% · %d failed", m.summaryOf(fm.failing).Failures); failing.success.Text != want {
		t.Errorf("failing mirror's success = %q, want %q", failing.success.Text, want)
	}
	if got := len(m.chart.series); got != 3 {
		t.Errorf("chart has %d series, want 3", got)
	}
	test.Tap(m.stop)
	if !q.until(5*time.Second, func() bool { return strings.HasPrefix(m.progress.Text, "Stopped") && m.cancel == nil }) {
		t.Errorf("after Stop: progress %q", m.progress.Text)
	}
	if !m.stop.Disabled() {
		t.Error("Stop is still enabled after stopping")
	}
}

func TestMirrorsProbeCheckTogglesTarget(t *testing.T) {
	f := newFixture(t)
	f.addFakeMirrors()
	m, _, w := f.newMirrorsUI()
	row := rowFor(t, m, w, "Fake fast")
	test.Tap(row.probe)
	if n := len(m.targets()); n != 2 {
		t.Errorf("after unticking one of three fake mirrors, %d targets; want 2", n)
	}
}

// linkWidgets returns the separator selects and up buttons of the builder's
// links, in order.
func linkWidgets(b *chainBuilder) (seps []*widget.Select, ups []*widget.Button) {
	for _, o := range test.LaidOutObjects(b.linkBox) {
		switch w := o.(type) {
		case *widget.Select:
			seps = append(seps, w)
		case *widget.Button:
			if w.Icon != nil && w.Icon.Name() == theme.MoveUpIcon().Name() {
				ups = append(ups, w)
			}
		}
	}
	return seps, ups
}

func TestChainBuilderPreview(t *testing.T) {
	f := newFixture(t)
	fm := f.addFakeMirrors()
	m, _, _ := f.newMirrorsUI()
	b := m.builder
	b.picks[fm.fast].SetChecked(true)
	b.picks[fm.slow].SetChecked(true)
	if got, want := b.preview.Text, "GOPROXY="+fm.fast+","+fm.slow+",direct"; got != want {
		t.Errorf("preview = %q, want %q", got, want)
	}
	seps, ups := linkWidgets(b)
	if len(seps) != 2 || len(ups) != 2 {
		t.Fatalf("links show %d separators and %d up buttons, want 2 each", len(seps), len(ups))
	}
	seps[0].SetSelected("|")
	_, ups = linkWidgets(b)
	test.Tap(ups[1]) // the slow mirror moves first; the separators keep their places
	if got, want := b.preview.Text, "GOPROXY="+fm.slow+"|"+fm.fast+",direct"; got != want {
		t.Errorf("preview after | and moving up = %q, want %q", got, want)
	}
	if n := len(b.explain.Objects); n != 3 || !labelsContain(b.explain, "fails in any way") || !labelsContain(b.explain, "only if it answers 404 or 410") {
		t.Errorf("explanation has %d rows, or misses the | and , texts", n)
	}
	b.off.SetChecked(true)
	if got, want := b.preview.Text, "GOPROXY="+fm.slow+"|"+fm.fast+",off"; got != want || b.direct.Checked {
		t.Errorf("preview with off = %q (direct still checked: %t), want %q", got, b.direct.Checked, want)
	}
}

func TestChainBuilderSuggestsAndPairsSumDB(t *testing.T) {
	f := newFixture(t)
	fm := f.addFakeMirrors()
	m, q, _ := f.newMirrorsUI()
	test.Tap(m.start)
	if !q.until(10*time.Second, func() bool { return m.summaryOf(fm.fast).Samples >= 1 && m.summaryOf(fm.slow).Samples >= 1 }) {
		t.Fatal("no samples within 10 s")
	}
	test.Tap(m.stop)
	b := m.builder
	test.Tap(b.suggest)
	if got, want := b.preview.Text, "GOPROXY="+fm.fast+"|"+fm.slow+",direct"; got != want {
		t.Errorf("suggested chain = %q, want %q", got, want)
	}
	if !b.sumdb.Hidden {
		t.Errorf("the fast mirror proxies the checksum database, yet the builder offers %q", b.sumdb.Text)
	}
	b.picks[fm.fast].SetChecked(false)
	if b.sumdb.Hidden || !b.sumdb.Checked || !strings.Contains(b.sumdb.Text, "GOSUMDB=sum.golang.google.cn") {
		t.Errorf("without a mirror that proxies the database: GOSUMDB check %q shown %t, checked %t", b.sumdb.Text, !b.sumdb.Hidden, b.sumdb.Checked)
	}
}

func TestChainBuilderApplyAndUndo(t *testing.T) {
	f := newFixture(t)
	const before = "GOPRIVATE=keep.example.test\n"
	f.writeEnvFile(before)
	fm := f.addFakeMirrors()
	m, _, _ := f.newMirrorsUI()
	b := m.builder
	b.picks[fm.fast].SetChecked(true)
	test.Tap(b.apply)
	if got, want := f.readEnvFile(), before+"GOPROXY="+fm.fast+",direct\n"; got != want {
		t.Errorf("env file after Apply = %q, want %q", got, want)
	}
	if !labelsContain(b.outcome, "Applied") {
		t.Error("Apply does not say it wrote the file")
	}
	if h, _ := f.svc.History(); len(h) != 1 {
		t.Errorf("history has %d entries after Apply, want 1", len(h))
	}
	test.Tap(b.undo)
	if got := f.readEnvFile(); got != before {
		t.Errorf("env file after Undo = %q, want %q", got, before)
	}
}

func TestChainBuilderRefusalInline(t *testing.T) {
	f := newFixture(t, "GOENV=off")
	fm := f.addFakeMirrors()
	m, _, _ := f.newMirrorsUI()
	b := m.builder
	b.picks[fm.fast].SetChecked(true)
	test.Tap(b.apply)
	if !labelsContain(b.outcome, "Nothing was written") {
		t.Error("a refused Apply does not say so under the builder")
	}
}

// TestProbeShortcutAndRememberedChoice checks the View menu's Ctrl+P: it
// opens the Mirrors screen and starts probing the mirrors ticked for it,
// as remembered from an earlier run, and stops on a second press; and that
// unticking a mirror is remembered.
func TestProbeShortcutAndRememberedChoice(t *testing.T) {
	f := newFixture(t)
	fm := f.addFakeMirrors()
	_, cat, err := mirrors.Load(f.svc)
	if err != nil {
		t.Fatal(err)
	}
	var off []string // every mirror but the fake ones: nothing leaves loopback
	for _, mr := range cat {
		if mr.Origin != mirrors.OriginUser {
			off = append(off, mr.URL)
		}
	}
	a := test.NewTempApp(t)
	a.Preferences().SetStringList(prefProbeOff, off)
	w := test.NewTempWindow(t, nil)
	u := newUI(a, w, f.svc, inline)
	w.Resize(fyne.NewSize(1200, 800))
	m := u.mirrors
	q := make(probeUpdates, 64)
	m.post = q.post
	m.opts = func(o probe.Options) probe.Options {
		o.Module, o.Timeout = mirrortest.ProbeModule.Path, 3*time.Second
		return o
	}
	t.Cleanup(m.stopProbe)

	probeItem := menuItem(t, w, lang.L("menu.probe"))
	if sc, ok := probeItem.Shortcut.(fyne.KeyboardShortcut); !ok || sc.Key() != fyne.KeyP {
		t.Errorf("the probe menu item's shortcut is %v, want Ctrl+P", probeItem.Shortcut)
	}
	probeItem.Action()
	if u.screens[u.current].Title != "nav.mirrors" || m.cancel == nil {
		t.Fatalf("after Ctrl+P: screen %s, probing %t; want Mirrors, probing", u.screens[u.current].Title, m.cancel != nil)
	}
	if n := len(m.targets()); n != 3 {
		t.Errorf("probing %d mirrors, want the 3 fake ones the preferences leave ticked", n)
	}
	if !q.until(10*time.Second, func() bool { return m.summaryOf(fm.fast).Samples >= 1 }) {
		t.Fatal("no sample of the fast fake mirror within 10 s")
	}

	// On another screen the results wait: the hidden chart, table and
	// progress are not updated until the Mirrors screen is shown again.
	u.nav.Select(u.screenIndex("nav.overview"))
	shown, points, samples := m.progress.Text, chartPoints(m.chart), m.snap.samples
	if !q.until(10*time.Second, func() bool { return m.snap.samples > samples }) {
		t.Fatal("no further samples within 10 s while on the Overview")
	}
	if m.progress.Text != shown || chartPoints(m.chart) != points {
		t.Errorf("on the Overview, the Mirrors screen redrew: progress %q → %q, chart points %d → %d",
			shown, m.progress.Text, points, chartPoints(m.chart))
	}
	u.nav.Select(u.screenIndex("nav.mirrors"))
	if m.progress.Text == shown || chartPoints(m.chart) <= points {
		t.Errorf("back on Mirrors, the screen did not catch up: progress %q, chart points %d (were %d)",
			m.progress.Text, chartPoints(m.chart), points)
	}
	probeItem.Action()
	if m.cancel != nil || !m.stop.Disabled() {
		t.Error("a second Ctrl+P does not stop probing")
	}

	w.Content().Refresh()
	test.Tap(rowFor(t, m, w, "Fake slow").probe)
	again := newMirrorsScreen(f.svc, w, inline, func() {})
	again.remember(a.Preferences())
	if on, set := again.probeOn[fm.slow]; !set || on {
		t.Errorf("the next run probes the unticked slow mirror (on %t, set %t)", on, set)
	}
	if len(again.probeOn) != len(off)+1 {
		t.Errorf("the next run leaves out %d mirrors, want %d", len(again.probeOn), len(off)+1)
	}
}

// chartPoints counts the points the chart draws.
func chartPoints(c *latencyChart) int {
	n := 0
	for _, s := range c.series {
		n += len(s.points)
	}
	return n
}
