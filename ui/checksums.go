package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/core/troubleshoot/verify"
)

// checksumColumns are the columns of the sources table, by translation key,
// and their widths.
var checksumColumns = []struct {
	key   string
	width float32
}{{"ts.col.source", 200}, {"ts.col.kind", 140}, {"ts.col.mod", 210}, {"ts.col.zip", 210}, {"ts.col.state", 110}}

// checksumTexts are the translation keys of the analysis' kinds, states
// and verdicts.
var checksumTexts = map[string]string{
	"kind:" + verify.KindGoSum: "ts.kind.go.sum", "kind:" + verify.KindSumDB: "ts.kind.checksum-database",
	"kind:" + verify.KindMirror:      "ts.kind.mirror",
	"state:" + verify.StateReference: "ts.state.reference", "state:" + verify.StateAgrees: "ts.state.agrees",
	"state:" + verify.StateDisagrees: "ts.state.disagrees", "state:" + verify.StateMissing: "ts.state.missing",
	"state:" + verify.StateError: "ts.state.error", "state:" + verify.StateUnchecked: "ts.state.not-checked",
	"verdict:consistent": "ts.verdict.consistent", "verdict:mirror-disagrees": "ts.verdict.mirror-disagrees",
	"verdict:gosum-edited": "ts.verdict.gosum-edited", "verdict:retagged": "ts.verdict.retagged",
	"verdict:sumdb-private": "ts.verdict.sumdb-private", "verdict:unknown": "ts.verdict.unknown",
}

// analysisText translates an analysis value of a kind ("kind", "state" or
// "verdict"), or shows it as is.
func analysisText(kind, value string) string {
	if k, ok := checksumTexts[kind+":"+value]; ok {
		return lang.L(k)
	}
	return value
}

// checksumPanel compares go.sum, the checksum database and every mirror for
// one module version, in the background, and shows who disagrees.
type checksumPanel struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func()

	analysis *verify.Analysis

	module   *widget.Entry
	gosum    *widget.Entry
	analyze  *widget.Button
	activity *widget.Activity
	verdict  *widget.Label
	table    *widget.Table
	problems *fyne.Container
}

func newChecksumPanel(svc *service.Service, win fyne.Window, run runner, written func()) *checksumPanel {
	return &checksumPanel{svc: svc, win: win, run: run, written: written}
}

// content is the form above the verdict, the table and the problems.
func (c *checksumPanel) content() fyne.CanvasObject {
	c.module = widget.NewEntry()
	c.module.SetPlaceHolder("example.com/m@v1.2.3")
	c.module.OnSubmitted = func(string) { c.onAnalyzeTapped() }
	c.gosum = widget.NewEntry()
	c.gosum.SetPlaceHolder(lang.L("ts.gosum.placeholder"))
	choose := widget.NewButtonWithIcon(lang.L("ts.choose"), theme.FileIcon(), c.onChooseGoSumTapped)
	c.analyze = widget.NewButtonWithIcon(lang.L("ts.analyze"), theme.SearchIcon(), c.onAnalyzeTapped)
	c.analyze.Importance = widget.HighImportance
	c.activity = widget.NewActivity()
	c.activity.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("ts.module"), c.module),
		widget.NewFormItem(lang.L("ts.gosum"), container.NewBorder(nil, nil, nil, choose, c.gosum)),
	)
	c.verdict = widget.NewLabel(lang.L("ts.checksum.intro"))
	c.verdict.Wrapping = fyne.TextWrapWord
	c.table = c.newTable()
	c.problems = container.NewVBox()
	top := container.NewVBox(form, container.NewHBox(c.analyze, c.activity), c.verdict)
	bottom := container.NewVScroll(c.problems)
	bottom.SetMinSize(fyne.NewSize(0, 160))
	return newBorder(top, bottom, nil, nil, c.table)
}

// newTable is the sources table with a header row.
func (c *checksumPanel) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(c.tableSize, newCellLabel, c.updateCell)
	t.ShowHeaderColumn = false
	t.CreateHeader = newCellLabel
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		l.SetText(lang.L(checksumColumns[id.Col].key))
	}
	for i, col := range checksumColumns {
		t.SetColumnWidth(i, col.width)
	}
	return t
}

func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (c *checksumPanel) tableSize() (int, int) {
	if c.analysis == nil {
		return 0, len(checksumColumns)
	}
	return len(c.analysis.Sources), len(checksumColumns)
}

func (c *checksumPanel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	s := c.analysis.Sources[id.Row]
	cells := []string{s.Name, analysisText("kind", s.Kind), s.Mod, s.Zip, analysisText("state", s.State)}
	l := o.(*widget.Label)
	l.TextStyle.Monospace = id.Col == 2 || id.Col == 3
	l.Importance = widget.MediumImportance
	if s.State == verify.StateDisagrees {
		l.Importance = widget.DangerImportance
	}
	l.SetText(cells[id.Col])
}

// onChooseGoSumTapped picks the go.sum file to compare.
func (c *checksumPanel) onChooseGoSumTapped() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(c.win, err)
			return
		}
		if r != nil {
			c.gosum.SetText(r.URI().Path())
			r.Close()
		}
	}, c.win)
	d.Show()
}

// onAnalyzeTapped runs the analysis in the background.
func (c *checksumPanel) onAnalyzeTapped() {
	path, version, ok := strings.Cut(strings.TrimSpace(c.module.Text), "@")
	if !ok || path == "" || version == "" {
		c.verdict.SetText(lang.L("ts.badmodule"))
		return
	}
	opts := verify.Options{GoSum: strings.TrimSpace(c.gosum.Text)}
	c.analyze.Disable()
	c.activity.Show()
	c.activity.Start()
	c.verdict.SetText(lang.L("ts.analyzing"))
	c.run(func() func() {
		a, err := verify.Analyze(context.Background(), c.svc.Resolve(), path, version, opts)
		return func() { c.onAnalyzed(a, err) }
	})
}

// onAnalyzed shows the verdict, the sources and the problems with fixes.
func (c *checksumPanel) onAnalyzed(a *verify.Analysis, err error) {
	c.analyze.Enable()
	c.activity.Stop()
	c.activity.Hide()
	if err != nil {
		c.verdict.SetText(errorText(err))
		return
	}
	c.analysis = a
	c.verdict.SetText(lang.L("ts.verdict", map[string]any{"Verdict": analysisText("verdict", a.Verdict)}))
	c.table.Refresh()
	c.problems.Objects = problemRows(a.Problems)
	if len(a.Set) > 0 || len(a.Unset) > 0 {
		c.problems.Add(c.applyRow(a))
	}
	c.problems.Refresh()
}

// applyRow offers the analysis' suggested edit.
func (c *checksumPanel) applyRow(a *verify.Analysis) fyne.CanvasObject {
	out := container.NewVBox()
	apply := widget.NewButtonWithIcon(lang.L("ts.apply"), theme.ConfirmIcon(), nil)
	apply.OnTapped = func() { c.onApplyTapped(a, apply, out) }
	edit := widget.NewLabel(lang.L("ts.edit", map[string]any{"Edit": editText(a.Set, a.Unset)}))
	edit.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewBorder(nil, nil, nil, apply, edit), out)
}

// onApplyTapped writes the analysis' suggested edit in the background and
// shows the outcome in out.
func (c *checksumPanel) onApplyTapped(a *verify.Analysis, apply *widget.Button, out *fyne.Container) {
	apply.Disable()
	c.run(func() func() {
		res, err := c.svc.WithSource(history.SourceTroubleshoot).Apply(nil, a.Set, a.Unset)
		return func() {
			apply.Enable()
			out.Objects = writeOutcome(res, err)
			out.Refresh()
			if err == nil {
				c.written()
			}
		}
	})
}
