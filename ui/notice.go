package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
)

// noticeTimeout is how long the notice after a write stays.
const noticeTimeout = 12 * time.Second

// writeNotice is the transient bar at the bottom of the window after every
// write: what changed, by what, and Undo (Redo after an undo), whichever
// screen made the write.
type writeNotice struct {
	svc     *service.Service
	run     runner
	written func() // reloads every screen
	after   func(f func(), d time.Duration)

	entry  history.Entry // the write the notice is about
	seen   string        // ID of the newest entry already seen, so a reload without a write shows nothing
	shows  int           // numbers the notices, so an old timer hides nothing
	bar    *fyne.Container
	text   *widget.Label
	action *widget.Button
}

// newWriteNotice makes the hidden notice bar.
func newWriteNotice(svc *service.Service, run runner, written func()) *writeNotice {
	n := &writeNotice{svc: svc.WithSource(history.SourceHistory), run: run, written: written,
		after: func(f func(), d time.Duration) { time.AfterFunc(d, func() { fyne.Do(f) }) }}
	n.text = widget.NewLabel("")
	n.text.Truncation = fyne.TextTruncateEllipsis
	n.action = widget.NewButtonWithIcon(lang.L("edit.undo"), theme.ContentUndoIcon(), n.onActionTapped)
	n.action.Importance = widget.HighImportance
	closer := widget.NewButtonWithIcon("", theme.CancelIcon(), n.hide)
	closer.Importance = widget.LowImportance
	n.bar = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil,
		widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon())), container.NewHBox(n.action, closer), n.text))
	n.bar.Hide()
	return n
}

// prime remembers the newest history entry at start-up, in the
// background.
func (n *writeNotice) prime() {
	n.run(func() func() {
		es, _ := n.svc.History()
		return func() {
			if len(es) > 0 {
				n.seen = es[0].ID
			}
		}
	})
}

// showNewest reads the newest history entry in the background and shows
// the notice about it, if it is new.
func (n *writeNotice) showNewest() {
	n.run(func() func() {
		es, err := n.svc.History()
		return func() {
			if err == nil && len(es) > 0 && es[0].ID != n.seen {
				n.seen = es[0].ID
				n.show(es[0])
			}
		}
	})
}

// show shows the notice about e until it times out.
func (n *writeNotice) show(e history.Entry) {
	n.entry = e
	n.shows++
	text := entrySummary(e, false)
	if s := sourceText(e.Source); s != "" {
		text = lang.L("notice.written", map[string]any{"Changes": text, "Source": s})
	}
	n.text.SetText(text)
	n.action.SetText(lang.L("edit.undo"))
	n.action.SetIcon(theme.ContentUndoIcon())
	if e.Undo {
		n.action.SetText(lang.L("history.redo"))
		n.action.SetIcon(theme.ContentRedoIcon())
	}
	n.action.Enable()
	n.bar.Show()
	shown := n.shows
	n.after(func() {
		if shown == n.shows {
			n.hide()
		}
	}, noticeTimeout)
}

// hide hides the notice.
func (n *writeNotice) hide() { n.bar.Hide() }

// onActionTapped undoes the write the notice is about (or redoes the undo).
func (n *writeNotice) onActionTapped() {
	n.action.Disable()
	undo := !n.entry.Undo
	n.run(func() func() {
		var err error
		if undo {
			_, err = n.svc.Undo()
		} else {
			_, err = n.svc.Redo()
		}
		return func() {
			if err != nil {
				n.text.SetText(noticeError(err))
				return
			}
			n.written()
			n.showNewest()
		}
	})
}

// noticeError is the first reason of a refusal, or the error, in one line.
func noticeError(err error) string {
	var refused *core.RefusedError
	if errors.As(err, &refused) && len(refused.Problems) > 0 {
		message, _ := problemText(refused.Problems[0])
		return message
	}
	return uiLang.Error(err)
}
