package ui

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/profile"
)

// askName asks for a profile name in a form dialog whose OK button stays
// disabled while profile.CheckName refuses the text.
func (p *profilesScreen) askName(title, initial string, onName func(string)) {
	entry := newDialogEntry(p.win)
	entry.SetText(initial)
	entry.Validator = checkProfileName
	items := []*widget.FormItem{widget.NewFormItem(lang.L("profiles.name"), entry)}
	d := dialog.NewForm(title, lang.L("profiles.ok"), lang.L("profiles.cancel"), items, func(ok bool) {
		if ok {
			onName(entry.Text)
		}
	}, p.win)
	d.Resize(d.MinSize().AddWidthHeight(200, 0))
	entry.OnSubmitted = func(string) { d.Submit() }
	showDialog(p.win, d, d.Submit, nil)
	p.win.Canvas().Focus(entry)
}

// checkProfileName is profile.CheckName with the reason in the user's
// language.
func checkProfileName(name string) error {
	var ne *profile.NameError
	if err := profile.CheckName(name); !errors.As(err, &ne) {
		return err
	}
	message, _ := problemText(ne.Problem())
	return errors.New(message)
}

// onSaveCurrentTapped asks for a name for the current settings.
func (p *profilesScreen) onSaveCurrentTapped() {
	p.askName(lang.L("profiles.savecurrent"), "", p.onSaveCurrentConfirmed)
}

// onSaveCurrentConfirmed stores the current settings as the profile name.
func (p *profilesScreen) onSaveCurrentConfirmed(name string) {
	st, svc := p.store, p.svc
	p.editStore(name, func() error { return st.Create(profile.FromResolution(name, svc.Resolve())) })
}

// onRenameTapped asks for the selected profile's new name.
func (p *profilesScreen) onRenameTapped() {
	if q, ok := p.current(); ok {
		p.askName(lang.L("profiles.rename"), q.Name, p.onRenameConfirmed)
	}
}

// onRenameConfirmed renames the selected profile.
func (p *profilesScreen) onRenameConfirmed(name string) {
	old, st := p.selected, p.store
	p.editStore(name, func() error { return st.Rename(old, name) })
}

// onDuplicateTapped asks for the name of the selected profile's copy.
func (p *profilesScreen) onDuplicateTapped() {
	if q, ok := p.current(); ok {
		p.askName(lang.L("profiles.duplicate"), lang.L("profiles.copyname", map[string]any{"Name": q.Name}), p.onDuplicateConfirmed)
	}
}

// onDuplicateConfirmed stores a copy of the selected profile as name.
func (p *profilesScreen) onDuplicateConfirmed(name string) {
	src, st := p.selected, p.store
	p.editStore(name, func() error { _, err := st.Duplicate(src, name); return err })
}

// onDeleteTapped asks before deleting the selected profile.
func (p *profilesScreen) onDeleteTapped() {
	q, ok := p.current()
	if !ok {
		return
	}
	msg := lang.L("profiles.delete.confirm", map[string]any{"Name": q.Name})
	d := dialog.NewConfirm(lang.L("profiles.delete"), msg, func(ok bool) {
		if ok {
			p.onDeleteConfirmed()
		}
	}, p.win)
	d.SetConfirmImportance(widget.DangerImportance)
	showDialog(p.win, d, nil, nil) // deleting: Enter does not confirm
}

// onDeleteConfirmed deletes the selected profile.
func (p *profilesScreen) onDeleteConfirmed() {
	name, st := p.selected, p.store
	p.editStore("", func() error { return st.Delete(name) })
}

// editStore runs edit off the UI goroutine, then reloads the profiles and
// selects the profile called selectName.
func (p *profilesScreen) editStore(selectName string, edit func() error) {
	if p.dirErr != nil {
		showError(p.win, p.dirErr)
		return
	}
	p.run(func() func() {
		err := edit()
		return func() { p.onStoreEdited(selectName, err) }
	})
}

// onStoreEdited reports a failed edit, or reloads and selects selectName.
func (p *profilesScreen) onStoreEdited(selectName string, err error) {
	if err != nil {
		showError(p.win, err)
		return
	}
	p.selected = selectName
	p.load()
}
