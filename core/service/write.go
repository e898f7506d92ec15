package service

import (
	"bytes"
	"errors"
	"io/fs"
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
		return nil, core.Refuse("", "usage", map[string]string{"Case": "no-args", "Example": "GOPROXY=https://mirror.example.test,direct"})
	}
	seen := map[string]bool{}
	var out []core.Assignment
	for _, arg := range args {
		k, v, ok := strings.Cut(arg, "=")
		if !ok {
			return nil, core.Refuse("", "usage", map[string]string{"Case": "not-key-value", "Arg": arg})
		}
		if seen[k] {
			return nil, core.Refuse(k, "usage", map[string]string{"Case": "repeated"})
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
		return nil, core.Refuse("", "usage", map[string]string{"Case": "no-args"})
	}
	set := map[string]string{}
	for _, a := range as {
		set[a.Key] = a.Value
	}
	if base == nil {
		base = s.Resolve()
	}
	return s.edit(base, set, nil, func(r *resolve.Resolution) []core.Problem {
		var problems []core.Problem
		for _, a := range as {
			problems = append(problems, validate.Set(r, a.Key, a.Value)...)
		}
		return problems
	})
}

// Unset removes keys from the user env file as go env -u would.
func (s *Service) Unset(base *resolve.Resolution, keys []string) (*WriteResult, error) {
	if len(keys) == 0 {
		return nil, core.Refuse("", "usage", map[string]string{"Case": "no-names"})
	}
	if base == nil {
		base = s.Resolve()
	}
	if base.EnvFile.State == resolve.FileMissing {
		return nil, core.Refuse("", "nothing-to-unset", map[string]string{"File": base.EnvFile.Path})
	}
	return s.edit(base, nil, keys, func(r *resolve.Resolution) []core.Problem {
		var problems []core.Problem
		for _, k := range keys {
			problems = append(problems, validate.Unset(r, k)...)
		}
		return problems
	})
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
		p = core.NewProblem(core.SeverityError, "GOENV", "env-file-unreadable", map[string]string{"Path": f.Path, "Reason": f.Reason, "Cause": f.Cause})
	default:
		return nil
	}
	return &core.RefusedError{Problems: []core.Problem{p}}
}

// maxEditTries bounds how often edit re-reads and re-applies a key-level
// edit when the file changed underneath it without touching its keys.
const maxEditTries = 5

// edit validates and writes a key-level edit of the user env file: set and
// unset keys, checked by check against a resolution. It holds the write
// lock of Go Mirror's writers (see [history.Store.Lock]) from the final
// read to the history record. When the file changed since base was read
// (another writer, go env -w, an editor) but none of the edited keys did,
// the edit is applied again to the current file and validated again, up
// to maxEditTries times; a change to an edited key is refused, naming it.
func (s *Service) edit(base *resolve.Resolution, set map[string]string, unset []string, check func(*resolve.Resolution) []core.Problem) (*WriteResult, error) {
	if err := writable(base); err != nil {
		return nil, err
	}
	problems := check(base)
	if errs := core.Errors(problems); len(errs) > 0 {
		return nil, &core.RefusedError{Problems: errs}
	}
	h, unlock, err := s.locked()
	if err != nil {
		return nil, err
	}
	defer unlock()
	for try := 1; ; try++ {
		if cur := s.Resolve(); !sameFile(base.EnvFile, cur.EnvFile) {
			if err := keysChanged(base, cur, set, unset); err != nil {
				return nil, err
			}
			base = cur
			if err := writable(base); err != nil {
				return nil, err
			}
			problems = check(base)
			if errs := core.Errors(problems); len(errs) > 0 {
				return nil, &core.RefusedError{Problems: errs}
			}
		}
		after := envfile.Edit(base.EnvFile.Data, set, unset)
		changes := changesOf(base, set, unset)
		e, err := s.writeFile(h, base.EnvFile, after, history.Entry{Summary: summarize(changes), Changes: changes})
		if errors.Is(err, errRetry) && try < maxEditTries {
			continue
		}
		if errors.Is(err, errRetry) {
			return nil, errChanged(base.EnvFile.AbsPath)
		}
		if err != nil {
			return nil, err
		}
		problems = append(problems, survived(e.File, after, set, unset)...)
		return &WriteResult{File: e.File, Entry: e, Changes: changes, Warnings: problems}, nil
	}
}

// sameFile reports whether two reads of the env file found the same thing.
func sameFile(a, b resolve.EnvFile) bool {
	return a.AbsPath == b.AbsPath && a.State == b.State && bytes.Equal(a.Data, b.Data)
}

// keysChanged refuses the edit when one of its keys has a different line
// in the user file now (cur) than when the edit was made (base).
func keysChanged(base, cur *resolve.Resolution, set map[string]string, unset []string) error {
	was := envfile.Index(base.EnvFile.Entries, true)
	now := envfile.Index(cur.EnvFile.Entries, true)
	var changed []string
	for _, k := range append(sortedKeys(set), unset...) {
		a, aok := was[k]
		b, bok := now[k]
		if aok != bok || a.Value != b.Value {
			changed = append(changed, k)
		}
	}
	if base.EnvFile.AbsPath != cur.EnvFile.AbsPath {
		return errChanged(base.EnvFile.AbsPath)
	}
	if len(changed) == 0 {
		return nil
	}
	p := core.NewProblem(core.SeverityError, changed[0], "key-changed", map[string]string{"Keys": strings.Join(changed, ", "), "Path": cur.EnvFile.AbsPath})
	p.File = cur.EnvFile.AbsPath
	return &core.RefusedError{Problems: []core.Problem{p}}
}

// survived reads the env file again after a write and warns about each
// edited key whose value is no longer what was written: a writer that does
// not take Go Mirror's lock (go env -w, an editor) replaced the file in the
// moment after the rename.
func survived(path string, after []byte, set map[string]string, unset []string) []core.Problem {
	data, err := core.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) || bytes.Equal(data, after) {
		return nil
	}
	now := envfile.Index(envfile.Parse(data), true)
	var lost []string
	for _, k := range sortedKeys(set) {
		if e, ok := now[k]; !ok || e.Value != set[k] {
			lost = append(lost, k)
		}
	}
	for _, k := range unset {
		if _, ok := now[k]; ok {
			lost = append(lost, k)
		}
	}
	if len(lost) == 0 {
		return nil
	}
	p := core.NewProblem(core.SeverityWarning, lost[0], "overwritten", map[string]string{"Keys": strings.Join(lost, ", "), "Path": path})
	p.File = path
	return []core.Problem{p}
}

// changesOf lists the keys an edit changes, old and new value, with any
// password in a URL masked (core.MaskUserinfo): the changes are shown and
// kept in the history's summary. The bytes before and after, which undo
// restores, are the env file's own.
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
		out = append(out, history.Change{Key: k, Old: core.MaskUserinfo(old.Value), OldSet: ok, New: core.MaskUserinfo(set[k])})
	}
	for _, k := range unset {
		old, ok := user[k]
		out = append(out, history.Change{Key: k, Old: core.MaskUserinfo(old.Value), OldSet: ok, Unset: true})
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
