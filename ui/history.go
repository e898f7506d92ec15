package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
)

// timeLayout is how the history shows when a write happened.
const timeLayout = "2006-01-02 15:04:05"

// historyScreen lists Go Mirror's writes to the user env file, newest
// first, and undoes the newest one.
type historyScreen struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func()

	entries []history.Entry
	undone  map[string]bool // IDs of entries a later entry undid

	list    *widget.List
	empty   *widget.Label
	undo    *widget.Button
	outcome *fyne.Container
}

func newHistoryScreen(svc *service.Service, win fyne.Window, run runner, written func()) *historyScreen {
	return &historyScreen{svc: svc, win: win, run: run, written: written}
}

// buildUI lays out the list under a toolbar, with an empty state.
func (h *historyScreen) buildUI() fyne.CanvasObject {
	h.list = widget.NewList(func() int { return len(h.entries) }, newHistoryItem, h.updateHistoryItem)
	h.empty = widget.NewLabel(lang.L("history.empty"))
	h.empty.Alignment, h.empty.Wrapping = fyne.TextAlignCenter, fyne.TextWrapWord
	h.undo = widget.NewButtonWithIcon(lang.L("edit.undo"), theme.ContentUndoIcon(), h.onUndoTapped)
	h.outcome = container.NewVBox()
	title := widget.NewLabelWithStyle(lang.L("nav.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, title, h.undo)
	top := container.NewVBox(bar, h.outcome, widget.NewSeparator())
	return container.NewBorder(top, nil, nil, nil, container.NewStack(h.list, container.NewVBox(h.empty)))
}

// load reads the history off the UI goroutine and shows it.
func (h *historyScreen) load() {
	h.run(func() func() {
		es, err := h.svc.History()
		return func() { h.show(es, err) }
	})
}

func (h *historyScreen) show(es []history.Entry, err error) {
	if err != nil {
		showError(h.win, err)
	}
	h.entries, h.undone = es, map[string]bool{}
	for _, e := range es {
		if e.Undo {
			h.undone[e.UndoOf] = true
		}
	}
	h.empty.Hidden = len(es) > 0
	h.empty.Refresh()
	enable(h.undo, len(es) > 0)
	h.list.Refresh()
}

// onUndoTapped reverts the newest write that is not undone yet.
func (h *historyScreen) onUndoTapped() {
	h.undo.Disable()
	h.run(func() func() {
		res, err := h.svc.Undo()
		return func() { h.onUndoDone(res, err) }
	})
}

func (h *historyScreen) onUndoDone(res *service.WriteResult, err error) {
	h.undo.Enable()
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		h.outcome.Objects = outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems)
	case err != nil:
		h.outcome.Objects = nil
		showError(h.win, err)
	default:
		msg := lang.L("write.undone", map[string]any{"File": res.File})
		h.outcome.Objects = outcome(msg, widget.SuccessImportance, res.Warnings)
		h.written()
	}
	h.outcome.Refresh()
}

// historyItem is one row of the history: what changed, and when and where.
type historyItem struct {
	widget.BaseWidget
	summary, detail *widget.Label
}

func newHistoryItem() fyne.CanvasObject {
	it := &historyItem{
		summary: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail:  widget.NewLabel(""),
	}
	it.summary.Truncation = fyne.TextTruncateEllipsis
	it.detail.Importance, it.detail.Truncation = widget.LowImportance, fyne.TextTruncateEllipsis
	it.ExtendBaseWidget(it)
	return it
}

// CreateRenderer implements fyne.Widget.
func (it *historyItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(it.summary, it.detail))
}

func (h *historyScreen) updateHistoryItem(id widget.ListItemID, obj fyne.CanvasObject) {
	e := h.entries[id]
	it := obj.(*historyItem)
	it.summary.SetText(entrySummary(e, h.undone[e.ID]))
	it.detail.SetText(e.Time.Local().Format(timeLayout) + " · " + e.File)
}

// entrySummary describes what an entry changed.
func entrySummary(e history.Entry, undone bool) string {
	parts := make([]string, len(e.Changes))
	for i, c := range e.Changes {
		parts[i] = changeText(c)
	}
	s := strings.Join(parts, ", ")
	if e.Undo {
		s = lang.L("history.undo", map[string]any{"Changes": s})
	}
	if undone {
		s = lang.L("history.undone", map[string]any{"Changes": s})
	}
	return s
}

// changeText describes one change: "KEY=value" or that KEY was removed.
func changeText(c history.Change) string {
	if c.Line > 0 { // a line of a shell startup file
		return lang.L("change.line", map[string]any{"Line": c.Line, "New": c.New})
	}
	if c.Unset {
		return lang.L("change.unset", map[string]any{"Key": c.Key})
	}
	return c.Key + "=" + c.New
}
