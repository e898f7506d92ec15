package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

// prefOnboarded remembers that the first-run assistant was finished,
// skipped, or not needed.
const prefOnboarded = "onboarded"

// The first-run assistant's steps.
const (
	stepGo = iota
	stepNetwork
	stepMirrors
	onboardSteps
)

// onboardTimeout bounds each request of the first-run probes: a mirror that
// needs longer is no good for a newcomer anyway.
const onboardTimeout = 3 * time.Second

// onboardWizard is the first-run assistant: the Go installation, whether
// the toolchain's default proxy is reachable, and a short measurement of
// the mirrors that ends in applying a profile or the suggested chain.
type onboardWizard struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func() // reloads every screen after a write
	done    func() // remembers that the assistant is done
	// post applies a probe update on the UI goroutine: fyne.Do in the
	// app; tests queue updates and apply them on the test goroutine.
	post func(func())
	// opts adjusts the probe options (tests point them at a fake module).
	opts func(probe.Options) probe.Options
	// measurable says which catalogue mirrors step 3 measures (tests keep
	// to loopback).
	measurable func(mirrors.Mirror) bool
	rounds     int           // measurement rounds of step 3
	interval   time.Duration // between them

	store  profile.Store
	res    *resolve.Resolution
	cat    []mirrors.Mirror
	step   int
	cancel context.CancelFunc // stops the running probe; nil when none runs
	runs   latest             // numbers the probe runs, so a stale result is ignored
	check  defaultCheck       // step 2's outcome
	sums   []probe.Summary    // step 3's measurements
	sug    *mirrors.Suggestion
	opts3  []onboardChoice // step 3's options, in the radio group's order
	picked string          // the key of the option the user picked, if any
	profs  map[string]profile.Profile
	// prove runs the closing download (tests may replace it).
	prove       func(ctx context.Context, r *resolve.Resolution, env []string, module string) (*troubleshoot.Proof, error)
	proofCancel context.CancelFunc // stops the running proof; nil when none runs

	dlg      *dialog.CustomDialog
	heading  *widget.Label
	body     *fyne.Container
	status   *widget.Label
	progress *widget.ProgressBar
	spinner  *widget.ProgressBarInfinite
	stop     *widget.Button
	choice   *widget.RadioGroup
	result   *fyne.Container
	preview  *fyne.Container // what the chosen option writes
	outcome  *fyne.Container // what applying it wrote, and the proof
	proof    *fyne.Container // the proof's progress, then its result
	scroll   *container.Scroll
	back     *widget.Button
	next     *widget.Button
	skip     *widget.Button
}

// newOnboardWizard makes the assistant; done is called once it is finished
// or skipped, written after it wrote the env file.
func newOnboardWizard(svc *service.Service, win fyne.Window, run runner, written, done func()) *onboardWizard {
	dir, _ := svc.ConfigDir() // "" when there is none: only the presets
	return &onboardWizard{svc: svc, win: win, run: run, written: written, done: done, post: fyne.Do,
		opts: func(o probe.Options) probe.Options { return o }, measurable: func(mirrors.Mirror) bool { return true },
		rounds: 3, interval: time.Second, store: profile.Store{Dir: dir}, prove: troubleshoot.Prove}
}

// needsOnboarding reports whether the first-run assistant should open: it
// has not been done, GOPROXY is set neither in the env file nor in the OS
// environment, and no profile is active.
func needsOnboarding(prefs fyne.Preferences, r *resolve.Resolution, active string) bool {
	return !prefs.Bool(prefOnboarded) && active == "" && !proxyConfigured(r)
}

// proxyConfigured reports whether the user set GOPROXY, in the env file or
// the OS environment.
func proxyConfigured(r *resolve.Resolution) bool {
	s, _ := r.Get("GOPROXY")
	for _, l := range s.Chain {
		if l.Set && (l.Source == core.SourceEnvFile || l.Source == core.SourceProcessEnv) {
			return true
		}
	}
	return false
}

// open shows the assistant and loads the settings and the catalogue.
func (o *onboardWizard) open() {
	o.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.heading.SizeName = theme.SizeNameSubHeadingText
	o.body = container.NewVBox(widget.NewLabel(lang.L("overview.loading")))
	o.back = widget.NewButtonWithIcon(lang.L("firstrun.back"), theme.NavigateBackIcon(), o.onBackTapped)
	o.next = widget.NewButtonWithIcon(lang.L("firstrun.next"), theme.NavigateNextIcon(), o.onNextTapped)
	o.next.Importance = widget.HighImportance
	o.skip = widget.NewButton(lang.L("firstrun.skip"), o.onSkipTapped)
	o.back.Disable()
	o.next.Disable()
	buttons := container.NewHBox(o.skip, layout.NewSpacer(), o.back, o.next)
	o.scroll = container.NewVScroll(o.body)
	content := container.NewBorder(container.NewVBox(o.heading, widget.NewSeparator()), buttons, nil, nil, o.scroll)
	o.dlg = dialog.NewCustomWithoutButtons(lang.L("firstrun.title"), content, o.win)
	o.dlg.Resize(fyne.NewSize(660, 480))
	showDialog(o.win, o.dlg, pressIfEnabled(o.next), o.onSkipTapped)
	o.load()
}

// load resolves the settings and reads the catalogue off the UI goroutine,
// then shows the current step again.
func (o *onboardWizard) load() {
	o.run(func() func() {
		r, cat, err := mirrors.Load(o.svc)
		return func() {
			if err != nil {
				showError(o.win, err)
			}
			o.res, o.cat = r, cat
			o.showStep(o.step)
		}
	})
}

// showStep shows step n and starts its background check.
func (o *onboardWizard) showStep(n int) {
	o.stopProbe()
	o.step = n
	o.heading.SetText(lang.L("firstrun.step", map[string]any{"N": n + 1, "Of": onboardSteps}) + "  " + stepTitle(n))
	enable(o.back, n > stepGo)
	o.next.Enable()
	o.next.SetText(lang.L("firstrun.next"))
	o.next.SetIcon(theme.NavigateNextIcon())
	switch n {
	case stepGo:
		o.setBody(o.goStep()...)
	case stepNetwork:
		o.setBody(o.networkStep()...)
		o.checkDefault()
	case stepMirrors:
		o.next.SetText(lang.L("firstrun.apply"))
		o.next.SetIcon(theme.ConfirmIcon())
		o.setBody(o.mirrorsStep()...)
		o.measure()
	}
}

// stepTitle is the translated title of step n.
func stepTitle(n int) string {
	return lang.L([]string{"firstrun.go.title", "firstrun.network.title", "firstrun.mirrors.title"}[n])
}

func (o *onboardWizard) setBody(objs ...fyne.CanvasObject) {
	o.body.Objects = objs
	o.body.Refresh()
}

// goStep shows the Go installation's version and GOROOT, or how to
// install Go with a button to look again.
func (o *onboardWizard) goStep() []fyne.CanvasObject {
	g := o.res.Goroot
	recheck := widget.NewButtonWithIcon(lang.L("firstrun.recheck"), theme.ViewRefreshIcon(), o.onRecheckTapped)
	if !g.Installed() {
		return []fyne.CanvasObject{onboarding(o.res.GOOS), container.NewHBox(recheck)}
	}
	version := g.Version
	if version == "" {
		version = lang.L("install.unknownversion")
	}
	form := container.New(layout.NewFormLayout(),
		formKey(lang.L("install.go")), formValue(version), formKey("GOROOT"), formValue(g.Path))
	found := wrapped(lang.L("firstrun.go.found"), widget.SuccessImportance)
	return []fyne.CanvasObject{found, form, wrapped(lang.L("firstrun.go.next"), widget.MediumImportance)}
}

// onRecheckTapped looks for the Go installation again.
func (o *onboardWizard) onRecheckTapped() { o.load() }

// onNextTapped moves to the next step, or applies the choice on the last.
func (o *onboardWizard) onNextTapped() {
	if o.step == stepMirrors {
		o.onApplyTapped()
		return
	}
	o.showStep(o.step + 1)
}

// onBackTapped returns to the previous step.
func (o *onboardWizard) onBackTapped() {
	if o.step > stepGo {
		o.showStep(o.step - 1)
	}
}

// onSkipTapped closes the assistant for good; it can be opened again from
// the Help menu.
func (o *onboardWizard) onSkipTapped() { o.finish() }

// finish stops any probe, closes the dialog and remembers it was done.
func (o *onboardWizard) finish() {
	o.stopProbe()
	if o.proofCancel != nil {
		o.proofCancel()
		o.proofCancel = nil
	}
	o.dlg.Hide()
	o.done()
}

// begin starts a cancellable probe run and shows its progress controls.
func (o *onboardWizard) begin() (context.Context, int) {
	o.stopProbe()
	ctx, cancel := context.WithCancel(context.Background())
	o.cancel = cancel
	run := o.runs.next()
	o.stop.Enable()
	o.stop.Show()
	return ctx, run
}

// stopProbe cancels the running probe, if any.
func (o *onboardWizard) stopProbe() {
	if o.cancel != nil {
		o.cancel()
		o.cancel = nil
	}
}

// ended reports whether run is the current probe run and marks it over.
func (o *onboardWizard) ended(run int) bool {
	if !o.runs.current(run) {
		return false
	}
	o.cancel = nil
	o.stop.Disable()
	o.stop.Hide() // nothing left to cancel
	return true
}

// probeOptions are the options of the first-run probes: the resolved
// checksum database, a short timeout, and fresh connections.
func (o *onboardWizard) probeOptions() probe.Options {
	opts := mirrors.ProbeOptions(o.res)
	opts.Timeout = onboardTimeout
	return o.opts(opts)
}

// onStopTapped cancels the running check or measurement.
func (o *onboardWizard) onStopTapped() { o.stopProbe() }

// newStopButton is the Cancel button of a running probe.
func (o *onboardWizard) newStopButton() *widget.Button {
	o.stop = widget.NewButtonWithIcon(lang.L("firstrun.cancel"), theme.CancelIcon(), o.onStopTapped)
	o.stop.Disable()
	o.stop.Hide() // until a probe runs
	return o.stop
}
