package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/validate"
)

// detailPanel shows one setting: what it means, where its value comes from,
// what is wrong with it, and an editor for its line in the user env file.
type detailPanel struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func() // called on the UI goroutine after the env file changed

	res     *resolve.Resolution // on display, and the base of every write
	setting core.Setting

	title      *widget.Label
	effective  *widget.Label
	doc        *widget.Label
	chain      *fyne.Container
	rows       []*layerRow
	origins    *originsPanel // where it is set outside Go
	problems   *fyne.Container
	entry      *widget.Entry
	readOnly   *widget.Label
	validation *fyne.Container
	save       *widget.Button
	unset      *widget.Button
	undo       *widget.Button
	outcome    *fyne.Container

	checked []core.Problem // inline validation of the entry's text
	refusal []core.Problem // problems of the last refused write
}

func newDetailPanel(svc *service.Service, win fyne.Window, run runner, written func()) *detailPanel {
	d := &detailPanel{svc: svc, win: win, run: run, written: written}
	d.buildUI()
	return d
}

// buildUI creates the panel's widgets; show fills them.
func (d *detailPanel) buildUI() {
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.effective = widget.NewLabel("")
	d.effective.Wrapping = fyne.TextWrapWord
	d.doc = widget.NewLabel(lang.L("detail.none"))
	d.doc.Wrapping = fyne.TextWrapWord
	d.chain = container.NewVBox()
	d.origins = newOriginsPanel(d)
	d.problems = container.NewVBox()
	d.entry = widget.NewEntry()
	d.entry.PlaceHolder = lang.L("edit.placeholder")
	d.entry.OnChanged = d.onValueChanged
	d.entry.OnSubmitted = func(string) { d.onSaveTapped() }
	d.readOnly = widget.NewLabel(lang.L("edit.readonly"))
	d.readOnly.Wrapping, d.readOnly.Hidden = fyne.TextWrapWord, true
	d.validation = container.NewVBox()
	d.save = widget.NewButtonWithIcon(lang.L("edit.save"), theme.DocumentSaveIcon(), d.onSaveTapped)
	d.save.Importance = widget.HighImportance
	d.unset = widget.NewButtonWithIcon(lang.L("edit.unset"), theme.ContentRemoveIcon(), d.onUnsetTapped)
	d.undo = widget.NewButtonWithIcon(lang.L("edit.undo"), theme.ContentUndoIcon(), d.onUndoTapped)
	d.outcome = container.NewVBox()
	d.setEditable(false)
}

// content lays the panel out top to bottom in a vertical scroller.
func (d *detailPanel) content() fyne.CanvasObject {
	// The diagnosis and its fix first, then the evidence, then the
	// generic documentation: the answer is above the fold.
	body := container.NewVBox(
		d.title, d.effective,
		heading(lang.L("detail.problems")), d.problems, d.origins.box,
		heading(lang.L("detail.chain")), d.chain, d.doc,
		heading(lang.L("detail.edit")), d.entry, d.readOnly, d.validation,
		container.NewHBox(d.save, d.unset, d.undo), d.outcome,
	)
	return container.NewVScroll(container.NewPadded(body))
}

// show displays setting s of resolution r with its problems ps. A new
// resolution of the same setting keeps the outcome of the last write.
func (d *detailPanel) show(r *resolve.Resolution, s core.Setting, ps []core.Problem) {
	if s.Name != d.setting.Name {
		d.refusal = nil
		d.setOutcome(nil)
	}
	d.res, d.setting = r, s
	v, _ := core.LookupVar(s.Name)
	d.title.SetText(s.Name)
	d.effective.SetText(lang.L("detail.effective", map[string]any{
		"Value": layerValueText(core.Layer{Set: true, Value: s.Value}), "Source": sourceName(s.Source)}))
	d.doc.SetText(docText(v))
	var chain fyne.CanvasObject
	d.rows, chain = newChain(s)
	d.chain.Objects = []fyne.CanvasObject{chain}
	d.chain.Refresh()
	d.showProblems(ps)
	d.readOnly.Hidden = v.Writable
	d.readOnly.Refresh()
	d.setEditable(v.Writable)
	d.entry.SetText(fileValue(s))
	d.onValueChanged(d.entry.Text)
}

func (d *detailPanel) showProblems(ps []core.Problem) {
	objs := problemRows(ps)
	if len(objs) == 0 {
		none := widget.NewLabel(lang.L("detail.noproblems"))
		none.Importance = widget.SuccessImportance
		objs = []fyne.CanvasObject{none}
	}
	d.problems.Objects = objs
	d.problems.Refresh()
}

// fileValue is the value of s in the user env file, or "" if it has none.
func fileValue(s core.Setting) string {
	l, _ := fileLayer(s)
	return l.Value
}

func fileLayer(s core.Setting) (core.Layer, bool) {
	for _, l := range s.Chain {
		if l.Source == core.SourceEnvFile && l.Set {
			return l, true
		}
	}
	return core.Layer{}, false
}

// setEditable enables the editor for a writable setting that is on display.
func (d *detailPanel) setEditable(ok bool) {
	enable(d.entry, ok)
	enable(d.save, ok && len(core.Errors(d.checked)) == 0)
	_, inFile := fileLayer(d.setting)
	enable(d.unset, ok && inFile)
	enable(d.undo, d.res != nil)
}

// onValueChanged validates the entry's text as the user types.
func (d *detailPanel) onValueChanged(text string) {
	d.checked = nil
	if d.res != nil && !d.entry.Disabled() {
		d.checked = validate.Set(d.res, d.setting.Name, text)
	}
	d.validation.Objects = problemRows(d.checked)
	d.validation.Refresh()
	enable(d.save, !d.entry.Disabled() && len(core.Errors(d.checked)) == 0)
}

// onSaveTapped writes the entry's value with the displayed resolution as
// base, so a file that changed on disk since is refused.
func (d *detailPanel) onSaveTapped() {
	if d.save.Disabled() {
		return
	}
	as := []core.Assignment{{Key: d.setting.Name, Value: d.entry.Text}}
	d.write(func(base *resolve.Resolution) (*service.WriteResult, error) {
		return d.svc.WithSource(history.SourceOverview).Set(base, as)
	}, "write.saved")
}

// onUnsetTapped removes the setting's line from the user env file.
func (d *detailPanel) onUnsetTapped() {
	keys := []string{d.setting.Name}
	d.write(func(base *resolve.Resolution) (*service.WriteResult, error) {
		return d.svc.WithSource(history.SourceOverview).Unset(base, keys)
	}, "write.unset")
}

// onUndoTapped reverts the newest write Go Mirror made.
func (d *detailPanel) onUndoTapped() {
	d.write(func(*resolve.Resolution) (*service.WriteResult, error) { return d.svc.Undo() }, "write.undone")
}

// write runs op off the UI goroutine and shows its outcome under the editor;
// done is the translation key of the success message.
func (d *detailPanel) write(op func(*resolve.Resolution) (*service.WriteResult, error), done string) {
	base := d.res
	d.setBusy(true)
	d.run(func() func() {
		res, err := op(base)
		return func() { d.onWriteDone(res, err, done) }
	})
}

func (d *detailPanel) setBusy(busy bool) {
	for _, b := range []*widget.Button{d.save, d.unset, d.undo} {
		enable(b, !busy)
	}
	if !busy {
		d.setEditable(!d.entry.Disabled())
	}
}

// onWriteDone shows a write's outcome: refusals inline, with each problem's
// message and fix; other errors in a dialog; success with any warnings.
func (d *detailPanel) onWriteDone(res *service.WriteResult, err error, done string) {
	d.setBusy(false)
	d.refusal = nil
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		d.refusal = refused.Problems
		d.setOutcome(outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems))
	case err != nil:
		d.setOutcome(nil)
		showError(d.win, err)
	default:
		msg := lang.L(done, map[string]any{"File": res.File})
		d.setOutcome(outcome(msg, widget.SuccessImportance, res.Warnings))
		d.written()
	}
}

// setOutcome replaces what is shown under the editor.
func (d *detailPanel) setOutcome(objs []fyne.CanvasObject) {
	d.outcome.Objects = objs
	d.outcome.Refresh()
}
