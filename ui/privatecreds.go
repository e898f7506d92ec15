package ui

import (
	"context"
	"net/http"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/goauth"
)

// checkTimeout bounds a credential test against its host.
const checkTimeout = 20 * time.Second

// secretMask is how every stored secret is shown.
const secretMask = "********"

// credPanel lists the stored credentials with masked secrets and adds,
// replaces, removes and tests them.
type credPanel struct {
	p      *privateScreen
	tested map[string]string // the last test's outcome, by prefix

	rows    *fyne.Container
	prefix  *widget.Entry
	user    *widget.Entry
	secret  *widget.Entry
	save    *widget.Button
	outcome *fyne.Container
}

func newCredPanel(p *privateScreen) *credPanel {
	return &credPanel{p: p, tested: map[string]string{}}
}

// buildUI puts the list of credentials above the form that adds one.
func (cp *credPanel) buildUI() fyne.CanvasObject {
	cp.rows = container.NewVBox()
	cp.prefix = widget.NewEntry()
	cp.prefix.PlaceHolder = "git.corp.example.test/team"
	cp.user = widget.NewEntry()
	cp.secret = widget.NewPasswordEntry()
	cp.secret.OnSubmitted = func(string) {
		if !cp.save.Disabled() {
			cp.onSaveTapped()
		}
	}
	cp.save = widget.NewButtonWithIcon(lang.L("private.cred.save"), theme.DocumentSaveIcon(), cp.onSaveTapped)
	cp.save.Importance = widget.HighImportance
	cp.outcome = container.NewVBox()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("private.cred.prefix"), cp.prefix),
		widget.NewFormItem(lang.L("private.cred.user"), cp.user),
		widget.NewFormItem(lang.L("private.cred.secret"), cp.secret),
	)
	note := wrapped(lang.L("private.cred.note"), widget.LowImportance)
	add := widget.NewCard(lang.L("private.cred.add"), "", container.NewVBox(form, container.NewHBox(cp.save), cp.outcome, note))
	return container.NewVScroll(container.NewVBox(cp.rows, add))
}

// show lists the credentials of the index.
func (cp *credPanel) show() {
	es := cp.p.data.entries
	if len(es) == 0 {
		cp.rows.Objects = []fyne.CanvasObject{wrapped(lang.L("private.cred.empty"), widget.LowImportance)}
	} else {
		cp.rows.Objects = nil
		for _, e := range es {
			cp.rows.Add(cp.credRow(e))
		}
	}
	cp.rows.Refresh()
}

// credRow shows one credential, its secret masked, with its actions.
func (cp *credPanel) credRow(e cred.Entry) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(e.Prefix, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := e.User + " · " + secretMask
	if e.Origin != "" {
		info += " · " + e.Origin
	}
	details := container.NewVBox(name, widget.NewLabel(info))
	if t := cp.tested[e.Prefix]; t != "" {
		details.Add(wrapped(t, widget.MediumImportance))
	}
	prefix, user := e.Prefix, e.User
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("private.cred.replace"), theme.DocumentCreateIcon(), func() { cp.onReplaceTapped(prefix, user) }),
		widget.NewButtonWithIcon(lang.L("private.cred.test"), theme.MediaPlayIcon(), func() { cp.onTestTapped(prefix) }),
		widget.NewButtonWithIcon(lang.L("private.cred.remove"), theme.DeleteIcon(), func() { cp.onRemoveTapped(prefix) }),
	)
	return container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(buttons), details), widget.NewSeparator())
}

// setKeyringOK enables saving only while the keyring answers.
func (cp *credPanel) setKeyringOK(ok bool) { enable(cp.save, ok) }

// onSaveTapped stores the form's credential in the keyring, off the UI
// goroutine; a missing or locked keyring shows the error panel.
func (cp *credPanel) onSaveTapped() {
	store := cp.p.store
	if store == nil {
		return
	}
	prefix, user, secret := cp.prefix.Text, cp.user.Text, cred.Secret(cp.secret.Text)
	cp.save.Disable()
	cp.p.run(func() func() {
		e, err := store.Set(prefix, user, secret, "")
		return func() { cp.onSaved(e, err) }
	})
}

// onSaved shows the outcome of a store and, on success, clears the form.
func (cp *credPanel) onSaved(e cred.Entry, err error) {
	enable(cp.save, cp.p.keyringErr == nil)
	if err != nil {
		cp.setOutcome(uiLang.Error(err), widget.DangerImportance)
		cp.p.reportKeyring(err)
		return
	}
	cp.prefix.SetText("")
	cp.user.SetText("")
	cp.secret.SetText("")
	cp.setOutcome(lang.L("private.cred.stored", map[string]any{"Prefix": e.Prefix}), widget.SuccessImportance)
	cp.p.load()
}

// setOutcome shows one bold line under the form.
func (cp *credPanel) setOutcome(text string, imp widget.Importance) {
	l := wrapped(text, imp)
	l.TextStyle.Bold = true
	cp.outcome.Objects = []fyne.CanvasObject{l}
	cp.outcome.Refresh()
}

// onReplaceTapped fills the form with the credential so a new secret can
// be typed.
func (cp *credPanel) onReplaceTapped(prefix, user string) {
	cp.prefix.SetText(prefix)
	cp.user.SetText(user)
	cp.secret.SetText("")
	cp.setOutcome(lang.L("private.cred.replacing", map[string]any{"Prefix": prefix}), widget.MediumImportance)
	if c := cp.p.win.Canvas(); c != nil {
		c.Focus(cp.secret)
	}
}

// onRemoveTapped asks, then removes the credential.
func (cp *credPanel) onRemoveTapped(prefix string) {
	msg := lang.L("private.cred.confirmremove", map[string]any{"Prefix": prefix})
	d := dialog.NewConfirm(lang.L("private.cred.remove"), msg, func(ok bool) {
		if ok {
			cp.remove(prefix)
		}
	}, cp.p.win)
	showDialog(cp.p.win, d, nil, nil) // removing: Enter does not confirm
}

// remove deletes the credential off the UI goroutine.
func (cp *credPanel) remove(prefix string) {
	store := cp.p.store
	cp.p.run(func() func() {
		err := store.Delete(prefix)
		return func() {
			if err != nil {
				cp.p.reportError(err)
			}
			delete(cp.tested, prefix)
			cp.p.load()
		}
	})
}

// onTestTapped asks for a URL under the prefix and tests the credential.
func (cp *credPanel) onTestTapped(prefix string) {
	url := widget.NewEntry()
	url.SetText("https://" + prefix + "/")
	items := []*widget.FormItem{widget.NewFormItem(lang.L("private.cred.url"), url)}
	d := dialog.NewForm(lang.L("private.cred.test"), lang.L("private.cred.test"), lang.L("private.cancel"), items, func(ok bool) {
		if ok {
			cp.test(prefix, url.Text)
		}
	}, cp.p.win)
	d.Resize(fyne.NewSize(520, 0))
	showDialog(cp.p.win, d, d.Submit, nil)
}

// test sends one request with the credential, off the UI goroutine.
func (cp *credPanel) test(prefix, url string) {
	store := cp.p.store
	cp.tested[prefix] = lang.L("private.cred.testing")
	cp.show()
	cp.p.run(func() func() {
		text := checkCredential(store, prefix, url)
		return func() {
			cp.tested[prefix] = text
			cp.show()
		}
	})
}

// checkCredential tests the credential for prefix against url and says
// what the host answered.
func checkCredential(store *cred.Store, prefix, url string) string {
	c, err := store.Get(prefix)
	if err != nil {
		return uiLang.Error(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
	defer cancel()
	code, err := goauth.Check(ctx, &http.Client{Timeout: checkTimeout}, url, c)
	if err != nil {
		return uiLang.Error(err)
	}
	key := "private.cred.unclear"
	switch code {
	case http.StatusOK, http.StatusNotFound, http.StatusGone:
		key = "private.cred.accepted"
	case http.StatusUnauthorized, http.StatusForbidden:
		key = "private.cred.refused"
	}
	return lang.L(key, map[string]any{"Code": code, "URL": url})
}
