// Package fix changes rc files to resolve what core/origin/diag finds:
// commenting out the line that exports a Go variable, or rewriting it with
// another value. Every change is planned first (with a unified diff to
// preview), then applied with the same safety as env-file writes: a backup
// beside the file, an atomic replacement that refuses if the file changed
// since it was read, and a history entry whose undo restores the bytes
// exactly.
package fix

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
)

// Marker ends every line Go Mirror comments out, so a person can find it.
const Marker = "# disabled by Go Mirror"

// Plan is a one-line change to a file, not yet applied.
type Plan struct {
	File string `json:"file"` // absolute
	Line int    `json:"line"` // 1-based
	Var  string `json:"var"`
	Old  string `json:"old"` // the line now, without its line end
	New  string `json:"new"` // the line after the change
	// Diff is a unified diff of the change, for a preview.
	Diff    string `json:"diff"`
	Summary string `json:"summary"`
	// Warning says what else the change affects, if anything, in English:
	// the text WarningCode rendered from WarningArgs (see core.Text).
	Warning     string            `json:"warning,omitempty"`
	WarningCode string            `json:"-"`
	WarningArgs map[string]string `json:"-"`
	Before      []byte            `json:"-"`
	After       []byte            `json:"-"`
	// Created reports a file that does not exist yet (AppendLine): undo
	// removes it again.
	Created bool `json:"created,omitempty"`
	// appended reports a new line (AppendLine): it had no old value.
	appended bool
}

// Appends reports a plan that adds a new line (AppendLine).
func (p *Plan) Appends() bool { return p.appended }

// CommentOut plans to disable line n of file, which sets name: it becomes
// "# <line>  # disabled by Go Mirror". It refuses a line that is already a
// comment or is part of a continued (backslash) line.
func CommentOut(file string, n int, name string) (*Plan, error) {
	p, err := plan(file, n, name)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(strings.TrimSpace(p.Old), "#") {
		return nil, refused(p, "rc-line-commented", map[string]string{"Line": fmt.Sprint(n), "Path": file})
	}
	p.New = "# " + p.Old + "  " + Marker
	p.Summary = fmt.Sprintf("comment out %s in %s line %d", name, file, n)
	return finish(p), nil
}

// Replace plans to replace line n of file, which sets name, with text
// (for example ExportLine's), keeping the line's indentation.
func Replace(file string, n int, name, text string) (*Plan, error) {
	p, err := plan(file, n, name)
	if err != nil {
		return nil, err
	}
	if strings.ContainsAny(text, "\r\n") {
		return nil, core.NewError("fix.multi-line", map[string]string{"Path": file, "Line": fmt.Sprint(n)}, nil)
	}
	p.New = p.Old[:len(p.Old)-len(strings.TrimLeft(p.Old, " \t"))] + text
	p.Summary = fmt.Sprintf("set %s in %s line %d", name, file, n)
	return finish(p), nil
}

// plan reads file and checks that line n can be changed on its own.
func plan(file string, n int, name string) (*Plan, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, core.NewError("file.read", map[string]string{"Path": abs}, err)
	}
	ls := splitLines(data)
	p := &Plan{File: abs, Line: n, Var: name, Before: data}
	if n < 1 || n > len(ls) {
		return nil, refused(p, "rc-line-missing", map[string]string{"Path": abs, "Lines": fmt.Sprint(len(ls)), "Line": fmt.Sprint(n)})
	}
	p.Old = strings.TrimSuffix(ls[n-1], "\r")
	if strings.HasSuffix(p.Old, `\`) || n > 1 && strings.HasSuffix(strings.TrimSuffix(ls[n-2], "\r"), `\`) {
		return nil, refused(p, "rc-line-continued", map[string]string{"Line": fmt.Sprint(n), "Path": abs})
	}
	if strings.Count(p.Old, ";")+strings.Count(p.Old, "&&")+strings.Count(p.Old, "||") > 0 {
		p.WarningCode, p.WarningArgs = "fix.whole-line", map[string]string{"Line": fmt.Sprint(n), "Var": name}
		p.Warning = core.NewText(p.WarningCode, p.WarningArgs).String()
	}
	return p, nil
}

// finish computes the new content and the diff.
func finish(p *Plan) *Plan {
	ls := splitLines(p.Before)
	cr := ""
	if strings.HasSuffix(ls[p.Line-1], "\r") {
		cr = "\r"
	}
	ls[p.Line-1] = p.New + cr
	p.After = []byte(strings.Join(ls, "\n"))
	p.Diff = unifiedDiff(p.File, splitLines(p.Before), p.Line, p.Old, p.New)
	return p
}

// splitLines splits data at "\n"; a final line end yields a last empty
// element, so joining with "\n" restores data exactly.
func splitLines(data []byte) []string {
	return strings.Split(string(data), "\n")
}

// unifiedDiff renders the change of line n from old to new with three lines
// of context.
func unifiedDiff(file string, ls []string, n int, old, new string) string {
	if len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	from, to := max(1, n-3), min(len(ls), n+3)
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n@@ -%d,%d +%d,%d @@\n", file, file, from, to-from+1, from, to-from+1)
	for i := from; i <= to; i++ {
		line := strings.TrimSuffix(ls[i-1], "\r")
		if i == n {
			fmt.Fprintf(&b, "-%s\n+%s\n", old, new)
			continue
		}
		fmt.Fprintf(&b, " %s\n", line)
	}
	return b.String()
}

// Result is an applied plan.
type Result struct {
	Entry  history.Entry `json:"-"`
	ID     string        `json:"id"`     // the history entry, for Undo
	Backup string        `json:"backup"` // the copy of the file before the change
}

// Apply writes the plan: it saves a backup copy next to the file (mode
// 0600), records the change in store, then replaces the file atomically,
// refusing if it changed since the plan was made. Recording first means a
// change on disk always has its undo; when the file cannot be written, the
// record and the backup are removed again.
func Apply(p *Plan, store *history.Store, now time.Time) (*Result, error) {
	if err := envfile.CheckReplaceable(p.File); err != nil {
		return nil, writeError(p.File, err)
	}
	backup := ""
	if !p.Created {
		var err error
		if backup, err = writeBackup(p.File, p.Before, now); err != nil {
			return nil, core.NewError("fix.backup", map[string]string{"Path": p.File}, err)
		}
	}
	e, err := store.Add(history.Entry{
		Time: now, File: p.File, Summary: core.MaskUserinfo(p.Summary), BeforeExisted: !p.Created, Before: p.Before, After: p.After,
		Changes: []history.Change{{Key: p.Var, Line: p.Line, Old: core.MaskUserinfo(p.Old), OldSet: !p.appended, New: core.MaskUserinfo(p.New)}},
		Source:  history.SourceFix,
	})
	if err != nil {
		os.Remove(backup)
		return nil, core.NewError("fix.record", map[string]string{"Path": p.File}, err)
	}
	if err := envfile.WriteAtomic(p.File, p.After, p.Before, !p.Created); err != nil {
		if backup != "" {
			os.Remove(backup)
		}
		store.Remove(e.ID)
		if errors.Is(err, envfile.ErrChanged) {
			return nil, changed(p.File)
		}
		return nil, writeError(p.File, err)
	}
	return &Result{Entry: e, ID: e.ID, Backup: backup}, nil
}

// writeError is err writing path: a refusal if the file is one Go Mirror
// must not replace.
func writeError(path string, err error) error {
	var re *envfile.ReplaceError
	if errors.As(err, &re) {
		return &core.RefusedError{Problems: []core.Problem{re.Problem()}}
	}
	return core.NewError("file.write", map[string]string{"Path": path}, err)
}

// Undo restores the file of history entry id to its bytes before that
// change, refusing if the file changed since, and records the undo.
func Undo(store *history.Store, id string, now time.Time) (history.Entry, error) {
	target, err := store.Get(id)
	if err != nil {
		return history.Entry{}, err
	}
	cur, err := os.ReadFile(target.File)
	if err != nil {
		return history.Entry{}, core.NewError("file.read", map[string]string{"Path": target.File}, err)
	}
	if !bytes.Equal(cur, target.After) {
		return history.Entry{}, changed(target.File)
	}
	if err := envfile.WriteAtomic(target.File, target.Before, cur, true); err != nil {
		if errors.Is(err, envfile.ErrChanged) {
			return history.Entry{}, changed(target.File)
		}
		return history.Entry{}, core.NewError("file.restore", map[string]string{"Path": target.File}, err)
	}
	return store.Add(history.Entry{
		Time: now, File: target.File, Summary: "undo: " + target.Summary, BeforeExisted: true,
		Before: cur, After: target.Before, Undo: true, UndoOf: target.ID,
	})
}

// writeBackup copies data to "<file>.gomirror-<time>.bak", never
// overwriting an existing file.
func writeBackup(file string, data []byte, now time.Time) (string, error) {
	base := file + ".gomirror-" + now.UTC().Format("20060102T150405Z")
	for i := 0; ; i++ {
		name := base + ".bak"
		if i > 0 {
			name = fmt.Sprintf("%s-%d.bak", base, i)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(name)
			return "", err
		}
		return name, nil
	}
}

func refused(p *Plan, code string, args map[string]string) error {
	q := core.NewProblem(core.SeverityError, p.Var, code, args)
	q.File, q.Line = p.File, p.Line
	return &core.RefusedError{Problems: []core.Problem{q}}
}

func changed(file string) error {
	p := core.NewProblem(core.SeverityError, "", "file-changed", map[string]string{"Kind": "rc-file", "Path": file})
	p.File = file
	return &core.RefusedError{Problems: []core.Problem{p}}
}
