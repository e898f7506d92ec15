package fix

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin"
)

// UserEnvKey is the registry key of the Windows user environment variables,
// which Explorer gives every app (and terminal) it starts.
const UserEnvKey = `HKCU\Environment`

// SystemEnvKey is the registry key of the Windows system environment
// variables, which only an administrator can change.
const SystemEnvKey = `HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment`

// UserEnv is the store of the Windows user environment variables
// (HKCU\Environment): OSUserEnv on Windows, a map in tests.
type UserEnv interface {
	// Get returns the value name holds, unexpanded, and its type; ok is
	// false when there is none.
	Get(name string) (v history.RegistryValue, ok bool, err error)
	// Set writes name with the value and type of v.
	Set(name string, v history.RegistryValue) error
	// Delete removes name.
	Delete(name string) error
	// Changed tells running programs (Explorer) that the environment
	// changed, so that apps they start from then on see it.
	Changed()
}

// UserVarPlan is the removal of one Windows user environment variable, not
// yet applied: what is removed, for a preview.
type UserVarPlan struct {
	Var  string `json:"var"`
	Key  string `json:"key"`
	Type string `json:"type"` // history.RegSZ or history.RegExpandSZ
	// Value is the value as stored (unexpanded), with passwords masked.
	Value string `json:"value"`
	// Preview shows the value removed as "reg query" lists it, prefixed
	// with "-" (masked).
	Preview string `json:"preview"`
	Summary string `json:"summary"`
	// Old is the value removed, unmasked: undo restores it.
	Old history.RegistryValue `json:"-"`
}

// errNoUserEnv is the refusal of a registry fix where there is no registry.
func errNoUserEnv(name string) error {
	return core.Refuse(name, "user-var-not-windows", nil)
}

// PlanRemoveUserVar plans removing the Go variable name from the user
// environment variables env holds (nil: there are none, not Windows). It
// refuses a name that is not a Go variable, and one env does not hold.
func PlanRemoveUserVar(env UserEnv, name string) (*UserVarPlan, error) {
	name = strings.ToUpper(name)
	if env == nil {
		return nil, errNoUserEnv(name)
	}
	if !origin.IsGoVar(name) {
		return nil, core.Refuse("", "user-var-unknown", map[string]string{"Name": name})
	}
	v, ok, err := env.Get(name)
	if err != nil {
		return nil, core.NewError("fix.uservar-read", map[string]string{"Var": name, "Key": UserEnvKey}, err)
	}
	if !ok {
		return nil, core.Refuse(name, "user-var-missing", map[string]string{"Key": UserEnvKey})
	}
	masked := core.MaskUserinfo(v.Data)
	return &UserVarPlan{
		Var: name, Key: UserEnvKey, Type: v.Type, Value: masked, Old: v,
		Preview: RegPreview(name, history.RegistryValue{Data: masked, Type: v.Type}),
		Summary: fmt.Sprintf("remove %s from the Windows user environment variables (%s)", name, UserEnvKey),
	}, nil
}

// RegPreview shows a value being removed from HKCU\Environment the way
// "reg query" lists it, its line prefixed with "-".
func RegPreview(name string, v history.RegistryValue) string {
	return "  HKEY_CURRENT_USER\\Environment\n-    " + name + "    " + v.Type + "    " + v.Data + "\n"
}

// RemoveUserVar applies p: it records the removal in store (so that undo
// restores the value and its type), then deletes the value, refusing if it
// changed since the plan was made, and tells running programs. Recording
// first means a change always has its undo: if the value cannot be
// deleted, the record is removed again. The caller holds the write lock.
func RemoveUserVar(env UserEnv, p *UserVarPlan, store *history.Store, now time.Time, source string) (history.Entry, error) {
	if env == nil {
		return history.Entry{}, errNoUserEnv(p.Var)
	}
	old := p.Old
	if err := expect(env, p.Var, &old); err != nil {
		return history.Entry{}, err
	}
	e, err := store.Add(history.Entry{
		Time: now, File: p.Key, Summary: core.MaskUserinfo(p.Summary), Source: source,
		Changes:  []history.Change{{Key: p.Var, Old: p.Value, OldSet: true, Unset: true}},
		Registry: &history.RegistryChange{Key: p.Key, Name: p.Var, Before: &old},
	})
	if ke := (*history.KeyringError)(nil); errors.As(err, &ke) {
		return e, core.Refuse("", "history-secret-no-keyring", map[string]string{"Reason": ke.Error()})
	}
	if err != nil {
		return e, core.Refuse("", "history-unwritable", map[string]string{"Dir": store.Dir, "Reason": err.Error()})
	}
	if err := env.Delete(p.Var); err != nil {
		store.Remove(e.ID)
		return history.Entry{}, core.NewError("fix.uservar-remove", map[string]string{"Var": p.Var, "Key": UserEnvKey}, err)
	}
	env.Changed()
	return e, nil
}

// ApplyRegistry makes the registry value of c hold c.After again,
// refusing if it does not hold c.Before now (someone changed it since),
// and tells running programs. Undo and redo apply a change's Inverse.
func ApplyRegistry(env UserEnv, c history.RegistryChange) error {
	if env == nil || c.Key != UserEnvKey {
		return errNoUserEnv(c.Name)
	}
	if err := expect(env, c.Name, c.Before); err != nil {
		return err
	}
	var err error
	if c.After == nil {
		err = env.Delete(c.Name)
	} else {
		err = env.Set(c.Name, *c.After)
	}
	if err != nil {
		return core.NewError("fix.uservar-change", map[string]string{"Var": c.Name, "Key": UserEnvKey}, err)
	}
	env.Changed()
	return nil
}

// RegistryHolds reports whether the user variable name holds v now (nil:
// absent).
func RegistryHolds(env UserEnv, name string, v *history.RegistryValue) bool {
	return CheckRegistry(env, name, v) == nil
}

// CheckRegistry refuses (user-var-changed) unless the user variable name
// holds v now (nil: absent).
func CheckRegistry(env UserEnv, name string, v *history.RegistryValue) error {
	if env == nil {
		return errNoUserEnv(name)
	}
	return expect(env, name, v)
}

// expect refuses unless name holds want (nil: absent) in env.
func expect(env UserEnv, name string, want *history.RegistryValue) error {
	cur, ok, err := env.Get(name)
	if err != nil {
		return core.NewError("fix.uservar-read", map[string]string{"Var": name, "Key": UserEnvKey}, err)
	}
	if ok != (want != nil) || ok && cur != *want {
		return core.Refuse(name, "user-var-changed", map[string]string{"Key": UserEnvKey})
	}
	return nil
}

// ElevatedRemoveCommand is the command that removes the system environment
// variable name, run in PowerShell as an administrator: it also tells
// running programs, as the System Properties dialog does.
func ElevatedRemoveCommand(name string) string {
	return `[Environment]::SetEnvironmentVariable('` + name + `', $null, 'Machine')`
}

// MemUserEnv is a UserEnv in memory, for tests: a map from name to value
// (names compared without case, as Windows does), counting Changed calls.
type MemUserEnv struct {
	Vars     map[string]history.RegistryValue
	Notified int // Changed calls
}

// Get implements UserEnv.
func (m *MemUserEnv) Get(name string) (history.RegistryValue, bool, error) {
	for k, v := range m.Vars {
		if strings.EqualFold(k, name) {
			return v, true, nil
		}
	}
	return history.RegistryValue{}, false, nil
}

// Set implements UserEnv.
func (m *MemUserEnv) Set(name string, v history.RegistryValue) error {
	m.Delete(name)
	if m.Vars == nil {
		m.Vars = map[string]history.RegistryValue{}
	}
	m.Vars[name] = v
	return nil
}

// Delete implements UserEnv.
func (m *MemUserEnv) Delete(name string) error {
	for k := range m.Vars {
		if strings.EqualFold(k, name) {
			delete(m.Vars, k)
		}
	}
	return nil
}

// Changed implements UserEnv.
func (m *MemUserEnv) Changed() { m.Notified++ }
