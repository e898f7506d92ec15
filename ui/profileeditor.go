package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
)

// editorActions are the choices of the editor's selects, in order.
var editorActions = []profile.Action{profile.Leave, profile.Set, profile.Unset}

// actionKeys are the translation keys of the actions.
var actionKeys = map[profile.Action]string{
	profile.Leave: "profiles.choice.leave",
	profile.Set:   "profiles.choice.set",
	profile.Unset: "profiles.action.unset",
}

// profileEditor edits one stored profile in a dialog: its description and,
// per key, leave / set to a value / unset, validated as the user types.
type profileEditor struct {
	screen *profilesScreen
	orig   profile.Profile

	desc    *widget.Entry
	actions map[string]*widget.Select
	values  map[string]*widget.Entry
	checks  map[string]*fyne.Container
	save    *widget.Button
	dlg     *dialog.CustomDialog

	problems []core.Problem // of the profile as edited
}

// onEditTapped opens the editor for the selected profile.
func (p *profilesScreen) onEditTapped() {
	q, ok := p.current()
	if !ok || q.Preset {
		return
	}
	e := newProfileEditor(p, q)
	showDialog(p.win, e.dlg, pressIfEnabled(e.save), nil)
}

// newProfileEditor makes the editor dialog for q; Show opens it.
func newProfileEditor(p *profilesScreen, q profile.Profile) *profileEditor {
	e := &profileEditor{screen: p, orig: q, actions: map[string]*widget.Select{},
		values: map[string]*widget.Entry{}, checks: map[string]*fyne.Container{}}
	title := lang.L("profiles.edit.title", map[string]any{"Name": q.Name})
	e.dlg = dialog.NewCustomWithoutButtons(title, e.buildUI(), p.win)
	cancel := widget.NewButtonWithIcon(lang.L("profiles.cancel"), theme.CancelIcon(), e.dlg.Hide)
	e.dlg.SetButtons([]fyne.CanvasObject{cancel, e.save})
	e.dlg.Resize(fyne.NewSize(760, 600))
	e.onChanged()
	return e
}

// buildUI lays out the description and one row per key.
func (e *profileEditor) buildUI() fyne.CanvasObject {
	e.desc = widget.NewEntry()
	e.desc.SetText(e.orig.Description)
	e.desc.PlaceHolder = lang.L("profiles.edit.description")
	form := container.New(layout.NewFormLayout())
	for _, k := range profile.Keys {
		form.Objects = append(form.Objects, widget.NewLabelWithStyle(k, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), e.keyRow(k))
	}
	e.save = widget.NewButtonWithIcon(lang.L("edit.save"), theme.DocumentSaveIcon(), e.onSaveTapped)
	e.save.Importance = widget.HighImportance
	return container.NewVScroll(container.NewVBox(e.desc, form))
}

// keyRow is the select, the value entry and the validation of key.
func (e *profileEditor) keyRow(k string) fyne.CanvasObject {
	opts := make([]string, len(editorActions))
	for i, a := range editorActions {
		opts[i] = lang.L(actionKeys[a])
	}
	sel := widget.NewSelect(opts, func(string) { e.onChanged() })
	val := widget.NewEntry()
	val.OnChanged = func(string) { e.onChanged() }
	c := e.orig.Get(k)
	val.SetText(c.Value)
	for i, a := range editorActions {
		if a == c.Action {
			sel.SetSelectedIndex(i)
		}
	}
	e.actions[k], e.values[k], e.checks[k] = sel, val, container.NewVBox()
	return container.NewBorder(nil, e.checks[k], sel, nil, val)
}

// edited returns the profile as the widgets describe it.
func (e *profileEditor) edited() profile.Profile {
	q := e.orig.Clone(e.orig.Name)
	q.Description = e.desc.Text
	for _, k := range profile.Keys {
		switch editorActions[max(0, e.actions[k].SelectedIndex())] {
		case profile.Set:
			q.SetValue(k, e.values[k].Text)
		case profile.Unset:
			q.UnsetKey(k)
		default:
			q.LeaveKey(k)
		}
	}
	return q
}

// onChanged validates the profile as edited, showing each key's problems
// under it; Save stays disabled while there is an error.
func (e *profileEditor) onChanged() {
	if e.save == nil { // still building
		return
	}
	e.problems = profile.Check(e.screen.res, e.edited())
	for _, k := range profile.Keys {
		enable(e.values[k], e.actions[k].SelectedIndex() == 1)
		e.checks[k].Objects = problemRows(problemsFor(e.problems, k))
		e.checks[k].Refresh()
	}
	enable(e.save, len(core.Errors(e.problems)) == 0)
}

// onSaveTapped stores the edited profile and closes the dialog.
func (e *profileEditor) onSaveTapped() {
	q, st := e.edited(), e.screen.store
	e.dlg.Hide()
	e.screen.editStore(q.Name, func() error { return st.Put(q) })
}
