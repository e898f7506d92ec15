package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
)

// The key of the suggested chain among step 3's options.
const choiceSuggested = "suggested"

// onboardChoice is one option of step 3: a profile, or the suggested chain,
// with what the measurement says of the GOPROXY it would leave in effect.
type onboardChoice struct {
	key       string // choiceSuggested, or "profile:" and the name
	label     string
	profile   string
	suggested bool
	goproxy   string             // the GOPROXY in effect once applied
	reach     mirrors.ChainReach // the zero value until measured
}

// mirrorsStep shows the measurement's progress, the choices marked with
// what the measurement found, what the chosen one will write, and the
// outcome of applying it.
func (o *onboardWizard) mirrorsStep() []fyne.CanvasObject {
	o.status = wrapped(lang.L("firstrun.mirrors.measuring"), widget.MediumImportance)
	o.progress = widget.NewProgressBar()
	o.result = container.NewVBox()
	o.preview = container.NewVBox()
	o.outcome = container.NewVBox()
	o.choice = widget.NewRadioGroup(nil, o.onChoiceChanged)
	o.choice.Required = true
	o.picked = ""
	o.setChoices()
	bar := container.NewBorder(nil, nil, nil, o.newStopButton(), o.progress)
	return []fyne.CanvasObject{o.status, bar, o.result, heading(lang.L("firstrun.mirrors.choose")), o.choice, o.preview, o.outcome}
}

// measure probes the catalogue's mirrors and the proxies of every profile
// offered for a few rounds in the background, showing progress, and then
// marks each option and suggests a chain.
func (o *onboardWizard) measure() {
	ts := o.targets()
	ctx, run := o.begin()
	o.sums, o.sug = nil, nil
	total := len(ts) * o.rounds
	samples := probe.New(o.probeOptions()).Run(ctx, ts, probe.Schedule{Count: o.rounds, Interval: o.interval})
	go o.consume(samples, total, run)
}

// targets are the mirrors step 3 measures: the catalogue's and the proxies
// of the options, each once.
func (o *onboardWizard) targets() []probe.Target {
	var ts []probe.Target
	add := func(m mirrors.Mirror) {
		if o.measurable(m) && !slices.ContainsFunc(ts, func(t probe.Target) bool { return mirrors.SameURL(t.URL, m.URL) }) {
			ts = append(ts, m.Target())
		}
	}
	for _, m := range o.cat {
		add(m)
	}
	for _, c := range o.opts3 {
		for _, u := range mirrors.ChainURLs(c.goproxy) {
			add(mirrors.Mirror{URL: u})
		}
	}
	return ts
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

// onMeasured shows the fastest mirrors, marks every option and preselects
// the best one that works.
func (o *onboardWizard) onMeasured(run int, sums []probe.Summary, cut bool) {
	if !o.ended(run) || o.step != stepMirrors {
		return
	}
	o.progress.SetValue(1)
	o.sums = sums
	if o.sums == nil {
		o.sums = []probe.Summary{} // measured, if nothing answered
	}
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
// own, each marked with what the measurement found. It keeps the user's
// own pick, or preselects the best option that works: never one that
// failed, nor one not measured.
func (o *onboardWizard) setChoices() {
	o.opts3 = nil
	if o.sug != nil {
		o.opts3 = append(o.opts3, onboardChoice{key: choiceSuggested, suggested: true, goproxy: o.sug.Chain.String()})
	}
	o.profs = o.loadProfiles()
	for _, name := range o.profileNames() {
		c := onboardChoice{key: "profile:" + name, profile: name}
		if o.res != nil {
			c.goproxy = profile.Effective(o.res, o.profs[name], "GOPROXY")
		}
		o.opts3 = append(o.opts3, c)
	}
	var labels []string
	for i := range o.opts3 {
		c := &o.opts3[i]
		if o.sums != nil {
			c.reach = mirrors.JudgeChain(c.goproxy, o.sums)
		}
		c.label = o.choiceLabel(*c)
		labels = append(labels, c.label)
	}
	o.choice.Options = labels
	o.choice.Selected = o.recommended()
	o.choice.Refresh()
	enable(o.next, o.chosen() != nil)
	o.showPreview()
}

// choiceLabel names an option and says what the measurement found.
func (o *onboardWizard) choiceLabel(c onboardChoice) string {
	name := lang.L("firstrun.choice.profile", map[string]any{"Name": presetName(c.profile)})
	if c.suggested {
		name = lang.L("firstrun.choice.suggested", map[string]any{"Chain": c.goproxy})
	}
	var mark string
	switch {
	case o.sums == nil:
		mark = lang.L("firstrun.reach.pending")
	case c.reach.Reach == mirrors.ReachOK:
		mark = lang.L("firstrun.reach.ok", map[string]any{"Ms": c.reach.Latency.Milliseconds()})
	case c.reach.Reach == mirrors.ReachFailed:
		mark = lang.L("firstrun.reach.failed", map[string]any{"Error": reachError(c.reach)})
	default:
		mark = lang.L("firstrun.reach.unknown")
	}
	return name + " — " + mark
}

// reachError names why a choice failed, short enough for its radio
// label: the failure's class.
func reachError(r mirrors.ChainReach) string {
	if r.Err == nil {
		return ""
	}
	return className(r.Err.Class)
}

// loadProfiles returns the presets and the user's profiles by name.
func (o *onboardWizard) loadProfiles() map[string]profile.Profile {
	m := map[string]profile.Profile{}
	for _, p := range profile.Presets() {
		m[p.Name] = p
	}
	if o.store.Dir != "" {
		all, _, _ := o.store.All()
		for _, p := range all {
			m[p.Name] = p
		}
	}
	return m
}

// profileNames are the profiles offered: the two presets that need no
// editing, then the user's stored profiles.
func (o *onboardWizard) profileNames() []string {
	names := []string{profile.PresetChina, profile.PresetDefault}
	var own []string
	for name, p := range o.profs {
		if !p.Preset && name != profile.PresetChina && name != profile.PresetDefault {
			own = append(own, name)
		}
	}
	slices.Sort(own)
	return append(names, own...)
}

// recommended is the label to select: the user's own pick while it is
// offered, else the best option that works, else nothing.
func (o *onboardWizard) recommended() string {
	if c := o.option(o.picked); c != nil {
		return c.label
	}
	if c := o.best(); c != nil {
		return c.label
	}
	return ""
}

// best returns the option to preselect: among those whose proxies answered,
// the Mainland China profile when the default proxy is unreachable, else
// the suggested chain, else the toolchain default, else the fastest other;
// nil when none answered.
func (o *onboardWizard) best() *onboardChoice {
	var best *onboardChoice
	for i := range o.opts3 {
		c := &o.opts3[i]
		if c.reach.Reach != mirrors.ReachOK {
			continue
		}
		if best == nil || o.rank(*c) < o.rank(*best) || o.rank(*c) == o.rank(*best) && c.reach.Latency < best.reach.Latency {
			best = c
		}
	}
	return best
}

// rank orders the working options for best.
func (o *onboardWizard) rank(c onboardChoice) int {
	switch {
	case c.profile == profile.PresetChina && o.check.done && !o.check.reachable:
		return 0
	case c.suggested:
		return 1
	case c.profile == profile.PresetDefault:
		return 2
	}
	return 3
}

// option returns the option with key, or nil.
func (o *onboardWizard) option(key string) *onboardChoice {
	for i := range o.opts3 {
		if key != "" && o.opts3[i].key == key {
			return &o.opts3[i]
		}
	}
	return nil
}

// onChoiceChanged remembers the user's pick, shows what it will write and
// enables Apply.
func (o *onboardWizard) onChoiceChanged(string) {
	if c := o.chosen(); c != nil {
		o.picked = c.key
	}
	enable(o.next, o.chosen() != nil)
	o.showPreview()
}

// chosen returns the selected option, or nil.
func (o *onboardWizard) chosen() *onboardChoice {
	for i, c := range o.opts3 {
		if c.label == o.choice.Selected {
			return &o.opts3[i]
		}
	}
	return nil
}

// previewKeys are the settings the assistant shows before and after.
var previewKeys = []string{"GOPROXY", "GOSUMDB"}

// showPreview shows exactly what applying the chosen option changes: each
// of GOPROXY and GOSUMDB now and after, the file, and a warning when its
// proxies failed the measurement.
func (o *onboardWizard) showPreview() {
	c := o.chosen()
	if c == nil || o.res == nil {
		o.preview.Objects = nil
		o.preview.Refresh()
		return
	}
	form := container.New(layout.NewFormLayout())
	for _, k := range previewKeys {
		now, after := o.res.Value(k), o.after(*c, k)
		text := lang.L("firstrun.preview.change", map[string]any{"Now": orNotSet(now), "After": orNotSet(after)})
		if now == after {
			text = lang.L("firstrun.preview.same", map[string]any{"Now": orNotSet(now)})
		}
		form.Objects = append(form.Objects, formKey(k), formValue(text))
	}
	objs := []fyne.CanvasObject{wrapped(lang.L("firstrun.preview", map[string]any{"File": o.res.EnvFile.AbsPath}), widget.MediumImportance), form}
	if c.reach.Reach == mirrors.ReachFailed {
		objs = append(objs, wrapped(lang.L("firstrun.preview.failed"), widget.DangerImportance))
	}
	o.preview.Objects = objs
	o.preview.Refresh()
}

// after is the value of key in effect once c is applied.
func (o *onboardWizard) after(c onboardChoice, key string) string {
	if !c.suggested {
		return profile.Effective(o.res, o.profs[c.profile], key)
	}
	if v := o.res.OSEnv(key); v != "" {
		return v // shadows the env file
	}
	for _, a := range o.sug.Assignments(o.res) {
		if a.Key == key {
			return a.Value
		}
	}
	return o.res.Value(key)
}

// orNotSet is v, or "not set" when it is empty.
func orNotSet(v string) string {
	if v == "" {
		return lang.L("profiles.notset")
	}
	return v
}
