package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot/toolchains"
)

// toolchainDialog checks, for a chosen folder's go.mod or go.work, which
// GOPROXY mirrors serve the toolchain it asks for. The Mirrors screen
// opens it.
type toolchainDialog struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func()

	folder   *widget.Entry
	check    *widget.Button
	activity *widget.Activity
	result   *fyne.Container
}

func newToolchainDialog(svc *service.Service, win fyne.Window, run runner, written func()) *toolchainDialog {
	return &toolchainDialog{svc: svc, win: win, run: run, written: written}
}

// content is the folder picker, Check and the result.
func (d *toolchainDialog) content() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("tc.intro"))
	intro.Wrapping = fyne.TextWrapWord
	d.folder = widget.NewEntry()
	d.folder.SetPlaceHolder(lang.L("ts.folder.placeholder"))
	choose := widget.NewButtonWithIcon(lang.L("ts.choose"), theme.FolderOpenIcon(), d.onChooseFolderTapped)
	d.check = widget.NewButtonWithIcon(lang.L("tc.check"), theme.SearchIcon(), d.onCheckTapped)
	d.check.Importance = widget.HighImportance
	d.activity = widget.NewActivity()
	d.activity.Hide()
	d.result = container.NewVBox()
	row := container.NewBorder(nil, nil, nil, container.NewHBox(choose, d.check, d.activity), d.folder)
	return newBorder(container.NewVBox(intro, row, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(d.result))
}

// open shows the check in a dialog over the window.
func (d *toolchainDialog) open() {
	dlg := dialog.NewCustom(lang.L("tc.title"), lang.L("tc.close"), d.content(), d.win)
	dlg.Resize(fyne.NewSize(720, 520))
	showDialog(d.win, dlg, dlg.Hide, nil)
}

func (d *toolchainDialog) onChooseFolderTapped() {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			showError(d.win, err)
			return
		}
		if u != nil {
			d.folder.SetText(u.Path())
			d.onCheckTapped()
		}
	}, d.win)
}

// onCheckTapped asks every mirror in the background.
func (d *toolchainDialog) onCheckTapped() {
	dir := d.folder.Text
	if dir == "" {
		dir = "."
	}
	d.check.Disable()
	d.activity.Show()
	d.activity.Start()
	d.run(func() func() {
		a, err := d.availability(dir)
		return func() { d.onChecked(a, err) }
	})
}

// availability reads what dir asks for and checks the mirrors; it is safe
// off the UI goroutine.
func (d *toolchainDialog) availability(dir string) (toolchains.Availability, error) {
	want, err := toolchains.Wanted(dir)
	if err != nil {
		return toolchains.Availability{}, err
	}
	r := service.New(service.Options{Env: d.svc.Env(), Cwd: dir, ConfigDir: configDir(d.svc)}).Resolve()
	return toolchains.Check(context.Background(), r, want, toolchains.Options{}), nil
}

// onChecked shows each mirror's answer and the verdict.
func (d *toolchainDialog) onChecked(a toolchains.Availability, err error) {
	d.check.Enable()
	d.activity.Stop()
	d.activity.Hide()
	d.result.Objects = nil
	if err != nil {
		d.result.Add(captionLabel(errorText(err)))
		d.result.Refresh()
		return
	}
	d.result.Add(widget.NewLabelWithStyle(lang.L("tc.want", map[string]any{"Toolchain": a.Toolchain,
		"Where": layerWhere(core.Layer{File: a.File, Line: a.Line}), "Local": a.Local, "Mode": a.Mode}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, m := range a.Mirrors {
		d.result.Add(mirrorAnswer(m))
	}
	d.result.Add(widget.NewSeparator())
	d.result.Objects = append(d.result.Objects, problemRows(a.Problems)...)
	if len(a.Set) > 0 {
		d.result.Add(d.applyRow(a.Set))
	}
	d.result.Refresh()
}

// mirrorAnswer is one mirror's answer: served or not, and why.
func mirrorAnswer(m toolchains.MirrorResult) fyne.CanvasObject {
	var icon fyne.Resource = theme.NewErrorThemedResource(theme.CancelIcon())
	status := fmt.Sprint(m.Status)
	if m.Has {
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	}
	if m.Error != "" {
		status = m.Error
	}
	l := widget.NewLabel(lang.L("tc.mirror", map[string]any{"Name": m.Name, "Status": status}))
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

// applyRow offers the suggested edit.
func (d *toolchainDialog) applyRow(set map[string]string) fyne.CanvasObject {
	out := container.NewVBox()
	apply := widget.NewButtonWithIcon(lang.L("ts.apply"), theme.ConfirmIcon(), nil)
	apply.OnTapped = func() { d.onApplyTapped(set, apply, out) }
	edit := widget.NewLabel(lang.L("ts.edit", map[string]any{"Edit": editText(set, nil)}))
	edit.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewBorder(nil, nil, nil, apply, edit), out)
}

func (d *toolchainDialog) onApplyTapped(set map[string]string, apply *widget.Button, out *fyne.Container) {
	apply.Disable()
	d.run(func() func() {
		res, err := d.svc.WithSource(history.SourceTroubleshoot).Apply(nil, set, nil)
		return func() {
			apply.Enable()
			out.Objects = writeOutcome(res, err)
			out.Refresh()
			if err == nil {
				d.written()
			}
		}
	})
}
