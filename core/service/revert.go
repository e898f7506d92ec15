package service

import (
	"slices"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
)

// Revert undoes the history entry id, which need not be the newest: each
// key it changed is set back to its value before it (or removed again).
// It refuses, naming the later write, when a key no longer holds what the
// entry wrote, since reverting would silently throw that later change
// away. The newest entry not undone is restored byte for byte, as Undo
// does. The revert is recorded as an undo of id, so Redo can make it
// again.
func (s *Service) Revert(id string) (*WriteResult, error) {
	h, unlock, err := s.locked()
	if err != nil {
		return nil, err
	}
	defer unlock()
	entries, err := h.List()
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(entries, func(e history.Entry) bool { return e.ID == id })
	if i < 0 {
		return nil, core.NewError("history.not-found-id", map[string]string{"ID": id}, history.ErrNotFound)
	}
	target := entries[i]
	if target.Undo {
		if t, ok := redoTarget(entries); ok && t.ID == id {
			return s.restore(h, target, "redo: ", true)
		}
		return nil, core.Refuse("", "revert-is-undo", nil)
	}
	if UndoneIDs(entries)[id] {
		return nil, core.Refuse("", "revert-undone", nil)
	}
	if t, ok := undoTarget(entries); ok && t.ID == id || target.Registry != nil {
		// A registry value stands alone: reverting it restores it exactly,
		// if it still holds what the entry left.
		return s.restore(h, target, "undo: ", false)
	}
	return s.revertKeys(h, entries[:i], target)
}

// revertKeys reverts target key by key; later lists the entries after it,
// newest first.
//
// The values come from the entry's bytes before and after, not from its
// Changes, whose values are masked (core.MaskUserinfo) for display.
func (s *Service) revertKeys(h *history.Store, later []history.Entry, target history.Entry) (*WriteResult, error) {
	if target.Locked != nil {
		return nil, target.Locked
	}
	if slices.ContainsFunc(target.Changes, func(c history.Change) bool { return c.Line > 0 }) {
		return nil, core.Refuse("", "revert-not-newest", map[string]string{"Path": target.File})
	}
	r := s.Resolve()
	if err := writable(r); err != nil {
		return nil, err
	}
	if r.EnvFile.AbsPath != target.File {
		return nil, core.Refuse("", "revert-other-file", map[string]string{"Path": target.File, "Current": r.EnvFile.AbsPath})
	}
	cur := envfile.Index(r.EnvFile.Entries, true)
	before := envfile.Index(envfile.Parse(target.Before), true)
	wrote := envfile.Index(envfile.Parse(target.After), true)
	set, unset := map[string]string{}, []string(nil)
	for _, c := range target.Changes {
		v, ok := cur[c.Key]
		w, wok := wrote[c.Key]
		if ok != wok || ok && v.Value != w.Value {
			return nil, laterWrite(later, c.Key, core.MaskUserinfo(v.Value), ok)
		}
		if b, bok := before[c.Key]; bok {
			set[c.Key] = b.Value
		} else {
			unset = append(unset, c.Key)
		}
	}
	after := envfile.Edit(r.EnvFile.Data, set, unset)
	changes := changesOf(r, set, unset)
	e, err := s.writeFile(h, r.EnvFile, after, history.Entry{
		Summary: "revert: " + target.Summary, Changes: changes, Undo: true, UndoOf: target.ID})
	if err != nil {
		return nil, err
	}
	return &WriteResult{File: e.File, Entry: e, Changes: changes}, nil
}

// laterWrite is the refusal to revert key, which now holds now (set says
// whether the file has it): it names the newest later entry that changed
// key, if Go Mirror made it.
func laterWrite(later []history.Entry, key, now string, set bool) error {
	args := map[string]string{"Key": key, "Now": now}
	if !set {
		args["Now"] = "unset"
	}
	for _, e := range later {
		if slices.ContainsFunc(e.Changes, func(c history.Change) bool { return c.Key == key }) {
			args["Later"], args["Time"] = e.Summary, e.Time.Local().Format("2006-01-02 15:04:05")
			break
		}
	}
	return core.Refuse("", "revert-later-write", args)
}

// Redo reverts the newest undo, if no write came after it: the change it
// undid is made again, byte for byte.
func (s *Service) Redo() (*WriteResult, error) {
	h, unlock, err := s.locked()
	if err != nil {
		return nil, err
	}
	defer unlock()
	entries, err := h.List()
	if err != nil {
		return nil, err
	}
	target, ok := redoTarget(entries)
	if !ok {
		return nil, core.Refuse("", "nothing-to-redo", nil)
	}
	return s.restore(h, target, "redo: ", true)
}

// redoTarget finds the newest undo that is not redone yet, unless a write
// that is not an undo came after it.
func redoTarget(newestFirst []history.Entry) (history.Entry, bool) {
	redone := map[string]bool{}
	for _, e := range newestFirst {
		switch {
		case e.Redo:
			redone[e.UndoOf] = true
		case !e.Undo:
			return history.Entry{}, false
		case !redone[e.ID]:
			return e, true
		}
	}
	return history.Entry{}, false
}

// UndoneIDs returns the IDs of the entries whose change is undone now: an
// undo marks the entry it undid, unless a redo undid that undo in turn.
func UndoneIDs(newestFirst []history.Entry) map[string]bool {
	undone := map[string]bool{}
	for _, e := range newestFirst {
		if e.Undo && !undone[e.ID] {
			undone[e.UndoOf] = true
		}
	}
	return undone
}
