package service

import (
	"slices"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Apply sets and unsets several keys of the user env file in one atomic
// write with one history entry, so that one Undo restores every key at once.
// Each set key is validated as Set does and each unset key as Unset does,
// against base (a fresh resolution if nil); nothing is written if any
// problem is an error, or if the file changed on disk since base was read.
// Warnings, such as an OS variable that shadows a key, are returned in the
// result.
func (s *Service) Apply(base *resolve.Resolution, set map[string]string, unset []string) (*WriteResult, error) {
	if len(set) == 0 && len(unset) == 0 {
		return nil, core.Refuse("", "nothing-to-apply", nil)
	}
	if base == nil {
		base = s.Resolve()
	}
	for _, k := range unset {
		if _, ok := set[k]; ok {
			return nil, core.Refuse(k, "usage", map[string]string{"Case": "set-and-unset"})
		}
	}
	return s.edit(base, set, unset, func(r *resolve.Resolution) []core.Problem {
		var problems []core.Problem
		for _, k := range sortedKeys(set) {
			problems = append(problems, validate.Set(r, k, set[k])...)
		}
		for _, k := range unset {
			problems = append(problems, validate.Unset(r, k)...)
		}
		return problems
	})
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ApplyProfile checks and writes the plan pl over base in one step, as
// Apply does, then marks its profile active in st. A plan that changes
// nothing only marks it, and the result is nil. A store without a
// directory (no user config directory) marks nothing. The GUI and
// gomirrorctl both apply profiles through it.
func (s *Service) ApplyProfile(st profile.Store, base *resolve.Resolution, pl profile.Plan) (*WriteResult, error) {
	if err := pl.Err(); err != nil {
		return nil, err
	}
	var res *WriteResult
	if !pl.Empty() {
		var err error
		if res, err = s.Apply(base, pl.Sets(), pl.Unsets()); err != nil {
			return nil, err
		}
	}
	if st.Dir == "" {
		return res, nil
	}
	return res, st.SetActive(pl.Profile)
}
