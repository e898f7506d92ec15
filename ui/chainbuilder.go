package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// chainBuilder composes GOPROXY from picked mirrors, each followed by its
// separator, then direct or off; it previews the value with what each link
// does, pairs GOSUMDB with it, suggests a chain from the measurements, and
// applies it through the service (validated, recorded, undoable).
type chainBuilder struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func() // after the env file changed: reload

	res   *resolve.Resolution
	cat   []mirrors.Mirror
	sums  []probe.Summary
	links mirrors.Chain // the picked mirrors, in order, with their separators
	pair  string        // the GOSUMDB the chain needs, or ""

	picks      map[string]*widget.Check // by mirror URL
	pickBox    *fyne.Container
	linkBox    *fyne.Container
	direct     *widget.Check
	off        *widget.Check
	preview    *widget.Label
	explain    *fyne.Container
	sumdb      *widget.Check
	sumdbWhy   *widget.Label
	validation *fyne.Container
	suggest    *widget.Button
	apply      *widget.Button
	undo       *widget.Button
	outcome    *fyne.Container
}

func newChainBuilder(svc *service.Service, win fyne.Window, run runner, written func()) *chainBuilder {
	b := &chainBuilder{svc: svc, win: win, run: run, written: written, picks: map[string]*widget.Check{}}
	b.buildUI()
	return b
}

// buildUI creates the builder's widgets.
func (b *chainBuilder) buildUI() {
	b.pickBox, b.linkBox, b.explain = container.NewVBox(), container.NewVBox(), container.NewVBox()
	b.direct = widget.NewCheck(lang.L("mirrors.chain.direct"), b.onDirectChanged)
	b.direct.Checked = true
	b.off = widget.NewCheck(lang.L("mirrors.chain.off"), b.onOffChanged)
	b.preview = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	b.preview.Wrapping = fyne.TextWrapBreak
	b.sumdb = widget.NewCheck("", nil)
	b.sumdbWhy = widget.NewLabel("")
	b.sumdbWhy.Wrapping = fyne.TextWrapWord
	b.validation, b.outcome = container.NewVBox(), container.NewVBox()
	b.suggest = widget.NewButtonWithIcon(lang.L("mirrors.chain.suggest"), theme.SearchIcon(), b.onSuggestTapped)
	b.apply = widget.NewButtonWithIcon(lang.L("mirrors.chain.apply"), theme.ConfirmIcon(), b.onApplyTapped)
	b.apply.Importance = widget.HighImportance
	b.undo = widget.NewButtonWithIcon(lang.L("edit.undo"), theme.ContentUndoIcon(), b.onUndoTapped)
	b.update()
}

// content lays the builder out top to bottom in a vertical scroller.
func (b *chainBuilder) content() fyne.CanvasObject {
	body := container.NewVBox(
		wrappedHeading(lang.L("mirrors.chain.title")),
		b.suggest,
		wrappedHeading(lang.L("mirrors.chain.pick")), b.pickBox,
		wrappedHeading(lang.L("mirrors.chain.order")), b.linkBox, container.NewHBox(b.direct, b.off),
		wrappedHeading(lang.L("mirrors.chain.preview")), b.preview, b.explain,
		wrappedHeading(lang.L("mirrors.chain.sumdb")), b.sumdbWhy, b.sumdb,
	)
	// The Apply/Undo bar, the validation and the outcome stay in view under
	// the scrolling column.
	bar := container.NewVBox(widget.NewSeparator(), b.validation, container.NewHBox(b.apply, b.undo), b.outcome)
	return container.NewBorder(nil, container.NewPadded(bar), nil, nil, container.NewVScroll(container.NewPadded(body)))
}

// show sets the resolution and catalogue; picked mirrors that left the
// catalogue are dropped.
func (b *chainBuilder) show(r *resolve.Resolution, cat []mirrors.Mirror) {
	b.res, b.cat = r, cat
	b.links = slices.DeleteFunc(b.links, func(l mirrors.Link) bool { _, ok := mirrors.Find(cat, l.Target); return !ok })
	b.picks = map[string]*widget.Check{}
	objs := make([]fyne.CanvasObject, len(cat))
	for i, m := range cat {
		url := m.URL
		c := widget.NewCheck(mirrorName(m), func(on bool) { b.onMirrorPicked(url, on) })
		c.Checked = b.linkIndex(url) >= 0
		b.picks[url], objs[i] = c, c
	}
	b.pickBox.Objects = objs
	b.pickBox.Refresh()
	b.update()
}

// setMeasurements gives the builder the latest probe summaries, for the
// GOSUMDB pairing and for Suggest.
func (b *chainBuilder) setMeasurements(sums []probe.Summary) {
	b.sums = sums
	b.updatePairing()
}

// chain is the GOPROXY chain on display.
func (b *chainBuilder) chain() mirrors.Chain {
	c := slices.Clone(b.links)
	switch {
	case b.direct.Checked:
		c = append(c, mirrors.Link{Target: mirrors.Direct})
	case b.off.Checked:
		c = append(c, mirrors.Link{Target: mirrors.Off})
	}
	return c
}

func (b *chainBuilder) linkIndex(url string) int {
	return slices.IndexFunc(b.links, func(l mirrors.Link) bool { return mirrors.SameURL(l.Target, url) })
}

// onMirrorPicked adds a mirror at the end of the chain or removes it.
func (b *chainBuilder) onMirrorPicked(url string, on bool) {
	i := b.linkIndex(url)
	switch {
	case on && i < 0:
		b.links = append(b.links, mirrors.Link{Target: url, Sep: mirrors.Comma})
	case !on && i >= 0:
		b.links = slices.Delete(b.links, i, i+1)
	default:
		return
	}
	b.update()
}

// onDirectChanged ends the chain with direct (and not off).
func (b *chainBuilder) onDirectChanged(on bool) {
	if on && b.off.Checked {
		b.off.SetChecked(false)
	}
	b.update()
}

// onOffChanged ends the chain with off (and not direct).
func (b *chainBuilder) onOffChanged(on bool) {
	if on && b.direct.Checked {
		b.direct.SetChecked(false)
	}
	b.update()
}

// onMove moves link i by delta (-1 up, +1 down).
func (b *chainBuilder) onMove(i, delta int) {
	j := i + delta
	if j < 0 || j >= len(b.links) {
		return
	}
	b.links[i].Target, b.links[j].Target = b.links[j].Target, b.links[i].Target
	b.update()
}

// onSepChanged sets the separator after link i.
func (b *chainBuilder) onSepChanged(i int, sep string) {
	if i < len(b.links) && b.links[i].Sep != mirrors.Sep(sep) {
		b.links[i].Sep = mirrors.Sep(sep)
		b.update()
	}
}

// update redraws the links, the preview and its explanation, the GOSUMDB
// pairing and the validation.
func (b *chainBuilder) update() {
	b.showLinks()
	c := b.chain()
	b.preview.SetText("GOPROXY=" + c.String())
	objs := []fyne.CanvasObject{}
	for i, x := range c.Explain(b.cat) {
		objs = append(objs, explanationRow(i, x))
	}
	b.explain.Objects = objs
	b.explain.Refresh()
	b.updatePairing()
	if b.res != nil {
		b.validate()
	}
}

// explanationRow is one link's explanation, dimmed when never used.
func explanationRow(i int, x mirrors.Explanation) fyne.CanvasObject {
	l := widget.NewLabel(lang.L("mirrors.chain.step", map[string]any{"N": i + 1, "Text": textOf(x.Code, x.Args, x.Text)}))
	l.Wrapping = fyne.TextWrapWord
	if !x.Used {
		l.Importance = widget.LowImportance
	}
	return l
}

// showLinks rebuilds the ordered list of picked mirrors.
func (b *chainBuilder) showLinks() {
	c := b.chain()
	objs := make([]fyne.CanvasObject, len(b.links))
	for i, l := range b.links {
		objs[i] = b.linkRow(i, l, i < len(c)-1)
	}
	if len(objs) == 0 {
		none := widget.NewLabel(lang.L("mirrors.chain.none"))
		none.Importance = widget.LowImportance
		objs = []fyne.CanvasObject{none}
	}
	b.linkBox.Objects = objs
	b.linkBox.Refresh()
}

// linkRow is one picked mirror: its name, the separator after it (when
// something follows), and buttons to move it.
func (b *chainBuilder) linkRow(i int, l mirrors.Link, followed bool) fyne.CanvasObject {
	name := widget.NewLabel(mirrorLabel(b.cat, l.Target))
	name.Truncation = fyne.TextTruncateEllipsis
	sep := widget.NewSelect([]string{string(mirrors.Comma), string(mirrors.Pipe)}, nil)
	sep.Selected = string(l.Sep)
	sep.OnChanged = func(s string) { b.onSepChanged(i, s) }
	if !followed {
		sep.Disable()
	}
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { b.onMove(i, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { b.onMove(i, +1) })
	enable(up, i > 0)
	enable(down, i < len(b.links)-1)
	return container.NewBorder(nil, nil, nil, container.NewHBox(sep, up, down), name)
}

// mirrorLabel is a mirror's catalogue name, or its URL.
func mirrorLabel(cat []mirrors.Mirror, url string) string {
	if m, ok := mirrors.Find(cat, url); ok {
		return mirrorName(m)
	}
	return url
}

// updatePairing shows which GOSUMDB the chain needs. Measurements call it
// every probe round, so it leaves the validation, which they do not change,
// to update: rebuilding its rows would lay the window out again.
func (b *chainBuilder) updatePairing() {
	if b.res == nil {
		setText(b.sumdbWhy, "")
		b.sumdb.Hide()
		enable(b.apply, false)
		return
	}
	pair, why := mirrors.SumDBAdvice(b.res, b.cat, b.chain(), b.sums)
	if pair != b.pair {
		b.pair = pair
		b.sumdb.SetChecked(pair != "")
	}
	setText(b.sumdbWhy, pairingText(b.res, why))
	text, hidden := lang.L("mirrors.chain.setsumdb", map[string]any{"Value": pair}), pair == ""
	if text != b.sumdb.Text || hidden != b.sumdb.Hidden {
		b.sumdb.Text, b.sumdb.Hidden = text, hidden
		b.sumdb.Refresh()
	}
}

// pairingText explains the GOSUMDB pairing, or keeps the current value.
func pairingText(r *resolve.Resolution, why []core.Text) string {
	if len(why) == 0 {
		return lang.L("mirrors.chain.sumdbkept", map[string]any{"Value": r.Value("GOSUMDB")})
	}
	t := why[len(why)-1]
	return textOf(t.Code, t.Args, t.String())
}

// assignments are the writes the builder would make.
func (b *chainBuilder) assignments(r *resolve.Resolution) []core.Assignment {
	as := b.chain().Assignments()
	if b.sumdb.Checked && b.pair != "" && b.pair != r.Value("GOSUMDB") {
		as = append(as, core.Assignment{Key: "GOSUMDB", Value: b.pair})
	}
	return as
}

// validate checks the writes as the service will and shows the problems;
// Apply needs at least one picked mirror (GOPROXY=direct or off alone is
// for the overview's editor).
func (b *chainBuilder) validate() {
	var ps []core.Problem
	if len(b.chain()) > 0 {
		ps = b.chain().Validate(b.res)
	}
	b.validation.Objects = problemRows(ps)
	b.validation.Refresh()
	enable(b.apply, len(b.links) > 0 && len(core.Errors(ps)) == 0)
}

// onSuggestTapped replaces the chain with the one suggested from the
// measurements so far.
func (b *chainBuilder) onSuggestTapped() {
	s, err := mirrors.Suggest(b.res, b.cat, b.sums, mirrors.SuggestOptions{NoDirect: !b.direct.Checked})
	if err != nil { // mirrors.ErrNoHealthyMirror
		b.setOutcome(outcome(lang.L("mirrors.chain.nosuggestion"), widget.WarningImportance, nil))
		return
	}
	b.links = slices.DeleteFunc(slices.Clone(s.Chain), mirrors.Link.IsKeyword)
	for url, c := range b.picks {
		c.SetChecked(b.linkIndex(url) >= 0)
	}
	b.update()
	b.setOutcome(nil)
}

// onApplyTapped writes the chain (and GOSUMDB when paired) against a fresh
// resolution, off the UI goroutine.
func (b *chainBuilder) onApplyTapped() {
	b.setBusy(true)
	b.run(func() func() {
		r := b.svc.Resolve()
		res, err := b.svc.WithSource(history.SourceChainBuilder).Set(r, b.assignments(r))
		return func() { b.onWriteDone(res, err, "mirrors.chain.applied") }
	})
}

// onUndoTapped reverts the newest write Go Mirror made.
func (b *chainBuilder) onUndoTapped() {
	b.setBusy(true)
	b.run(func() func() {
		res, err := b.svc.Undo()
		return func() { b.onWriteDone(res, err, "write.undone") }
	})
}

func (b *chainBuilder) setBusy(busy bool) {
	enable(b.undo, !busy)
	enable(b.suggest, !busy)
	if busy {
		b.apply.Disable()
	} else {
		b.validate()
	}
}

// onWriteDone shows a write's outcome: refusals inline, other errors in a
// dialog, success with its warnings; then everything reloads.
func (b *chainBuilder) onWriteDone(res *service.WriteResult, err error, done string) {
	b.setBusy(false)
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		b.setOutcome(outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems))
	case err != nil:
		b.setOutcome(nil)
		showError(b.win, err)
	default:
		b.setOutcome(outcome(lang.L(done, map[string]any{"File": res.File}), widget.SuccessImportance, res.Warnings))
		b.written()
	}
}

// setOutcome replaces what is shown under the buttons.
func (b *chainBuilder) setOutcome(objs []fyne.CanvasObject) {
	b.outcome.Objects = objs
	b.outcome.Refresh()
}
