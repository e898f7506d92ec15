package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/gitcred"
	"github.com/gomirror/gomirror/core/private/goauth"
	"github.com/gomirror/gomirror/core/private/netrc"
)

// helpersPanel sets up the GOAUTH and git helpers and migrates .netrc.
type helpersPanel struct {
	p *privateScreen

	goauthValue   *widget.Label
	goauthSource  *widget.Label
	goauthState   *widget.Label
	install       *widget.Button
	uninstall     *widget.Button
	goauthOutcome *fyne.Container

	gitCommands *widget.Label
	gitSetup    *widget.Button
	gitOutcome  *fyne.Container

	netrcFile    *widget.Label
	netrcRows    *fyne.Container
	netrcImport  *widget.Button
	netrcRemove  *widget.Button
	netrcUndo    *widget.Button
	netrcOutcome *fyne.Container
}

func newHelpersPanel(p *privateScreen) *helpersPanel { return &helpersPanel{p: p} }

// buildUI stacks the three setups as cards.
func (hp *helpersPanel) buildUI() fyne.CanvasObject {
	return container.NewVScroll(container.NewVBox(hp.goauthCard(), hp.gitCard(), hp.netrcCard()))
}

func (hp *helpersPanel) goauthCard() fyne.CanvasObject {
	hp.goauthValue = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	hp.goauthValue.Wrapping = fyne.TextWrapBreak
	hp.goauthState = wrapped("", widget.MediumImportance)
	hp.install = widget.NewButtonWithIcon(lang.L("private.goauth.install"), theme.ConfirmIcon(), hp.onInstallTapped)
	hp.install.Importance = widget.HighImportance
	hp.uninstall = widget.NewButtonWithIcon(lang.L("private.goauth.uninstall"), theme.ContentRemoveIcon(), hp.onUninstallTapped)
	hp.goauthOutcome = container.NewVBox()
	hp.goauthSource = widget.NewLabel("")
	hp.goauthSource.Importance = widget.LowImportance
	value := container.NewVBox(hp.goauthValue, hp.goauthSource)
	body := container.NewVBox(formRows2(lang.L("private.goauth.current"), value), hp.goauthState,
		container.NewHBox(hp.install, hp.uninstall), hp.goauthOutcome)
	return widget.NewCard(lang.L("private.goauth.title"), lang.L("private.goauth.doc"), body)
}

func (hp *helpersPanel) gitCard() fyne.CanvasObject {
	hp.gitCommands = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	hp.gitCommands.Wrapping = fyne.TextWrapBreak
	hp.gitSetup = widget.NewButtonWithIcon(lang.L("private.git.setup"), theme.ConfirmIcon(), hp.onGitSetupTapped)
	hp.gitOutcome = container.NewVBox()
	body := container.NewVBox(widget.NewLabel(lang.L("private.git.commands")), hp.gitCommands, container.NewHBox(hp.gitSetup), hp.gitOutcome)
	return widget.NewCard(lang.L("private.git.title"), lang.L("private.git.doc"), body)
}

func (hp *helpersPanel) netrcCard() fyne.CanvasObject {
	hp.netrcFile = widget.NewLabel("")
	hp.netrcFile.Wrapping = fyne.TextWrapBreak
	hp.netrcRows = container.NewVBox()
	hp.netrcImport = widget.NewButtonWithIcon(lang.L("private.netrc.import"), theme.DownloadIcon(), hp.onNetrcImportTapped)
	hp.netrcRemove = widget.NewButtonWithIcon(lang.L("private.netrc.remove"), theme.DeleteIcon(), hp.onNetrcRemoveTapped)
	hp.netrcUndo = widget.NewButtonWithIcon(lang.L("edit.undo"), theme.ContentUndoIcon(), hp.onNetrcUndoTapped)
	hp.netrcOutcome = container.NewVBox()
	body := container.NewVBox(hp.netrcFile, hp.netrcRows, container.NewHBox(hp.netrcImport, hp.netrcRemove, hp.netrcUndo), hp.netrcOutcome)
	return widget.NewCard(lang.L("private.netrc.title"), lang.L("private.netrc.doc"), body)
}

// formRows2 is a one-row form with a widget as its value.
func formRows2(key string, value fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewForm(widget.NewFormItem(key, value))
}

// show fills the three cards from the screen's data.
func (hp *helpersPanel) show() {
	d := hp.p.data
	s, _ := d.res.Get("GOAUTH")
	hp.goauthValue.SetText(s.Value)
	hp.goauthSource.SetText(sourceName(s.Source))
	installed := goauth.Uses(s.Value)
	hp.goauthState.SetText(lang.L(map[bool]string{true: "private.goauth.on", false: "private.goauth.off"}[installed]))
	enable(hp.uninstall, installed)
	hp.showGit()
	hp.showNetrc()
}

// showGit previews the git config commands the setup would run.
func (hp *helpersPanel) showGit() {
	cmds, err := hp.gitArgs()
	hp.gitCommands.TextStyle.Monospace = err == nil && len(cmds) > 0
	switch {
	case err != nil:
		hp.gitCommands.SetText(uiLang.Error(err))
	case len(cmds) == 0:
		hp.gitCommands.SetText(lang.L("private.git.nocreds"))
	default:
		hp.gitCommands.SetText(gitCommandText(cmds))
	}
	enable(hp.gitSetup, err == nil && len(cmds) > 0)
}

// gitArgs returns the git commands for the stored credentials.
func (hp *helpersPanel) gitArgs() ([][]string, error) {
	var ps []cred.Prefix
	for _, e := range hp.p.data.entries {
		if pr, err := cred.ParsePrefix(e.Prefix); err == nil {
			ps = append(ps, pr)
		}
	}
	if len(ps) == 0 {
		return nil, nil
	}
	exe, err := hp.p.helper()
	if err != nil {
		return nil, err
	}
	return gitcred.SetupArgs(exe, ps), nil
}

// gitCommandText shows commands as they would be typed in a shell.
func gitCommandText(cmds [][]string) string {
	lines := make([]string, len(cmds))
	for i, c := range cmds {
		lines[i] = gitcred.CommandLine(c)
	}
	return strings.Join(lines, "\n")
}

// showNetrc lists the .netrc entries, their passwords masked, and whether
// each is in the keyring already.
func (hp *helpersPanel) showNetrc() {
	d := hp.p.data
	hp.netrcFile.SetText(lang.L("private.netrc.file", map[string]any{"File": d.netrc}))
	hp.netrcRows.Objects = nil
	stored := map[string]string{}
	for _, e := range d.entries {
		stored[e.Prefix] = e.User
	}
	for _, e := range d.machine {
		state := lang.L("private.netrc.plain")
		if stored[e.Machine] == e.Login {
			state = lang.L("private.netrc.inkeyring")
		}
		hp.netrcRows.Add(widget.NewLabel(fmt.Sprintf("%s · %s · %s · %s", e.Machine, e.Login, secretMask, state)))
	}
	if len(d.machine) == 0 {
		hp.netrcRows.Add(wrapped(lang.L("private.netrc.none"), widget.LowImportance))
	}
	hp.netrcRows.Refresh()
	hp.setKeyringOK(hp.p.keyringErr == nil)
	enable(hp.netrcRemove, len(d.machine) > 0)
}

// setKeyringOK enables the .netrc import only while the keyring answers.
func (hp *helpersPanel) setKeyringOK(ok bool) {
	enable(hp.netrcImport, ok && len(hp.p.data.machine) > 0)
}

// onInstallTapped sets GOAUTH so that the go command runs the helper first.
func (hp *helpersPanel) onInstallTapped() {
	exe, err := hp.p.helper()
	if err != nil {
		hp.setOutcome(hp.goauthOutcome, uiLang.Error(err), widget.DangerImportance)
		return
	}
	plan, err := goauth.Install(hp.p.res.Value("GOAUTH"), exe)
	if err != nil {
		hp.setOutcome(hp.goauthOutcome, uiLang.Error(err), widget.DangerImportance)
		return
	}
	hp.writeGOAUTH(plan)
}

// onUninstallTapped removes the helper from GOAUTH.
func (hp *helpersPanel) onUninstallTapped() {
	hp.writeGOAUTH(goauth.Uninstall(hp.p.res.Value("GOAUTH")))
}

// writeGOAUTH writes the plan's value through the validated, undoable path.
func (hp *helpersPanel) writeGOAUTH(plan goauth.Plan) {
	base := hp.p.res
	if plan.Value == base.Value("GOAUTH") {
		hp.setOutcome(hp.goauthOutcome, lang.L("private.goauth.same"), widget.SuccessImportance)
		return
	}
	hp.install.Disable()
	hp.p.run(func() func() {
		res, err := hp.p.svc.WithSource(history.SourcePrivate).Set(base, []core.Assignment{{Key: "GOAUTH", Value: plan.Value}})
		return func() {
			hp.install.Enable()
			objs := writeOutcome(res, err)
			for _, n := range plan.Notes {
				objs = append(objs, wrapped(uiLang.Text(n, ""), widget.MediumImportance))
			}
			hp.goauthOutcome.Objects = objs
			hp.goauthOutcome.Refresh()
			if err == nil {
				hp.p.onWritten()
			}
		}
	})
}

// onGitSetupTapped runs the git config commands shown, off the UI
// goroutine.
func (hp *helpersPanel) onGitSetupTapped() {
	cmds, err := hp.gitArgs()
	if err != nil || len(cmds) == 0 {
		return
	}
	env := hp.p.svc.Env()
	hp.gitSetup.Disable()
	hp.p.run(func() func() {
		err := gitcred.RunSetup(env, cmds, nil)
		return func() {
			hp.gitSetup.Enable()
			if err != nil {
				hp.setOutcome(hp.gitOutcome, uiLang.Error(err), widget.DangerImportance)
				return
			}
			hp.setOutcome(hp.gitOutcome, lang.L("private.git.done"), widget.SuccessImportance)
		}
	})
}

// onNetrcImportTapped stores the .netrc entries in the keyring.
func (hp *helpersPanel) onNetrcImportTapped() {
	d := hp.p.data
	hp.p.run(func() func() {
		done, err := netrc.Import(d.store, d.netrc, d.machine, nil)
		return func() {
			if err != nil {
				hp.setOutcome(hp.netrcOutcome, uiLang.Error(err), widget.DangerImportance)
				hp.p.reportKeyring(err)
			} else {
				hp.setOutcome(hp.netrcOutcome, lang.L("private.netrc.imported", map[string]any{"Count": len(done)}), widget.SuccessImportance)
			}
			hp.p.load()
		}
	})
}

// onNetrcRemoveTapped asks, then removes the imported entries from the file.
func (hp *helpersPanel) onNetrcRemoveTapped() {
	d := hp.p.data
	msg := lang.L("private.netrc.confirm", map[string]any{"File": d.netrc})
	dlg := dialog.NewConfirm(lang.L("private.netrc.remove"), msg, func(ok bool) {
		if ok {
			hp.netrcRemoveConfirmed(d)
		}
	}, hp.p.win)
	showDialog(hp.p.win, dlg, nil, nil) // removing: Enter does not confirm
}

// netrcRemoveConfirmed removes every imported machine off the UI goroutine.
func (hp *helpersPanel) netrcRemoveConfirmed(d privateData) {
	stored := map[string]string{}
	for _, e := range d.entries {
		stored[e.Prefix] = e.User
	}
	var machines []string
	for _, e := range d.machine {
		if stored[e.Machine] == e.Login {
			machines = append(machines, e.Machine)
		}
	}
	hp.p.run(func() func() {
		n, err := netrc.Remove(d.store, d.netrc, machines)
		return func() {
			if err != nil {
				hp.setOutcome(hp.netrcOutcome, uiLang.Error(err), widget.DangerImportance)
			} else {
				hp.setOutcome(hp.netrcOutcome, lang.L("private.netrc.removed", map[string]any{"Count": n}), widget.SuccessImportance)
			}
			hp.p.load()
		}
	})
}

// onNetrcUndoTapped restores the file as it was before the last removal.
func (hp *helpersPanel) onNetrcUndoTapped() {
	d := hp.p.data
	if d.store == nil {
		return
	}
	hp.p.run(func() func() {
		err := netrc.Undo(d.store.Keyring, d.netrc)
		return func() {
			if err != nil {
				hp.setOutcome(hp.netrcOutcome, uiLang.Error(err), widget.DangerImportance)
			} else {
				hp.setOutcome(hp.netrcOutcome, lang.L("private.netrc.restored"), widget.SuccessImportance)
			}
			hp.p.load()
		}
	})
}

// setOutcome shows one bold line in box.
func (hp *helpersPanel) setOutcome(box *fyne.Container, text string, imp widget.Importance) {
	l := wrapped(text, imp)
	l.TextStyle.Bold = true
	box.Objects = []fyne.CanvasObject{l}
	box.Refresh()
}
