package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

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
		r := svc.Resolve()
		return func() { o.onApplied(r, res, err) }
	})
}

// applyOnboardChoice writes choice against a fresh resolution. It runs
// off the UI goroutine.
func applyOnboardChoice(svc *service.Service, st profile.Store, c onboardChoice, sug *mirrors.Suggestion) (*service.WriteResult, error) {
	svc = svc.WithSource(history.SourceAssistant)
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

// onApplied shows the outcome; after a success it shows the values now in
// effect (r is resolved after the write), starts the proof, and the button
// closes the assistant.
func (o *onboardWizard) onApplied(r *resolve.Resolution, res *service.WriteResult, err error) {
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		o.next.Enable()
		o.outcome.Objects = outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems)
	case err != nil:
		o.next.Enable()
		showError(o.win, err)
		return
	default:
		o.outcome.Objects = append(o.appliedText(res), o.inEffect(r))
		o.next.SetText(lang.L("firstrun.finish"))
		o.next.OnTapped = o.finish
		o.next.Enable()
		o.back.Disable()
		o.choice.Disable()
		o.written()
		o.startProof(r)
	}
	o.outcome.Refresh()
	o.scroll.ScrollToBottom()
}

// appliedText says what was written, with any warnings.
func (o *onboardWizard) appliedText(res *service.WriteResult) []fyne.CanvasObject {
	if res == nil {
		return []fyne.CanvasObject{wrapped(lang.L("firstrun.applied.same"), widget.SuccessImportance)}
	}
	return outcome(lang.L("firstrun.applied", map[string]any{"File": res.File}), widget.SuccessImportance, res.Warnings)
}

// inEffect lists GOPROXY and GOSUMDB as the go command now sees them.
func (o *onboardWizard) inEffect(r *resolve.Resolution) fyne.CanvasObject {
	form := container.New(layout.NewFormLayout())
	for _, k := range previewKeys {
		form.Objects = append(form.Objects, formKey(k), formValue(orNotSet(r.Value(k))))
	}
	return container.NewVBox(widget.NewLabel(lang.L("firstrun.ineffect")), form)
}

// startProof downloads one module through the new settings in the
// background: the proof that they work.
func (o *onboardWizard) startProof(r *resolve.Resolution) {
	mod := o.probeOptions().Module
	if mod == "" {
		mod = probe.DefaultModule // the module the probes asked for
	}
	running := wrapped(lang.L("firstrun.proof.running", map[string]any{"Module": mod}), widget.MediumImportance)
	spinner := widget.NewProgressBarInfinite()
	o.proof = container.NewVBox(running, spinner)
	o.outcome.Add(o.proof)
	ctx, cancel := context.WithCancel(context.Background())
	o.proofCancel = cancel
	prove, env := o.prove, o.svc.Env()
	o.run(func() func() {
		p, err := prove(ctx, r, env, mod)
		return func() { o.onProved(p, err) }
	})
}

// onProved shows the proof: the version downloaded and verified, or the
// failure explained.
func (o *onboardWizard) onProved(p *troubleshoot.Proof, err error) {
	o.proofCancel = nil
	var objs []fyne.CanvasObject
	switch {
	case err != nil:
		objs = []fyne.CanvasObject{wrapped(lang.L("firstrun.proof.error", map[string]any{"Error": errorText(err)}), widget.DangerImportance)}
	case p.OK():
		args := map[string]any{"Module": p.Module, "Version": p.Version, "Seconds": formatSeconds(p.Report.Duration), "Proxy": p.GOPROXY, "SumDB": orNotSet(p.GOSUMDB)}
		objs = []fyne.CanvasObject{wrapped(lang.L("firstrun.proof.ok", args), widget.SuccessImportance)}
	default:
		objs = o.proofFailure(p)
	}
	o.proof.Objects = objs
	o.proof.Refresh()
	o.scroll.ScrollToBottom()
}

// proofFailure explains a failed proof: the command, its findings and the
// last lines of its output.
func (o *onboardWizard) proofFailure(p *troubleshoot.Proof) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{wrapped(lang.L("firstrun.proof.failed", map[string]any{"Module": p.Module, "Code": p.Report.ExitCode}), widget.DangerImportance)}
	for _, f := range p.Report.Findings {
		msg, fix := problemText(f.Problem)
		objs = append(objs, wrapped(strings.TrimSpace(msg+" "+fix), widget.MediumImportance))
	}
	if tail := lastLines(p.Report.Output, 6); tail != "" {
		out := widget.NewLabel(tail)
		out.TextStyle.Monospace, out.Wrapping = true, fyne.TextWrapBreak
		objs = append(objs, out)
	}
	return objs
}

// formatSeconds is a duration in seconds with one decimal.
func formatSeconds(s float64) string { return fmt.Sprintf("%.1f", s) }

// lastLines returns the last n non-empty lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
