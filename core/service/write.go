package service

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// ParseAssignments parses "KEY=VALUE" arguments as go env -w does.
func ParseAssignments(args []string) ([]core.Assignment, error) {
	if len(args) == 0 {
		return nil, core.Refused("", "usage", "No KEY=VALUE arguments given.", "Give at least one, e.g. GOPROXY=https://mirror.example.test,direct.")
	}
	seen := map[string]bool{}
	var out []core.Assignment
	for _, arg := range args {
		k, v, ok := strings.Cut(arg, "=")
		if !ok {
			return nil, core.Refused("", "usage", fmt.Sprintf("Arguments must be KEY=VALUE: invalid argument: %s", arg), "Write it as KEY=VALUE; use unset to remove a key.")
		}
		if seen[k] {
			return nil, core.Refused(k, "usage", "Multiple values for key: "+k, "Give each key once.")
		}
		seen[k] = true
		out = append(out, core.Assignment{Key: k, Value: v})
	}
	return out, nil
}

// WriteResult describes a completed write.
type WriteResult struct {
	File     string           `json:"file"`
	Entry    history.Entry    `json:"-"`
	Changes  []history.Change `json:"changes"`
	Warnings []core.Problem   `json:"warnings,omitempty"`
}

// Set writes the assignments to the user env file as go env -w would, after
// validating each one against base (a fresh resolution if nil). Nothing is
// written if any problem is an error, or if the file changed on disk since
// base was read.
func (s *Service) Set(base *resolve.Resolution, as []core.Assignment) (*WriteResult, error) {
	if len(as) == 0 {
		return nil, core.Refused("", "usage", "No KEY=VALUE arguments given.", "")
	}
	set := map[string]string{}
	var problems []core.Problem
	if base == nil {
		base = s.Resolve()
	}
	for _, a := range as {
		set[a.Key] = a.Value
		problems = append(problems, validate.Set(base, a.Key, a.Value)...)
	}
	return s.edit(base, set, nil, problems)
}

// Unset removes keys from the user env file as go env -u would.
func (s *Service) Unset(base *resolve.Resolution, keys []string) (*WriteResult, error) {
	if len(keys) == 0 {
		return nil, core.Refused("", "usage", "Unset requires at least one variable name.", "")
	}
	if base == nil {
		base = s.Resolve()
	}
	if base.EnvFile.State == resolve.FileMissing {
		return nil, core.Refused("", "nothing-to-unset", "The env file "+base.EnvFile.Path+" does not exist, so there is nothing to unset.", "Nothing needs doing; if the value still comes from somewhere, run doctor to see where.")
	}
	var problems []core.Problem
	for _, k := range keys {
		problems = append(problems, validate.Unset(base, k)...)
	}
	return s.edit(base, nil, keys, problems)
}

// writable refuses env-file states the go command could not write
// sensibly, with the problem core/diagnose reports for them.
func writable(base *resolve.Resolution) error {
	f := base.EnvFile
	var p core.Problem
	switch f.State {
	case resolve.FileOff:
		p = core.NewProblem(core.SeverityError, "GOENV", "goenv-off", map[string]string{"@Hint": validate.OSRemoveSnippet(base.GOOS)})
	case resolve.FileUnavailable:
		p = core.NewProblem(core.SeverityError, "GOENV", "no-env-file", map[string]string{"Reason": f.Reason})
	case resolve.FileDirectory:
		p = core.NewProblem(core.SeverityError, "GOENV", "env-file-dir", map[string]string{"Path": f.Path})
	case resolve.FileUnreadable:
		p = core.NewProblem(core.SeverityError, "GOENV", "env-file-unreadable", map[string]string{"Path": f.Path, "Reason": f.Reason})
	default:
		return nil
	}
	return &core.RefusedError{Problems: []core.Problem{p}}
}

func (s *Service) edit(base *resolve.Resolution, set map[string]string, unset []string, problems []core.Problem) (*WriteResult, error) {
	if err := writable(base); err != nil {
		return nil, err
	}
	if errs := core.Errors(problems); len(errs) > 0 {
		return nil, &core.RefusedError{Problems: errs}
	}
	after := envfile.Edit(base.EnvFile.Data, set, unset)
	changes := changesOf(base, set, unset)
	e, err := s.writeFile(base.EnvFile, after, history.Entry{Summary: summarize(changes), Changes: changes})
	if err != nil {
		return nil, err
	}
	return &WriteResult{File: e.File, Entry: e, Changes: changes, Warnings: problems}, nil
}

func changesOf(base *resolve.Resolution, set map[string]string, unset []string) []history.Change {
	user := envfile.Index(base.EnvFile.Entries, true)
	var out []history.Change
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		old, ok := user[k]
		out = append(out, history.Change{Key: k, Old: old.Value, OldSet: ok, New: set[k]})
	}
	for _, k := range unset {
		old, ok := user[k]
		out = append(out, history.Change{Key: k, Old: old.Value, OldSet: ok, Unset: true})
	}
	return out
}

func summarize(cs []history.Change) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		if c.Unset {
			parts[i] = "unset " + c.Key
		} else {
			parts[i] = c.Key + "=" + c.New
		}
	}
	return strings.Join(parts, ", ")
}
