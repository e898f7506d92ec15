package main

import (
	"fmt"
	"io"
	"time"

	"github.com/gomirror/gomirror/core"

	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/service"
)

var historyCmd = &command{
	name: "history",
	args: "[--json]",
	run:  runHistory,
}

// historyItem is the JSON form of one history entry: everything but the
// raw file contents.
type historyItem struct {
	ID            string           `json:"id"`
	Time          time.Time        `json:"time"`
	File          string           `json:"file"`
	Summary       string           `json:"summary"`
	Changes       []history.Change `json:"changes"`
	BeforeExisted bool             `json:"before_existed"`
	Undo          bool             `json:"undo,omitempty"`
	UndoOf        string           `json:"undo_of,omitempty"`
	Redo          bool             `json:"redo,omitempty"`
	Source        string           `json:"source,omitempty"`
	Undone        bool             `json:"undone,omitempty"`
}

// runHistory implements "gomirrorctl history".
func runHistory(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	jsonOut := fs.Bool("json", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	if code, ok := c.noArgs(cmd, pos); !ok {
		return code
	}
	entries, err := c.service().History()
	if err != nil {
		return c.fail(cmd, err)
	}
	items := historyItems(entries)
	if *jsonOut {
		if err := writeJSON(c.stdout, items); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	printHistory(c.stdout, items)
	return exitOK
}

// historyItems converts entries (newest first) to their output form and
// marks the ones a later undo reverted.
func historyItems(entries []history.Entry) []historyItem {
	undone := service.UndoneIDs(entries)
	items := make([]historyItem, 0, len(entries))
	for _, e := range entries {
		changes := make([]history.Change, len(e.Changes))
		for i, c := range e.Changes { // entries recorded before values were masked
			c.Old, c.New = core.MaskUserinfo(c.Old), core.MaskUserinfo(c.New)
			changes[i] = c
		}
		items = append(items, historyItem{
			ID: e.ID, Time: e.Time, File: e.File, Summary: core.MaskUserinfo(e.Summary), Changes: changes,
			BeforeExisted: e.BeforeExisted, Undo: e.Undo, UndoOf: e.UndoOf, Redo: e.Redo, Source: e.Source, Undone: undone[e.ID],
		})
	}
	return items
}

// printHistory writes the TIME SUMMARY FILE table.
func printHistory(w io.Writer, items []historyItem) {
	if len(items) == 0 {
		fmt.Fprintln(w, say("history-none"))
		return
	}
	tw := newTable(w)
	fmt.Fprintln(tw, header("TIME\tID\tSOURCE\tSUMMARY\tFILE"))
	english := msgs.Tag() == core.English.Tag()
	for _, it := range items {
		summary, source := it.Summary, it.Source
		switch {
		case !english: // as the GUI's History screen says it
			summary = history.SummaryText(msgs, it.entry(), it.Undone)
			source = history.SourceText(msgs, source)
		case it.Undone: // the stored English record, as scripts have read it
			summary += " (undone)"
		}
		if source == "" {
			source = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", it.Time.Local().Format("2006-01-02 15:04:05"), it.ID, source, summary, it.File)
	}
	tw.Flush()
}

// entry is the history entry it shows, with its values masked.
func (it historyItem) entry() history.Entry {
	return history.Entry{Changes: it.Changes, Undo: it.Undo, UndoOf: it.UndoOf, Redo: it.Redo, Source: it.Source}
}

// entrySummary is what e did: its stored English summary in English (as
// scripts have read it), else as the History screen says it.
func entrySummary(e history.Entry) string {
	if msgs.Tag() == core.English.Tag() {
		return e.Summary
	}
	return history.SummaryText(msgs, historyItems([]history.Entry{e})[0].entry(), false)
}
