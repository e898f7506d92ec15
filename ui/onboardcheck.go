package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/service"
)

// defaultCheck is the outcome of step 2: whether the toolchain's default
// proxy answered.
type defaultCheck struct {
	done      bool
	reachable bool
}

// networkStep shows the check of the toolchain's default proxy.
func (o *onboardWizard) networkStep() []fyne.CanvasObject {
	o.status = wrapped(lang.L("firstrun.network.checking"), widget.MediumImportance)
	o.spinner = widget.NewProgressBarInfinite()
	o.result = container.NewVBox()
	return []fyne.CanvasObject{o.status, container.NewBorder(nil, nil, nil, o.newStopButton(), o.spinner), o.result}
}

// checkDefault probes the toolchain's default proxy, named by
// $GOROOT/go.env's GOPROXY, once in the background.
func (o *onboardWizard) checkDefault() {
	d, ok := mirrors.ToolchainDefault(o.res)
	if !ok {
		o.spinner.Hide()
		o.check = defaultCheck{done: true}
		o.status.SetText(lang.L("firstrun.network.nodefault"))
		o.showChinaHint()
		return
	}
	ctx, run := o.begin()
	engine := probe.New(o.probeOptions())
	go func() {
		samples := engine.Probe(ctx, []probe.Target{d.Target()})
		o.post(func() { o.onDefaultChecked(run, d, samples) })
	}()
}

// onDefaultChecked shows whether the default proxy answered; if it did
// not, it suggests the Mainland China profile.
func (o *onboardWizard) onDefaultChecked(run int, d mirrors.Mirror, samples []probe.Sample) {
	if !o.ended(run) || o.step != stepNetwork {
		return
	}
	o.spinner.Stop()
	o.spinner.Hide()
	if len(samples) == 0 {
		o.status.SetText(lang.L("firstrun.cancelled"))
		return
	}
	s := samples[0]
	o.check = defaultCheck{done: true, reachable: s.OK}
	if s.OK {
		o.status.SetText(lang.L("firstrun.network.ok", map[string]any{"URL": d.URL, "Ms": s.Latency.Milliseconds()}))
		o.status.Importance = widget.SuccessImportance
		o.status.Refresh()
		return
	}
	o.status.SetText(lang.L("firstrun.network.failed", map[string]any{"URL": d.URL, "Error": probeErrorText(s.Err)}))
	o.status.Importance = widget.WarningImportance
	o.status.Refresh()
	o.showChinaHint()
}

// probeErrorText is a failed probe's message.
func probeErrorText(err *probe.Error) string {
	if err == nil {
		return ""
	}
	return err.Message
}

// showChinaHint suggests the Mainland China profile in step 2.
func (o *onboardWizard) showChinaHint() {
	hint := wrapped(lang.L("firstrun.network.china", map[string]any{"Name": profile.PresetChina}), widget.MediumImportance)
	o.result.Objects = []fyne.CanvasObject{hint}
	o.result.Refresh()
}

// mirrorsStep shows the measurement's progress, its results and the
// choice to apply.
func (o *onboardWizard) mirrorsStep() []fyne.CanvasObject {
	o.status = wrapped(lang.L("firstrun.mirrors.measuring"), widget.MediumImportance)
	o.progress = widget.NewProgressBar()
	o.result = container.NewVBox()
	o.choice = widget.NewRadioGroup(nil, o.onChoiceChanged)
	o.choice.Required = true
	o.setChoices()
	bar := container.NewBorder(nil, nil, nil, o.newStopButton(), o.progress)
	return []fyne.CanvasObject{o.status, bar, o.result, heading(lang.L("firstrun.mirrors.choose")), o.choice}
}

// measure probes the catalogue's mirrors for a few rounds in the
// background, showing progress, and then suggests a chain.
func (o *onboardWizard) measure() {
	var ts []probe.Target
	for _, m := range o.cat {
		if o.measurable(m) {
			ts = append(ts, m.Target())
		}
	}
	ctx, run := o.begin()
	o.sums, o.sug = nil, nil
	total := len(ts) * o.rounds
	samples := probe.New(o.probeOptions()).Run(ctx, ts, probe.Schedule{Count: o.rounds, Interval: o.interval})
	go o.consume(samples, total, run)
}

// consume runs on its own goroutine: it counts the samples for the
// progress bar and posts the summaries when the run ends.
func (o *onboardWizard) consume(samples <-chan probe.Sample, total, run int) {
	tr := probe.NewTracker(0, 0, 0)
	n := 0
	for s := range samples {
		tr.Add(s)
		n++
		done := float64(n) / float64(max(total, 1))
		o.post(func() { o.onMeasureProgress(run, done) })
	}
	sums := tr.Summaries()
	o.post(func() { o.onMeasured(run, sums, n < total) })
}

// onMeasureProgress moves the progress bar.
func (o *onboardWizard) onMeasureProgress(run int, done float64) {
	if o.runs.current(run) && o.step == stepMirrors {
		o.progress.SetValue(done)
	}
}

// onMeasured shows the fastest mirrors and offers the suggested chain.
func (o *onboardWizard) onMeasured(run int, sums []probe.Summary, cut bool) {
	if !o.ended(run) || o.step != stepMirrors {
		return
	}
	o.progress.SetValue(1)
	o.sums = sums
	sug, err := mirrors.Suggest(o.res, o.cat, sums, mirrors.SuggestOptions{})
	switch {
	case cut:
		o.status.SetText(lang.L("firstrun.cancelled"))
	case err != nil:
		o.status.SetText(lang.L("firstrun.mirrors.none"))
	default:
		o.status.SetText(lang.L("firstrun.mirrors.done"))
	}
	if err == nil {
		o.sug = &sug
	}
	o.result.Objects = o.fastest(3)
	o.result.Refresh()
	o.setChoices()
}

// fastest lists up to n healthy mirrors with their median latency.
func (o *onboardWizard) fastest(n int) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, s := range o.sums {
		if !s.Healthy() || len(objs) == n {
			continue
		}
		name := s.URL
		if m, ok := mirrors.Find(o.cat, s.URL); ok {
			name = mirrorName(m)
		}
		objs = append(objs, widget.NewLabel(fmt.Sprintf("%s  %d ms", name, s.P50.Milliseconds())))
	}
	return objs
}

// setChoices fills the radio group: the suggested chain when there is one,
// then the Mainland China and toolchain-default profiles and the user's
// own; it keeps the selection, or picks the one the checks recommend.
func (o *onboardWizard) setChoices() {
	o.opts3 = nil
	if o.sug != nil {
		label := lang.L("firstrun.choice.suggested", map[string]any{"Chain": o.sug.Chain.String()})
		o.opts3 = append(o.opts3, onboardChoice{label: label, suggested: true})
	}
	for _, name := range o.profileNames() {
		o.opts3 = append(o.opts3, onboardChoice{label: lang.L("firstrun.choice.profile", map[string]any{"Name": name}), profile: name})
	}
	var labels []string
	for _, c := range o.opts3 {
		labels = append(labels, c.label)
	}
	o.choice.Options = labels
	o.choice.Selected = o.recommended()
	o.choice.Refresh()
	enable(o.next, o.chosen() != nil)
}

// profileNames are the profiles offered: the two presets that need no
// editing, then the user's stored profiles.
func (o *onboardWizard) profileNames() []string {
	names := []string{profile.PresetChina, profile.PresetDefault}
	if o.store.Dir == "" {
		return names
	}
	all, _, _ := o.store.All()
	for _, p := range all {
		if !p.Preset && p.Name != profile.PresetChina && p.Name != profile.PresetDefault {
			names = append(names, p.Name)
		}
	}
	return names
}

// recommended is the label to select: the current selection if still
// offered; else the Mainland China profile when the default proxy is
// unreachable, the suggested chain when there is one, or nothing.
func (o *onboardWizard) recommended() string {
	for _, c := range o.opts3 {
		if c.label == o.choice.Selected && !c.suggested {
			return c.label
		}
	}
	for _, c := range o.opts3 {
		if (c.profile == profile.PresetChina && o.check.done && !o.check.reachable) || (c.suggested && o.check.reachable) {
			return c.label
		}
	}
	if len(o.opts3) > 0 && o.opts3[0].suggested {
		return o.opts3[0].label
	}
	return ""
}

// onChoiceChanged enables Apply once something is chosen.
func (o *onboardWizard) onChoiceChanged(string) { enable(o.next, o.chosen() != nil) }

// chosen returns the selected option, or nil.
func (o *onboardWizard) chosen() *onboardChoice {
	for i, c := range o.opts3 {
		if c.label == o.choice.Selected {
			return &o.opts3[i]
		}
	}
	return nil
}

// onApplyTapped writes the chosen profile or the suggested chain in the
// background and shows the outcome.
func (o *onboardWizard) onApplyTapped() {
	c := o.chosen()
	if c == nil {
		return
	}
	o.stopProbe()
	o.next.Disable()
	choice, sug, st, svc := *c, o.sug, o.store, o.svc
	o.run(func() func() {
		res, err := applyOnboardChoice(svc, st, choice, sug)
		return func() { o.onApplied(res, err) }
	})
}

// applyOnboardChoice writes choice against a fresh resolution. It runs
// off the UI goroutine.
func applyOnboardChoice(svc *service.Service, st profile.Store, c onboardChoice, sug *mirrors.Suggestion) (*service.WriteResult, error) {
	r := svc.Resolve()
	if c.suggested {
		return svc.Set(r, sug.Assignments(r))
	}
	p, ok := profile.Preset(c.profile)
	if st.Dir != "" {
		var err error
		if p, err = st.Lookup(c.profile); err != nil {
			return nil, err
		}
	} else if !ok {
		return nil, profile.ErrNotFound
	}
	return svc.ApplyProfile(st, r, profile.NewPlan(r, p))
}

// onApplied shows the outcome; after a success, the button closes the
// assistant.
func (o *onboardWizard) onApplied(res *service.WriteResult, err error) {
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		o.next.Enable()
		o.result.Objects = outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems)
	case err != nil:
		o.next.Enable()
		showError(o.win, err)
		return
	default:
		o.result.Objects = o.appliedText(res)
		o.next.SetText(lang.L("firstrun.finish"))
		o.next.OnTapped = o.finish
		o.next.Enable()
		o.back.Disable()
		o.written()
	}
	o.result.Refresh()
}

// appliedText says what was written, with any warnings.
func (o *onboardWizard) appliedText(res *service.WriteResult) []fyne.CanvasObject {
	if res == nil {
		return []fyne.CanvasObject{wrapped(lang.L("firstrun.applied.same"), widget.SuccessImportance)}
	}
	return outcome(lang.L("firstrun.applied", map[string]any{"File": res.File}), widget.SuccessImportance, res.Warnings)
}
