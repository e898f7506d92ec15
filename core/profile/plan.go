package profile

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Change is one key a plan changes in the user env file.
type Change struct {
	Key    string `json:"key"`
	Action Action `json:"action"` // Set or Unset
	// Old is the env file's current value; OldSet says whether the file has
	// the key at all.
	Old    string `json:"old"`
	OldSet bool   `json:"old_set"`
	New    string `json:"new,omitempty"` // for Set
	// Effective is the value the go command uses now, from whichever layer.
	Effective string `json:"effective"`
	// Shadowed reports that the OS environment sets the key, so the change
	// has no effect until that variable is removed.
	Shadowed bool `json:"shadowed,omitempty"`
}

// Plan is what applying a profile would change: the diff preview.
type Plan struct {
	Profile  string         `json:"profile"`
	Changes  []Change       `json:"changes"`
	Problems []core.Problem `json:"problems,omitempty"`
}

// NewPlan compares p with the env file of r. Changes lists, in Keys order,
// only the keys whose file line would change; Problems holds Check's
// problems and those of each unset, including a warning for every key the
// OS environment shadows.
func NewPlan(r *resolve.Resolution, p Profile) Plan {
	pl := Plan{Profile: p.Name, Problems: Check(r, p)}
	for _, k := range Keys {
		c := p.Get(k)
		old, inFile := fileValue(r, k)
		ch := Change{Key: k, Action: c.Action, Old: old, OldSet: inFile, Effective: r.Value(k), Shadowed: r.OSEnv(k) != ""}
		switch {
		case c.Action == Set && (!inFile || old != c.Value):
			ch.New = c.Value
			ch.Shadowed = ch.Shadowed && r.OSEnv(k) != c.Value
		case c.Action == Unset && inFile:
			pl.Problems = append(pl.Problems, p.located(validate.Unset(r, k))...)
		default:
			continue
		}
		pl.Changes = append(pl.Changes, ch)
	}
	return pl
}

// Empty reports whether applying the plan would change nothing: the env
// file already matches the profile.
func (pl Plan) Empty() bool { return len(pl.Changes) == 0 }

// Errors returns the problems that refuse the plan.
func (pl Plan) Errors() []core.Problem { return core.Errors(pl.Problems) }

// Err returns nil if the plan may be applied, or the refusal: an
// *InvalidError naming the profile file's lines when the profile was read
// from a file, else a *core.RefusedError.
func (pl Plan) Err() error {
	errs := pl.Errors()
	switch {
	case len(errs) == 0:
		return nil
	case errs[0].File != "":
		return &InvalidError{File: errs[0].File, Problems: errs}
	}
	return &core.RefusedError{Problems: errs}
}

// Warnings returns the problems of severity warning, such as a key the OS
// environment shadows.
func (pl Plan) Warnings() []core.Problem {
	var out []core.Problem
	for _, p := range pl.Problems {
		if p.Severity == core.SeverityWarning {
			out = append(out, p)
		}
	}
	return out
}

// Sets returns the keys to set, for service.Apply.
func (pl Plan) Sets() map[string]string {
	m := map[string]string{}
	for _, c := range pl.Changes {
		if c.Action == Set {
			m[c.Key] = c.New
		}
	}
	return m
}

// Unsets returns the keys to remove, for service.Apply.
func (pl Plan) Unsets() []string {
	var out []string
	for _, c := range pl.Changes {
		if c.Action == Unset {
			out = append(out, c.Key)
		}
	}
	return out
}

// Matches reports whether the env file of r already holds exactly what p
// sets and unsets.
func Matches(r *resolve.Resolution, p Profile) bool { return NewPlan(r, p).Empty() }

// fileValue returns the user env file's effective line for key.
func fileValue(r *resolve.Resolution, key string) (string, bool) {
	e, ok := envfile.Index(r.EnvFile.Entries, true)[key]
	return e.Value, ok
}

// Drift returns the keys whose env file value no longer matches p, in Keys
// order: what changed since p was applied, when p is the active profile.
// It is empty when the env file still holds exactly what p sets and
// unsets.
func Drift(r *resolve.Resolution, p Profile) []string {
	var keys []string
	for _, c := range NewPlan(r, p).Changes {
		keys = append(keys, c.Key)
	}
	return keys
}
