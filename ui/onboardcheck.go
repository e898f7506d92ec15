package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
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
	return probeDetail(err)
}

// showChinaHint suggests the Mainland China profile in step 2.
func (o *onboardWizard) showChinaHint() {
	hint := wrapped(lang.L("firstrun.network.china", map[string]any{"Name": presetName(profile.PresetChina)}), widget.MediumImportance)
	o.result.Objects = []fyne.CanvasObject{hint}
	o.result.Refresh()
}
