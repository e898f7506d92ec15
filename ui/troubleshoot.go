package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

// defaultCommand is the command the Troubleshoot screen offers to run.
const defaultCommand = "go mod download"

// troubleshootScreen runs a go command (or takes its pasted output),
// explains each failure with the setting and layer behind it and a fix to
// apply, and analyses checksum mismatches.
type troubleshootScreen struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func() // reloads every screen after a write

	res       *resolve.Resolution // the settings the findings were made with
	fromPaste bool                // the findings explain pasted output
	findings  []troubleshoot.Finding
	views     []*findingView     // one per finding
	cancel    context.CancelFunc // stops the running command; nil when idle
	runs      latest             // numbers the runs, so a cancelled one is ignored

	command  *widget.Entry
	folder   *widget.Entry
	trace    *widget.Check
	start    *widget.Button
	stop     *widget.Button
	progress *widget.ProgressBarInfinite
	pasted   *widget.Entry
	explain  *widget.Button
	status   *widget.Label
	list     *fyne.Container // the findings
	output   *widget.Entry   // the command's full output
	checks   *checksumPanel
}

// newTroubleshootScreen makes the Troubleshoot screen; written reloads every
// screen after a write.
func newTroubleshootScreen(svc *service.Service, win fyne.Window, run runner, written func()) *troubleshootScreen {
	t := &troubleshootScreen{svc: svc, win: win, run: run, written: written}
	t.checks = newChecksumPanel(svc, win, run, written)
	return t
}

// buildUI lays out two tabs: explaining a failure, and the checksum
// analysis.
func (t *troubleshootScreen) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("nav.troubleshoot"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("ts.tab.explain"), theme.SearchIcon(), t.explainTab()),
		container.NewTabItemWithIcon(lang.L("ts.tab.checksum"), theme.ConfirmIcon(), t.checks.content()),
	)
	return container.NewBorder(container.NewVBox(title, widget.NewSeparator()), nil, nil, nil, tabs)
}

// explainTab is the input (run or paste) above the findings.
func (t *troubleshootScreen) explainTab() fyne.CanvasObject {
	inputs := container.NewAppTabs(
		container.NewTabItem(lang.L("ts.tab.run"), t.runForm()),
		container.NewTabItem(lang.L("ts.tab.paste"), t.pasteForm()),
	)
	t.status = widget.NewLabel(lang.L("ts.idle"))
	t.status.Wrapping = fyne.TextWrapWord
	t.list = container.NewVBox()
	t.output = widget.NewMultiLineEntry()
	t.output.TextStyle.Monospace = true
	t.output.Wrapping = fyne.TextWrapOff
	t.output.SetMinRowsVisible(8)
	out := widget.NewAccordion(widget.NewAccordionItem(lang.L("ts.output"), t.output))
	results := container.NewVScroll(container.NewVBox(t.status, t.list, out))
	return newBorder(container.NewVBox(inputs, widget.NewSeparator()), nil, nil, nil, results)
}

// runForm is the command box, the folder picker and Run/Cancel.
func (t *troubleshootScreen) runForm() fyne.CanvasObject {
	t.command = widget.NewEntry()
	t.command.SetText(defaultCommand)
	t.command.OnSubmitted = func(string) { t.onRunTapped() }
	t.folder = widget.NewEntry()
	t.folder.SetPlaceHolder(lang.L("ts.folder.placeholder"))
	choose := widget.NewButtonWithIcon(lang.L("ts.choose"), theme.FolderOpenIcon(), t.onChooseFolderTapped)
	t.trace = widget.NewCheck(lang.L("ts.trace"), nil)
	t.trace.SetChecked(true)
	t.start = widget.NewButtonWithIcon(lang.L("ts.run"), theme.MediaPlayIcon(), t.onRunTapped)
	t.start.Importance = widget.HighImportance
	t.stop = widget.NewButtonWithIcon(lang.L("ts.cancel"), theme.CancelIcon(), t.onCancelTapped)
	t.stop.Disable()
	t.progress = widget.NewProgressBarInfinite()
	t.progress.Stop()
	t.progress.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("ts.command"), t.command),
		widget.NewFormItem(lang.L("ts.folder"), container.NewBorder(nil, nil, nil, choose, t.folder)),
	)
	buttons := container.NewHBox(t.start, t.stop, t.trace)
	return container.NewVBox(form, container.NewBorder(nil, nil, buttons, nil, t.progress))
}

// pasteForm is a multi-line entry for pasted output and Explain.
func (t *troubleshootScreen) pasteForm() fyne.CanvasObject {
	t.pasted = widget.NewMultiLineEntry()
	t.pasted.SetPlaceHolder(lang.L("ts.paste.placeholder"))
	t.pasted.TextStyle.Monospace = true
	t.pasted.SetMinRowsVisible(5)
	t.explain = widget.NewButtonWithIcon(lang.L("ts.explain"), theme.SearchIcon(), t.onExplainTapped)
	t.explain.Importance = widget.HighImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(t.explain), t.pasted)
}

// onChooseFolderTapped picks the folder to run the command in.
func (t *troubleshootScreen) onChooseFolderTapped() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			showError(t.win, err)
			return
		}
		if u != nil {
			t.folder.SetText(u.Path())
		}
	}, t.win)
	d.Show()
}

// onRunTapped runs the command in the background, with progress and Cancel.
func (t *troubleshootScreen) onRunTapped() {
	args := commandArgs(t.command.Text)
	if len(args) == 0 || t.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	runID, dir, trace := t.runs.next(), strings.TrimSpace(t.folder.Text), t.trace.Checked
	t.setRunning(true, strings.Join(args, " "))
	t.run(func() func() {
		rep, res, err := t.execute(ctx, args, dir, trace)
		return func() { t.onRunDone(runID, rep, res, err) }
	})
}

// execute resolves the settings for dir and runs the command; it is safe
// off the UI goroutine.
func (t *troubleshootScreen) execute(ctx context.Context, args []string, dir string, trace bool) (*troubleshoot.Report, *resolve.Resolution, error) {
	svc := t.svc
	if dir != "" {
		svc = service.New(service.Options{Env: t.svc.Env(), Cwd: dir, ConfigDir: configDir(t.svc), Keyring: t.svc.Keyring()})
	}
	res := svc.Resolve()
	rep, err := troubleshoot.Run(ctx, res, troubleshoot.Command{Args: args, Dir: dir, Env: svc.Env(), Trace: trace})
	return rep, res, err
}

// configDir is svc's config directory, or "" for the default.
func configDir(svc *service.Service) string {
	dir, _ := svc.ConfigDir()
	return dir
}

// commandArgs splits a command line and drops a leading "go".
func commandArgs(line string) []string {
	args := strings.Fields(line)
	if len(args) > 0 && args[0] == "go" {
		args = args[1:]
	}
	return args
}

// onCancelTapped stops the running command and everything it started.
func (t *troubleshootScreen) onCancelTapped() {
	if t.cancel != nil {
		t.cancel()
	}
}

// onRunDone shows the report of run id, unless a newer run started.
func (t *troubleshootScreen) onRunDone(id int, rep *troubleshoot.Report, res *resolve.Resolution, err error) {
	if !t.runs.current(id) {
		return
	}
	t.cancel = nil
	t.setRunning(false, "")
	if err != nil {
		t.status.SetText(errorText(err))
		return
	}
	t.status.SetText(reportSummary(rep))
	t.output.SetText(rep.Output)
	t.fromPaste = false
	t.showFindings(res, rep.Findings)
}

// setRunning switches the buttons and the progress bar.
func (t *troubleshootScreen) setRunning(on bool, command string) {
	enable(t.start, !on)
	enable(t.stop, on)
	t.progress.Hidden = !on
	if on {
		t.progress.Start()
		t.status.SetText(lang.L("ts.running", map[string]any{"Command": command}))
	} else {
		t.progress.Stop()
	}
	t.progress.Refresh()
}

// reportSummary says how the command ended.
func reportSummary(rep *troubleshoot.Report) string {
	data := map[string]any{"Command": strings.Join(rep.Args, " "), "Code": rep.ExitCode,
		"Seconds": fmt.Sprintf("%.1f", rep.Duration), "Count": len(rep.Findings)}
	if rep.TimedOut {
		return lang.L("ts.result.timeout", data)
	}
	return lang.L("ts.result", data)
}

// onExplainTapped explains the pasted output with the current settings.
func (t *troubleshootScreen) onExplainTapped() {
	text := t.pasted.Text
	if strings.TrimSpace(text) == "" {
		return
	}
	t.run(func() func() {
		res := t.svc.Resolve()
		fs := troubleshoot.Explain(res, text)
		return func() {
			t.status.SetText(lang.L("ts.result.pasted", map[string]any{"Count": len(fs)}))
			t.output.SetText(text)
			t.fromPaste = true
			t.showFindings(res, fs)
		}
	})
}

// showFindings replaces the findings list.
func (t *troubleshootScreen) showFindings(res *resolve.Resolution, fs []troubleshoot.Finding) {
	t.res, t.findings, t.views = res, fs, nil
	t.list.Objects = nil
	if len(fs) == 0 {
		t.list.Add(widget.NewLabel(lang.L("ts.none")))
	}
	if t.fromPaste && slices.ContainsFunc(fs, troubleshoot.Finding.HasFix) {
		t.list.Add(captionLabel(lang.L("ts.pasted.note")))
	}
	for _, f := range fs {
		v := newFindingView(t, f)
		t.views = append(t.views, v)
		t.list.Add(v.object())
	}
	t.list.Refresh()
}

// onApplyTapped applies a finding's fix in the background, against the
// settings the finding was made with: a file changed since is refused.
func (t *troubleshootScreen) onApplyTapped(v *findingView) {
	base := t.res
	if code, args := troubleshoot.UnsafeEditSnippet(base, v.f.Set); code != "" {
		why := snippetOf(code, args, troubleshoot.UnsafeEdit(base, v.f.Set))
		v.setOutcome([]fyne.CanvasObject{captionLabel(lang.L("ts.unsafe", map[string]any{"Reason": why}))})
		return
	}
	v.apply.Disable()
	t.run(func() func() {
		res, err := t.svc.WithSource(history.SourceTroubleshoot).Apply(base, v.f.Set, v.f.Unset)
		return func() { t.onApplyDone(v, res, err) }
	})
}

// onApplyDone shows a write's outcome under the finding; a refusal because
// the file changed on disk reloads every screen.
func (t *troubleshootScreen) onApplyDone(v *findingView, res *service.WriteResult, err error) {
	v.setOutcome(writeOutcome(res, err))
	if err == nil {
		v.undo.Show() // Apply stays off: the fix is in; Undo turns it on again
		t.written()
		return
	}
	v.apply.Enable()
	var refused *core.RefusedError
	if errors.As(err, &refused) && len(refused.Problems) > 0 && (refused.Problems[0].Code == "file-changed" || refused.Problems[0].Code == "key-changed") {
		t.written()
		t.run(func() func() {
			res := t.svc.Resolve()
			return func() { t.res = res } // so that Apply works again
		})
	}
}

// onUndoTapped reverts the newest write.
func (t *troubleshootScreen) onUndoTapped(v *findingView) {
	t.run(func() func() {
		res, err := t.svc.Undo()
		return func() {
			if err == nil {
				v.undo.Hide()
				v.apply.Enable()
				v.setOutcome(outcome(lang.L("write.undone", map[string]any{"File": res.File}), widget.SuccessImportance, res.Warnings))
				t.written()
				return
			}
			v.setOutcome(writeOutcome(res, err))
		}
	})
}
