package service

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
)

// Undo reverts the newest write that has not been undone yet, restoring the
// env file's bytes exactly as they were before it. It refuses if the file has
// changed since that write.
func (s *Service) Undo() (*WriteResult, error) {
	h, entries, err := s.entries()
	if err != nil {
		return nil, err
	}
	target, ok := undoTarget(entries)
	if !ok {
		return nil, refused("", "nothing-to-undo", "There is nothing to undo.", "")
	}
	return s.restore(h, target, "undo: ", false)
}

// restore writes back the bytes before target, if the file still holds
// the bytes after it, and records that as an undo of target (a redo when
// redo: target is then an undo itself).
func (s *Service) restore(h *history.Store, target history.Entry, prefix string, redo bool) (*WriteResult, error) {
	cur, err := os.ReadFile(target.File)
	existed := err == nil
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("reading %s: %w", target.File, err)
	}
	removed := target.Undo && target.After == nil // a redo of an undo that removed the file
	if existed == removed || existed && !bytes.Equal(cur, target.After) {
		return nil, errChanged(target.File)
	}
	if target.BeforeExisted {
		err = envfile.WriteAtomic(target.File, target.Before, cur, existed)
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
		Time: s.opts.Now(), File: target.File, Summary: prefix + target.Summary,
		Changes: invert(target.Changes), BeforeExisted: existed, Before: cur,
		After: target.Before, Undo: true, UndoOf: target.ID, Redo: redo, Source: s.opts.Source,
	}
	if e, err = h.Add(e); err != nil {
		return nil, err
	}
	return &WriteResult{File: e.File, Entry: e, Changes: e.Changes}, nil
}

// undoTarget finds the newest entry that is neither an undo nor undone
// (an undo that a redo reverted does not count).
func undoTarget(newestFirst []history.Entry) (history.Entry, bool) {
	undone := map[string]bool{}
	for _, e := range newestFirst {
		if e.Undo {
			if !undone[e.ID] {
				undone[e.UndoOf] = true
			}
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
