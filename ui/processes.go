package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/origin/procs"
	"github.com/gomirror/gomirror/core/service"
)

// processesDialog lists the running go, gopls, dlv and IDE processes that
// hold old values (or whose environment the OS hides), each with a hint
// how to restart it.
type processesDialog struct {
	svc *service.Service
	win fyne.Window
	run runner

	rows *fyne.Container
	dlg  dialog.Dialog
}

func newProcessesDialog(svc *service.Service, win fyne.Window, run runner) *processesDialog {
	return &processesDialog{svc: svc, win: win, run: run}
}

// open shows the dialog and lists the processes in the background.
func (p *processesDialog) open() {
	p.rows = container.NewVBox(widget.NewLabel(lang.L("processes.loading")))
	scroll := container.NewVScroll(p.rows)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	p.dlg = dialog.NewCustom(lang.L("processes.title"), lang.L("processes.close"), scroll, p.win)
	showDialog(p.win, p.dlg, p.dlg.Hide, nil)
	p.run(func() func() {
		ctx, cancel := context.WithTimeout(context.Background(), inspectTimeout)
		defer cancel()
		ps, err := p.svc.Processes(ctx, nil)
		return func() { p.onListed(ps, err) }
	})
}

// onListed shows the processes that are not up to date.
func (p *processesDialog) onListed(ps []procs.Process, err error) {
	var objs []fyne.CanvasObject
	if err != nil {
		objs = append(objs, wrapped(errorText(err), widget.DangerImportance))
	}
	for _, pr := range ps {
		if pr.State != procs.StateOK {
			objs = append(objs, processRow(pr), widget.NewSeparator())
		}
	}
	if len(objs) == 0 {
		objs = append(objs, wrapped(lang.L("processes.none"), widget.SuccessImportance))
	}
	p.rows.Objects = objs
	p.rows.Refresh()
}

// processRow shows one process: name, PID and state, why, and the hint.
func processRow(pr procs.Process) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(fmt.Sprintf("%s (PID %d): %s", pr.Name, pr.PID, processState(pr.State)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	imp := widget.WarningImportance
	if pr.State == procs.StateUnknown {
		imp = widget.MediumImportance
	}
	hint := wrapped(lang.L("processes.hint", map[string]any{"Hint": snippetOf(pr.HintCode, nil, pr.Hint)}), widget.MediumImportance)
	hint.TextStyle.Italic = true
	return container.NewVBox(head, wrapped(snippetOf(pr.ReasonCode, pr.ReasonArgs, pr.Reason), imp), hint)
}

// processState is the translated name of a process state.
func processState(s procs.State) string {
	switch s {
	case procs.StateStale:
		return lang.L("processes.stale")
	case procs.StateUnknown:
		return lang.L("processes.unknown")
	}
	return lang.L("processes.ok")
}
