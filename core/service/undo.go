package service

import (
	"bytes"
	"errors"
	"io/fs"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
)

// Undo reverts the newest write that has not been undone yet, restoring the
// env file's bytes exactly as they were before it. It refuses if the file has
// changed since that write, or if a history entry newer than it is damaged.
func (s *Service) Undo() (*WriteResult, error) {
	h, unlock, err := s.locked()
	if err != nil {
		return nil, err
	}
	defer unlock()
	for {
		entries, damaged, err := h.Scan()
		if err != nil {
			return nil, err
		}
		target, ok := undoTarget(entries)
		if d, bad := newestDamaged(damaged, target, ok); bad {
			p := core.NewProblem(core.SeverityError, "", "history-damaged", map[string]string{"Path": d.File, "Reason": d.Err.Error()})
			p.File = d.File
			return nil, &core.RefusedError{Problems: []core.Problem{p}}
		}
		if !ok {
			return nil, core.Refuse("", "nothing-to-undo", nil)
		}
		if s.neverLanded(entries, target) {
			// Recorded, but the write never reached the file (the process
			// died between the two): drop the record and look further.
			if err := h.Remove(target.ID); err != nil {
				return nil, err
			}
			continue
		}
		return s.restore(h, target, "undo: ", false)
	}
}

// neverLanded reports whether target, the newest entry of all, was recorded
// but its file still holds the bytes before it, not after: a write that
// recording first left unfinished.
func (s *Service) neverLanded(newestFirst []history.Entry, target history.Entry) bool {
	if len(newestFirst) == 0 || newestFirst[0].ID != target.ID || target.Locked != nil {
		return false
	}
	if target.Registry != nil {
		return s.registryNeverLanded(target)
	}
	cur, err := core.ReadFile(target.File)
	existed := err == nil
	return (err == nil || errors.Is(err, fs.ErrNotExist)) && existed == target.BeforeExisted &&
		bytes.Equal(cur, target.Before) && !bytes.Equal(cur, target.After)
}

// restore writes back the bytes before target, if the file still holds
// the bytes after it, and records that as an undo of target (a redo when
// redo: target is then an undo itself). The record is made first, and
// removed again if the file cannot be written. The caller holds the lock.
func (s *Service) restore(h *history.Store, target history.Entry, prefix string, redo bool) (*WriteResult, error) {
	if target.Locked != nil {
		return nil, target.Locked // its bytes are sealed under a key the keyring cannot give
	}
	if target.Registry != nil {
		return s.restoreRegistry(h, target, prefix, redo)
	}
	cur, err := core.ReadFile(target.File)
	existed := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, core.NewError("file.read", map[string]string{"Path": target.File}, err)
	}
	removed := target.Undo && target.After == nil // a redo of an undo that removed the file
	if existed == removed || existed && !bytes.Equal(cur, target.After) {
		return nil, errChanged(target.File)
	}
	if target.BeforeExisted {
		if err := envfile.CheckReplaceable(target.File); err != nil {
			return nil, replaceRefusal(target.File, err)
		}
	}
	e, err := h.Add(history.Entry{
		Time: s.opts.Now(), File: target.File, Summary: prefix + target.Summary,
		Changes: invert(target.Changes), BeforeExisted: existed, Before: cur,
		After: target.Before, Undo: true, UndoOf: target.ID, Redo: redo, Source: s.opts.Source,
	})
	if err != nil {
		return nil, recordRefusal(h, err)
	}
	if target.BeforeExisted {
		err = envfile.WriteAtomic(target.File, target.Before, cur, existed)
	} else {
		err = envfile.RemoveIf(target.File, cur)
	}
	if err != nil {
		h.Remove(e.ID)
		if errors.Is(err, envfile.ErrChanged) {
			return nil, errChanged(target.File)
		}
		return nil, replaceRefusal(target.File, err)
	}
	return &WriteResult{File: e.File, Entry: e, Changes: e.Changes}, nil
}

// newestDamaged returns the newest damaged entry if it is newer than the
// undo target (or there is no target): undoing past it would skip a write
// that cannot be read.
func newestDamaged(damaged []history.Damaged, target history.Entry, ok bool) (history.Damaged, bool) {
	if len(damaged) == 0 {
		return history.Damaged{}, false
	}
	d := damaged[0]
	return d, !ok || d.ID > target.ID
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

// Overwritten reports the keys of Go Mirror's newest env-file write, if it
// was made within the last window, whose values another program (go env -w,
// an editor) has changed since: the "overwritten" warning, or nil. The
// app's live watcher asks after each outside change of the env file.
func (s *Service) Overwritten(window time.Duration) []core.Problem {
	h, err := s.history()
	if err != nil {
		return nil
	}
	entries, err := h.List()
	if err != nil || len(entries) == 0 {
		return nil
	}
	e := entries[0]
	if e.Undo || e.Registry != nil || e.Locked != nil || s.opts.Now().Sub(e.Time) > window || e.Changes == nil {
		return nil
	}
	set := map[string]string{}
	var unset []string
	after := envfile.Index(envfile.Parse(e.After), true)
	for _, c := range e.Changes {
		if c.Line != 0 {
			return nil // a shell startup file
		}
		if c.Unset {
			unset = append(unset, c.Key)
		} else if a, ok := after[c.Key]; ok {
			set[c.Key] = a.Value // the real value: c.New may be masked
		}
	}
	return survived(e.File, e.After, set, unset)
}
