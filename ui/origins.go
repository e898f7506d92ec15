package ui

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/inspect"
	"github.com/gomirror/gomirror/core/service"
)

// originsPanel is the part of the detail panel that says where the
// selected variable is set outside Go, in a new terminal and in apps
// started from the desktop: the rc-file line or OS variable, with buttons
// to open the file's folder and to fix the line.
type originsPanel struct {
	d *detailPanel // its service, window, runner and outcome area

	box     *fyne.Container // heading and rows; hidden without a report
	rows    *fyne.Container
	report  *inspect.Report
	actions []*originActions // one per origin on show

	plan    *fix.Plan        // previewed, applied on confirmation
	diff    *widget.RichText // the preview's diff
	preview dialog.Dialog
	// userVar is the removal of a Windows user variable, previewed and
	// applied on confirmation.
	userVar *fix.UserVarPlan
}

// originActions are the buttons of one origin.
type originActions struct {
	origin           origin.Origin
	open             *widget.Button
	comment, replace *widget.Button
	removeUserVar    *widget.Button // a Windows user variable
}

func newOriginsPanel(d *detailPanel) *originsPanel {
	p := &originsPanel{d: d, rows: container.NewVBox()}
	p.box = container.NewVBox(heading(lang.L("origins.title")), p.rows)
	p.box.Hide()
	return p
}

// show lists the origins of the variable name found by r; nil r (not yet
// inspected) hides the section.
func (p *originsPanel) show(r *inspect.Report, name string) {
	p.report, p.actions = r, nil
	if r == nil {
		p.box.Hide()
		return
	}
	var objs []fyne.CanvasObject
	for _, o := range r.OriginsOf(name) {
		objs = append(objs, p.originRow(o))
	}
	if len(objs) == 0 {
		objs = []fyne.CanvasObject{wrapped(lang.L("origins.none", map[string]any{"Var": name}), widget.MediumImportance)}
	}
	p.rows.Objects = objs
	p.box.Show()
	p.box.Refresh()
}

// originRow shows one origin: context and status, place and line text,
// the note, and the actions that apply.
func (p *originsPanel) originRow(o origin.Origin) fyne.CanvasObject {
	a := &originActions{origin: o}
	p.actions = append(p.actions, a)
	head := widget.NewLabelWithStyle(contextLabel(o.Context)+": "+originValue(o), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	status := wrapped(statusText(o.Status), statusImportance(o.Status))
	status.SizeName = theme.SizeNameCaptionText
	objs := []fyne.CanvasObject{head, status}
	if o.File != "" {
		where := widget.NewLabelWithStyle(o.Location(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		where.Truncation = fyne.TextTruncateEllipsis
		var right fyne.CanvasObject
		if o.Scope == "" {
			a.open = widget.NewButtonWithIcon(lang.L("origins.open"), theme.FolderOpenIcon(), func() { p.onOpenFolderTapped(o.File) })
			right = a.open
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, right, where))
	}
	if o.Text != "" {
		text := widget.NewLabelWithStyle(o.Text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		text.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, text)
	}
	if o.Note != "" {
		objs = append(objs, wrapped(snippetOf(o.NoteCode, o.NoteArgs, o.Note), widget.LowImportance))
	}
	if btns := p.fixButtons(a); btns != nil {
		objs = append(objs, btns)
	}
	return container.NewVBox(objs...)
}

// fixButtons offers to comment out a terminal origin's line, or to write
// the env file's value there; nil when neither applies.
func (p *originsPanel) fixButtons(a *originActions) fyne.CanvasObject {
	o := a.origin
	if o.Context == origin.Desktop && o.Scope == origin.ScopeUser && o.Set {
		a.removeUserVar = widget.NewButtonWithIcon(lang.L("origins.removeuservar"), theme.ContentRemoveIcon(), func() { p.onRemoveUserVarTapped(o) })
		return container.NewHBox(a.removeUserVar)
	}
	if o.Context != origin.Terminal || o.File == "" || o.Line == 0 || o.Unset || o.Status == origin.StatusNotFound {
		return nil
	}
	a.comment = widget.NewButtonWithIcon(lang.L("origins.commentout"), theme.ContentRemoveIcon(), func() { p.onCommentOutTapped(o) })
	objs := []fyne.CanvasObject{a.comment}
	if v := p.envFileValue(o.Var); v != "" && v != o.Value {
		a.replace = widget.NewButtonWithIcon(lang.L("origins.replace"), theme.DocumentCreateIcon(), func() { p.onReplaceTapped(o) })
		objs = append(objs, a.replace)
	}
	return container.NewHBox(objs...)
}

// envFileValue is name's value in the user env file, or "".
func (p *originsPanel) envFileValue(name string) string {
	if p.report == nil || p.report.Desktop.Resolution == nil {
		return ""
	}
	s, _ := p.report.Desktop.Resolution.Get(name)
	return fileValue(s)
}

func originValue(o origin.Origin) string {
	if !o.Set {
		return lang.L("value.notset")
	}
	return layerValueText(core.Layer{Set: true, Value: o.Value})
}

// statusText explains an origin's status.
func statusText(s origin.Status) string {
	switch s {
	case origin.StatusConfirmed:
		return lang.L("origins.status.confirmed")
	case origin.StatusDiffers:
		return lang.L("origins.status.differs")
	case origin.StatusComputed:
		return lang.L("origins.status.computed")
	}
	return lang.L("origins.status.notfound")
}

func statusImportance(s origin.Status) widget.Importance {
	if s == origin.StatusDiffers {
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// onOpenFolderTapped opens the folder of file in the file manager.
func (p *originsPanel) onOpenFolderTapped(file string) {
	u, err := url.Parse(storage.NewFileURI(filepath.Dir(file)).String())
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		showError(p.d.win, fmt.Errorf("%s: %w", lang.L("origins.open.failed"), err))
	}
}

// onCommentOutTapped plans commenting out o's line and previews it.
func (p *originsPanel) onCommentOutTapped(o origin.Origin) {
	r := p.report
	p.planFix(func() (*fix.Plan, error) { return p.d.svc.PlanCommentOut(r, o.File, o.Line) })
}

// onReplaceTapped plans writing the env file's value into o's line and
// previews it.
func (p *originsPanel) onReplaceTapped(o origin.Origin) {
	r := p.report
	p.planFix(func() (*fix.Plan, error) { return p.d.svc.PlanReplace(r, o.File, o.Line, "") })
}

// planFix runs mk (which reads the file) off the UI goroutine and
// previews the plan.
func (p *originsPanel) planFix(mk func() (*fix.Plan, error)) {
	p.d.run(func() func() {
		plan, err := mk()
		return func() { p.onPlanned(plan, err) }
	})
}

// onPlanned shows a plan's diff for confirmation, or why there is none.
func (p *originsPanel) onPlanned(plan *fix.Plan, err error) {
	if err != nil {
		p.d.onFixDone(nil, err)
		return
	}
	p.plan = plan
	p.diff = diffText(plan.Diff)
	intro := "fix.preview.intro"
	if plan.Appends() {
		intro = "fix.preview.append"
	}
	objs := []fyne.CanvasObject{wrapped(lang.L(intro, map[string]any{"File": plan.File, "Line": plan.Line}), widget.MediumImportance)}
	if plan.Warning != "" {
		objs = append(objs, wrapped(textOf(plan.WarningCode, plan.WarningArgs, plan.Warning), widget.WarningImportance))
	}
	scroll := container.NewScroll(p.diff)
	scroll.SetMinSize(fyne.NewSize(620, 200))
	content := newBorder(container.NewVBox(objs...), nil, nil, nil, scroll)
	d := dialog.NewCustomConfirm(lang.L("fix.preview.title"), lang.L("fix.apply"), lang.L("fix.cancel"), content, p.onPreviewClosed, p.d.win)
	p.preview = d
	showDialog(p.d.win, d, d.Confirm, nil)
}

// diffText renders a unified diff in monospace, removed lines in the
// error colour and added ones in the success colour.
func diffText(diff string) *widget.RichText {
	var segs []widget.RichTextSegment
	for _, line := range strings.Split(strings.TrimSuffix(diff, "\n"), "\n") {
		style := widget.RichTextStyleCodeBlock
		switch {
		case strings.HasPrefix(line, "+") && !strings.HasPrefix(line, "+++"):
			style.ColorName = theme.ColorNameSuccess
		case strings.HasPrefix(line, "-") && !strings.HasPrefix(line, "---"):
			style.ColorName = theme.ColorNameError
		}
		segs = append(segs, &widget.TextSegment{Text: line, Style: style})
	}
	return widget.NewRichText(segs...)
}

// onPreviewClosed applies the previewed plan in the background if the
// user confirmed it.
func (p *originsPanel) onPreviewClosed(ok bool) {
	plan := p.plan
	p.plan = nil
	if !ok || plan == nil {
		return
	}
	p.d.setBusy(true)
	p.d.run(func() func() {
		res, err := p.d.svc.ApplyFix(plan)
		return func() { p.d.onFixDone(res, err) }
	})
}

// onFixDone shows the outcome of an rc-file fix under the editor, like a
// write's, and reloads after a change.
func (d *detailPanel) onFixDone(res *fix.Result, err error) {
	d.setBusy(false)
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		d.setOutcome(outcome(lang.L("fix.refused"), widget.DangerImportance, refused.Problems))
	case err != nil:
		showError(d.win, err)
	default:
		key := "fix.done"
		if res.Backup == "" {
			key = "fix.done.new"
		}
		msg := lang.L(key, map[string]any{"File": res.Entry.File, "Backup": res.Backup})
		d.setOutcome(outcome(msg, widget.SuccessImportance, nil))
		d.written()
	}
}

// onRemoveUserVarTapped plans removing o's Windows user environment
// variable and previews what is removed.
func (p *originsPanel) onRemoveUserVarTapped(o origin.Origin) {
	p.d.run(func() func() {
		plan, err := p.d.svc.PlanRemoveUserVar(o.Var)
		return func() { p.onUserVarPlanned(plan, err) }
	})
}

// onUserVarPlanned shows the registry value to remove for confirmation,
// with the note that running programs keep their copy, or why there is
// nothing to remove.
func (p *originsPanel) onUserVarPlanned(plan *fix.UserVarPlan, err error) {
	if err != nil {
		p.d.onUserVarRemoved(nil, err)
		return
	}
	p.userVar = plan
	args := map[string]any{"Var": plan.Var, "Type": plan.Type, "Key": plan.Key}
	p.diff = diffText(plan.Preview)
	content := container.NewVBox(
		wrapped(lang.L("uservar.preview.intro", args), widget.MediumImportance),
		container.NewHScroll(p.diff),
		wrapped(lang.L("uservar.running", args), widget.WarningImportance))
	d := dialog.NewCustomConfirm(lang.L("uservar.preview.title"), lang.L("uservar.apply"), lang.L("fix.cancel"), content, p.onUserVarPreviewClosed, p.d.win)
	d.Resize(fyne.NewSize(640, 0))
	p.preview = d
	showDialog(p.d.win, d, d.Confirm, nil)
}

// onUserVarPreviewClosed removes the previewed variable in the background
// if the user confirmed it.
func (p *originsPanel) onUserVarPreviewClosed(ok bool) {
	plan := p.userVar
	p.userVar = nil
	if !ok || plan == nil {
		return
	}
	p.d.setBusy(true)
	p.d.run(func() func() {
		res, err := p.d.svc.RemoveUserVar(plan)
		return func() { p.d.onUserVarRemoved(res, err) }
	})
}

// onUserVarRemoved shows the outcome of removing a Windows user variable
// under the editor, and reloads after a change.
func (d *detailPanel) onUserVarRemoved(res *service.WriteResult, err error) {
	d.setBusy(false)
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		d.setOutcome(outcome(lang.L("uservar.refused"), widget.DangerImportance, refused.Problems))
	case err != nil:
		showError(d.win, err)
	default:
		c := res.Entry.Registry
		msg := lang.L("uservar.done", map[string]any{"Var": c.Name, "Key": c.Key})
		d.setOutcome(outcome(msg, widget.SuccessImportance, nil))
		d.written()
	}
}
