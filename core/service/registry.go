package service

import (
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin/fix"
)

// PlanRemoveUserVar plans removing the Go variable name from the Windows
// user environment variables (HKCU\Environment), where it overrides the
// user env file for apps and terminals started from then on: the plan
// shows exactly what is removed, for a confirmation. It refuses on other
// systems, and when there is no such variable.
func (s *Service) PlanRemoveUserVar(name string) (*fix.UserVarPlan, error) {
	return fix.PlanRemoveUserVar(s.opts.UserEnv, name)
}

// RemoveUserVar applies a plan of PlanRemoveUserVar: the removal is
// recorded in the history first (value and type), so that Undo, Revert and
// Redo restore it exactly, then made, refusing if the value changed since
// the plan. Programs already running keep their copy of the variable.
func (s *Service) RemoveUserVar(p *fix.UserVarPlan) (*WriteResult, error) {
	h, unlock, err := s.locked()
	if err != nil {
		return nil, err
	}
	defer unlock()
	e, err := fix.RemoveUserVar(s.opts.UserEnv, p, h, s.opts.Now(), s.opts.Source)
	if err != nil {
		return nil, err
	}
	return &WriteResult{File: e.File, Entry: e, Changes: e.Changes}, nil
}

// restoreRegistry undoes (or, with redo, makes again) the registry change
// of target, if the value still holds what target left, and records that
// as an undo of target. The record is made first, and removed again if the
// value cannot be changed. The caller holds the lock.
func (s *Service) restoreRegistry(h *history.Store, target history.Entry, prefix string, redo bool) (*WriteResult, error) {
	back := target.Registry.Inverse()
	if err := fix.CheckRegistry(s.opts.UserEnv, back.Name, back.Before); err != nil {
		return nil, err
	}
	e, err := h.Add(history.Entry{
		Time: s.opts.Now(), File: target.File, Summary: prefix + target.Summary,
		Changes: invert(target.Changes), Registry: back,
		Undo: true, UndoOf: target.ID, Redo: redo, Source: s.opts.Source,
	})
	if err != nil {
		return nil, recordRefusal(h, err)
	}
	if err := fix.ApplyRegistry(s.opts.UserEnv, *back); err != nil {
		h.Remove(e.ID)
		return nil, err
	}
	return &WriteResult{File: e.File, Entry: e, Changes: e.Changes}, nil
}

// registryNeverLanded reports whether target, a registry change, was
// recorded but the value still holds what it held before: a change that
// recording first left unfinished.
func (s *Service) registryNeverLanded(target history.Entry) bool {
	c := target.Registry
	return fix.RegistryHolds(s.opts.UserEnv, c.Name, c.Before) && !fix.RegistryHolds(s.opts.UserEnv, c.Name, c.After)
}
