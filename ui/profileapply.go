package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// joinComma joins s with commas.
func joinComma(s []string) string { return strings.Join(s, ", ") }

// onApplyTapped computes what applying the selected profile would change,
// off the UI goroutine, and shows the diff preview.
func (p *profilesScreen) onApplyTapped() {
	q, ok := p.current()
	if !ok {
		return
	}
	p.apply.Disable()
	p.setOutcome([]fyne.CanvasObject{wrapped(lang.L("profiles.checking"), widget.MediumImportance)})
	check := p.checkChain
	p.run(func() func() {
		r := p.svc.Resolve()
		pl := profile.NewPlan(r, q)
		var reach mirrors.ChainReach
		if pl.Err() == nil && !pl.Empty() {
			reach = check(context.Background(), r, profile.Effective(r, q, "GOPROXY"))
		}
		return func() {
			p.apply.Enable()
			p.setOutcome(nil)
			p.showPreview(r, pl, reach)
		}
	})
}

// showPreview shows a refusal inline, or a plan that changes nothing as
// done, or asks for confirmation with the diff; when every proxy the
// profile leaves in GOPROXY failed the check, the preview says so first
// and its button reads "Apply anyway".
func (p *profilesScreen) showPreview(r *resolve.Resolution, pl profile.Plan, reach mirrors.ChainReach) {
	if err := pl.Err(); err != nil {
		p.onApplied(pl.Profile, nil, err)
		return
	}
	if pl.Empty() {
		p.applyPlan(r, pl)
		return
	}
	title := lang.L("profiles.preview.title", map[string]any{"Name": presetName(pl.Profile)})
	content, confirm := previewContent(pl), lang.L("profiles.apply")
	if reach.Reach == mirrors.ReachFailed {
		warn := wrapped(lang.L("profiles.preview.failed", map[string]any{"URL": reach.Proxy, "Error": probeErrorText(reach.Err)}), widget.DangerImportance)
		content, confirm = container.NewVBox(warn, content), lang.L("profiles.applyanyway")
	}
	p.failed = reach.Reach == mirrors.ReachFailed
	p.preview = dialog.NewCustomConfirm(title, confirm, lang.L("profiles.cancel"),
		content, func(ok bool) { p.onPreviewClosed(r, pl, ok) }, p.win)
	p.preview.SetConfirmImportance(widget.HighImportance)
	p.preview.Resize(fyne.NewSize(640, 0))
	enter := p.preview.Confirm
	if p.failed {
		enter = nil // "Apply anyway" takes a click
	}
	showDialog(p.win, p.preview, enter, nil)
}

// onPreviewClosed applies the plan if the user confirmed it.
func (p *profilesScreen) onPreviewClosed(r *resolve.Resolution, pl profile.Plan, ok bool) {
	p.preview = nil
	if ok {
		p.applyPlan(r, pl)
	}
}

// previewContent lists each change as key, old → new, with the warnings.
func previewContent(pl profile.Plan) fyne.CanvasObject {
	form := container.New(layout.NewFormLayout())
	for _, ch := range pl.Changes {
		key := widget.NewLabelWithStyle(ch.Key, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		diff := widget.NewLabel(changeDiffText(ch))
		diff.Wrapping = fyne.TextWrapWord
		var row fyne.CanvasObject = diff
		if ch.Shadowed {
			row = container.NewBorder(nil, nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), diff)
		}
		form.Objects = append(form.Objects, key, row)
	}
	objs := []fyne.CanvasObject{widget.NewLabel(lang.L("profiles.preview.intro")), form}
	objs = append(objs, problemRows(pl.Warnings())...)
	return container.NewVBox(objs...) // at most one row per key: no scroller
}

// changeDiffText is "old → new" for one change of a plan.
func changeDiffText(ch profile.Change) string {
	old, next := lang.L("profiles.notset"), lang.L("profiles.choice.unset")
	if ch.OldSet {
		old = ch.Old
	}
	if ch.Action == profile.Set {
		next = ch.New
	}
	return old + " → " + next
}

// applyPlan writes pl over base in the background and marks the profile
// active.
func (p *profilesScreen) applyPlan(base *resolve.Resolution, pl profile.Plan) {
	p.apply.Disable()
	st, svc := p.store, p.svc
	p.run(func() func() {
		res, err := svc.WithSource(history.ProfileSource(pl.Profile)).ApplyProfile(st, base, pl)
		return func() { p.onApplied(pl.Profile, res, err) }
	})
}

// applyByName applies the profile called name without a preview (from the
// tray, a suggestion or an automatic switch), and notifies the user.
//
// There is no preview to warn in, so the proxies it leaves in GOPROXY are
// probed first; when every one fails, it is still applied (the switch was
// asked for) and the notification and the outcome say so.
func (p *profilesScreen) applyByName(name string) {
	st, svc, check := p.store, p.svc, p.checkChain
	p.run(func() func() {
		q, err := st.Lookup(name)
		var res *service.WriteResult
		var reach mirrors.ChainReach
		if err == nil {
			r := svc.Resolve()
			pl := profile.NewPlan(r, q)
			if pl.Err() == nil && !pl.Empty() {
				reach = check(context.Background(), r, profile.Effective(r, q, "GOPROXY"))
			}
			res, err = svc.WithSource(history.ProfileSource(name)).ApplyProfile(st, r, pl)
		}
		return func() {
			p.onApplied(name, res, err)
			failed := err == nil && reach.Reach == mirrors.ReachFailed
			if failed {
				warn := wrapped(lang.L("profiles.preview.failed", map[string]any{"URL": reach.Proxy, "Error": probeErrorText(reach.Err)}), widget.WarningImportance)
				p.setOutcome(append(p.outcome.Objects, warn))
			}
			p.notify(name, err, failed)
		}
	})
}

// onApplied shows the outcome of applying the profile called name: a
// refusal inline with its problems, another error in a dialog, or success
// with the shadowed keys and the hint to restart running programs.
func (p *profilesScreen) onApplied(name string, res *service.WriteResult, err error) {
	p.setButtons()
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		p.setOutcome(outcome(lang.L("profiles.refused", map[string]any{"Name": presetName(name)}), widget.DangerImportance, refused.Problems))
		return
	case err != nil:
		p.setOutcome(nil)
		showError(p.win, err)
		return
	case res == nil:
		p.setOutcome(outcome(lang.L("profiles.matches", map[string]any{"Name": presetName(name)}), widget.SuccessImportance, nil))
	default:
		msg := lang.L("profiles.applied", map[string]any{"Name": presetName(name), "File": res.File})
		objs := outcome(msg, widget.SuccessImportance, res.Warnings)
		hint := widget.NewLabel(lang.L("profiles.restarthint"))
		hint.Wrapping = fyne.TextWrapWord
		p.setOutcome(append(objs, hint))
	}
	p.written()
}

// notify tells the user, outside the window, that a profile was applied
// or could not be.
func (p *profilesScreen) notify(name string, err error, proxyFailed bool) {
	msg := lang.L("profiles.notify.applied", map[string]any{"Name": presetName(name)})
	switch {
	case err != nil:
		msg = lang.L("profiles.notify.failed", map[string]any{"Name": presetName(name)})
	case proxyFailed:
		msg = lang.L("profiles.notify.proxyfailed", map[string]any{"Name": presetName(name)})
	}
	p.app.SendNotification(fyne.NewNotification("Go Mirror", msg))
}
