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
// first, with what made each; it shows the selected entry's diff, reverts
// it (or the newest write) and redoes the newest undo.
type historyScreen struct {
	svc     *service.Service
	win     fyne.Window
	run     runner
	written func()

	entries  []history.Entry
	undone   map[string]bool // IDs of entries whose change is undone now
	selected string          // ID of the selected entry, "" for none

	list    *widget.List
	empty   *widget.Label
	undo    *widget.Button
	redo    *widget.Button
	revert  *widget.Button
	diff    *fyne.Container // the selected entry's changes
	outcome *fyne.Container
}

func newHistoryScreen(svc *service.Service, win fyne.Window, run runner, written func()) *historyScreen {
	return &historyScreen{svc: svc.WithSource(history.SourceHistory), win: win, run: run, written: written}
}

// buildUI lays out the toolbar, the list with its empty state, and the
// selected entry's diff with Revert under it.
func (h *historyScreen) buildUI() fyne.CanvasObject {
	h.list = widget.NewList(func() int { return len(h.entries) }, newHistoryItem, h.updateHistoryItem)
	h.list.OnSelected = h.onEntrySelected
	h.list.OnUnselected = func(widget.ListItemID) { h.showEntry(nil) }
	h.empty = widget.NewLabel(lang.L("history.empty"))
	h.empty.Alignment, h.empty.Wrapping = fyne.TextAlignCenter, fyne.TextWrapWord
	h.undo = widget.NewButtonWithIcon(lang.L("history.undolast"), theme.ContentUndoIcon(), h.onUndoTapped)
	h.redo = widget.NewButtonWithIcon(lang.L("history.redo"), theme.ContentRedoIcon(), h.onRedoTapped)
	h.revert = widget.NewButtonWithIcon(lang.L("history.revert"), theme.ContentUndoIcon(), h.onRevertTapped)
	h.revert.Importance = widget.HighImportance
	h.diff = container.NewVBox()
	h.outcome = container.NewVBox()
	title := widget.NewLabelWithStyle(lang.L("nav.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, title, container.NewHBox(h.undo, h.redo))
	top := container.NewVBox(bar, h.outcome, widget.NewSeparator())
	detail := container.NewVScroll(container.NewPadded(container.NewVBox(h.diff, container.NewHBox(h.revert))))
	split := container.NewVSplit(container.NewStack(h.list, container.NewVBox(h.empty)), detail)
	split.Offset = 0.55
	h.showEntry(nil)
	return newBorder(top, nil, nil, nil, split)
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
	h.entries, h.undone = es, service.UndoneIDs(es)
	h.empty.Hidden = len(es) > 0
	h.empty.Refresh()
	enable(h.undo, len(es) > 0)
	enable(h.redo, len(es) > 0)
	h.list.Refresh()
	h.showEntry(h.entry(h.selected))
}

// entry returns the entry with id, or nil.
func (h *historyScreen) entry(id string) *history.Entry {
	for i := range h.entries {
		if id != "" && h.entries[i].ID == id {
			return &h.entries[i]
		}
	}
	return nil
}

// onEntrySelected shows the selected entry's diff.
func (h *historyScreen) onEntrySelected(id widget.ListItemID) {
	if id < 0 || id >= len(h.entries) {
		return
	}
	if h.entries[id].ID != h.selected {
		h.setOutcome(nil) // a message about another entry
	}
	h.selected = h.entries[id].ID
	h.showEntry(&h.entries[id])
}

// showEntry shows e's changes as a diff, its source and time, and what
// Revert would restore; nil shows the hint to select an entry.
func (h *historyScreen) showEntry(e *history.Entry) {
	if e == nil {
		h.selected = ""
		h.diff.Objects = []fyne.CanvasObject{wrapped(lang.L("history.select"), widget.LowImportance)}
		h.diff.Refresh()
		h.revert.Disable()
		return
	}
	head := widget.NewLabelWithStyle(entrySummary(*e, h.undone[e.ID]), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{head, captionLabel(entryDetail(*e)), changeDiff(e.Changes)}
	if !h.undone[e.ID] && !e.Undo {
		objs = append(objs, wrapped(lang.L("history.revertwould", map[string]any{"Changes": restoreText(e.Changes)}), widget.MediumImportance))
	}
	h.diff.Objects = objs
	h.diff.Refresh()
	enable(h.revert, !h.undone[e.ID] && !e.Undo)
}

// changeDiff shows changes as lines removed and added, like a diff of the
// env file.
func changeDiff(cs []history.Change) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	line := func(text string, color fyne.ThemeColorName) {
		style := widget.RichTextStyleCodeBlock
		style.ColorName = color
		segs = append(segs, &widget.TextSegment{Text: text, Style: style})
	}
	for _, c := range cs {
		switch {
		case c.Line > 0:
			line("- "+c.Old, theme.ColorNameError)
			line("+ "+c.New, theme.ColorNameSuccess)
		default:
			if c.OldSet {
				line("- "+c.Key+"="+c.Old, theme.ColorNameError)
			}
			if !c.Unset {
				line("+ "+c.Key+"="+c.New, theme.ColorNameSuccess)
			}
		}
	}
	t := widget.NewRichText(segs...)
	t.Wrapping = fyne.TextWrapBreak
	return t
}

// restoreText says what reverting changes puts back: "GOPROXY=old" or
// that a key is removed again.
func restoreText(cs []history.Change) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		switch {
		case c.Line > 0:
			parts[i] = lang.L("change.line", map[string]any{"Line": c.Line, "New": c.Old})
		case c.OldSet:
			parts[i] = c.Key + "=" + c.Old
		default:
			parts[i] = lang.L("change.unset", map[string]any{"Key": c.Key})
		}
	}
	return strings.Join(parts, ", ")
}

// onUndoTapped reverts the newest write that is not undone yet.
func (h *historyScreen) onUndoTapped() { h.write(h.svc.Undo, "write.undone") }

// onRedoTapped makes the newest undo's change again.
func (h *historyScreen) onRedoTapped() { h.write(h.svc.Redo, "history.redone") }

// onRevertTapped reverts the selected entry.
func (h *historyScreen) onRevertTapped() {
	if id := h.selected; id != "" {
		h.write(func() (*service.WriteResult, error) { return h.svc.Revert(id) }, "history.reverted")
	}
}

// write runs one of the history's writes in the background and shows its
// outcome, done naming the message of a success.
func (h *historyScreen) write(w func() (*service.WriteResult, error), done string) {
	for _, b := range []*widget.Button{h.undo, h.redo, h.revert} {
		b.Disable()
	}
	h.run(func() func() {
		res, err := w()
		return func() { h.onWritten(res, err, done) }
	})
}

func (h *historyScreen) onWritten(res *service.WriteResult, err error, done string) {
	enable(h.undo, len(h.entries) > 0)
	enable(h.redo, len(h.entries) > 0)
	h.showEntry(h.entry(h.selected))
	var refused *core.RefusedError
	switch {
	case errors.As(err, &refused):
		h.setOutcome(outcome(lang.L("write.refused"), widget.DangerImportance, refused.Problems))
	case err != nil:
		h.setOutcome(nil)
		showError(h.win, err)
	default:
		msg := lang.L(done, map[string]any{"File": res.File, "Changes": changesText(res.Changes)})
		h.setOutcome(outcome(msg, widget.SuccessImportance, res.Warnings))
		h.written()
	}
}

// setOutcome replaces the message under the toolbar.
func (h *historyScreen) setOutcome(objs []fyne.CanvasObject) {
	h.outcome.Objects = objs
	h.outcome.Refresh()
}

// historyItem is one row of the history: what changed, and when, by what
// and where.
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
	it.detail.SetText(entryDetail(e))
}

// entryDetail is when, by what and in which file an entry was written.
func entryDetail(e history.Entry) string {
	parts := []string{e.Time.Local().Format(timeLayout)}
	if s := sourceText(e.Source); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(append(parts, e.File), " · ")
}

// sourceText names what made a write, in the user's language; "" when
// the entry does not say (core's history.SourceText, which gomirrorctl
// uses too).
func sourceText(source string) string { return history.SourceText(uiLang, source) }

// entrySummary describes an entry as what it leaves in the file, in the
// user's language (core's history.SummaryText).
func entrySummary(e history.Entry, undone bool) string { return history.SummaryText(uiLang, e, undone) }

// changesText lists changes as "KEY=value, unset KEY".
func changesText(cs []history.Change) string { return history.ChangesText(uiLang, cs) }

// changeText describes one change: "KEY=value" or that KEY was removed.
func changeText(c history.Change) string { return history.ChangeText(uiLang, c) }
