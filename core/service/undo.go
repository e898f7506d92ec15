package service

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
)

// Undo reverts the newest write that has not been undone yet, restoring the
// env file's bytes exactly as they were before it. It refuses if the file has
// changed since that write.
func (s *Service) Undo() (*WriteResult, error) {
	h, err := s.history()
	if err != nil {
		return nil, err
	}
	entries, err := h.List()
	if err != nil {
		return nil, err
	}
	target, ok := undoTarget(entries)
	if !ok {
		return nil, core.Refused("", "nothing-to-undo", "There is nothing to undo.", "")
	}
	cur, err := os.ReadFile(target.File)
	existed := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", target.File, err)
	}
	if !existed || !bytes.Equal(cur, target.After) {
		return nil, errChanged(target.File)
	}
	if target.BeforeExisted {
		err = envfile.WriteAtomic(target.File, target.Before, cur, true)
	} else {
		err = os.Remove(target.File)
	}
	if errors.Is(err, envfile.ErrChanged) {
		return nil, errChanged(target.File)
	}
	if err != nil {
		return nil, fmt.Errorf("restoring %s: %w", target.File, err)
	}
	e := history.Entry{
		Time: s.opts.Now(), File: target.File, Summary: "undo: " + target.Summary,
		Changes: invert(target.Changes), BeforeExisted: true, Before: cur,
		After: target.Before, Undo: true, UndoOf: target.ID,
	}
	if e, err = h.Add(e); err != nil {
		return nil, err
	}
	return &WriteResult{File: e.File, Entry: e, Changes: e.Changes}, nil
}

// undoTarget finds the newest entry that is neither an undo nor undone.
func undoTarget(newestFirst []history.Entry) (history.Entry, bool) {
	undone := map[string]bool{}
	for _, e := range newestFirst {
		if e.Undo {
			undone[e.UndoOf] = true
			continue
		}
		if !undone[e.ID] {
			return e, true
		}
	}
	return history.Entry{}, false
}

func invert(cs []history.Change) []history.Change {
	out := make([]history.Change, len(cs))
	for i, c := range cs {
		out[i] = history.Change{Key: c.Key, Old: c.New, OldSet: !c.Unset, New: c.Old, Unset: !c.OldSet, Line: c.Line}
	}
	return out
}
