package procs

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/gomirror/gomirror/core"
)

// kindOf recognizes a process by its name, executable and command line.
// Electron helper processes (--type=...) are not counted separately.
func kindOf(in info) Kind {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(in.exe), ".exe"))
	name := strings.ToLower(strings.TrimSuffix(in.name, ".exe"))
	if strings.Contains(in.cmdline, "--type=") {
		return ""
	}
	for _, n := range []string{name, base} {
		switch n {
		case "go":
			return KindGo
		case "gopls":
			return KindGopls
		case "dlv", "dlv-dap":
			return KindDlv
		case "goland", "goland64", "goland.sh":
			return KindGoLand
		case "code", "code-insiders", "code - insiders", "code-oss", "codium":
			return KindVSCode
		case "cursor":
			return KindCursor
		case "vim", "gvim", "mvim":
			return KindVim
		case "nvim":
			return KindNeovim
		}
	}
	switch {
	case strings.Contains(in.exe, "Visual Studio Code"):
		return KindVSCode
	case strings.Contains(in.exe, "Cursor.app"):
		return KindCursor
	case strings.Contains(in.exe, "GoLand"):
		return KindGoLand
	}
	return ""
}

// judge reads a process's environment and compares it with q. ok is false
// for a process that exited meanwhile.
func judge(in info, k Kind, q Query) (p Process, ok bool) {
	p = Process{PID: in.pid, Kind: k, Name: in.name, Exe: in.exe, Cmdline: in.cmdline,
		Started: in.created, HintCode: hintCodeFor(runtime.GOOS, k)}
	p.Hint = core.Snippet(p.HintCode, nil)
	p.StartedBefore = !q.Since.IsZero() && !in.created.IsZero() && in.created.Before(q.Since)
	env, err := in.environ()
	if gone(err) {
		return p, false
	}
	if err == nil && len(env) == 0 {
		err = errEmptyEnviron
	}
	if err == nil {
		p.Mismatches = mismatches(env, q.Want)
	}
	p.State, p.ReasonCode, p.ReasonArgs = verdict(p, q.Since, err)
	p.Reason = core.Snippet(p.ReasonCode, p.ReasonArgs)
	return p, true
}

// errEmptyEnviron reports a process whose environment reads as empty; the
// snippet procs.unknown says so in its own words.
var errEmptyEnviron = errors.New("the operating system returned an empty environment")

// gone reports an error reading a process that no longer exists.
func gone(err error) bool {
	return errors.Is(err, syscall.ESRCH) || errors.Is(err, fs.ErrNotExist)
}

// mismatches compares env with want. A variable the process lacks, or has
// empty, is not a mismatch: the go command then reads the env file anew.
func mismatches(env []string, want map[string]string) []Mismatch {
	has := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			if _, dup := has[k]; !dup {
				has[k] = v
			}
		}
	}
	names := make([]string, 0, len(want))
	for k := range want {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Mismatch
	for _, k := range names {
		if v := has[k]; v != "" && v != want[k] {
			out = append(out, Mismatch{Var: k, Has: v, Want: want[k]})
		}
	}
	return out
}

// verdict decides the state and explains it with a core snippet and its
// arguments.
func verdict(p Process, since time.Time, envErr error) (State, string, map[string]string) {
	args := map[string]string{"Name": p.Name, "PID": fmt.Sprint(p.PID)}
	switch {
	case len(p.Mismatches) > 0:
		m := p.Mismatches[0]
		args["Var"], args["Has"], args["Want"] = m.Var, m.Has, m.Want
		if n := len(p.Mismatches); n > 1 {
			args["More"] = fmt.Sprint(n - 1)
		}
		return StateStale, "procs.stale-env", args
	case p.StartedBefore:
		args["Started"], args["Since"] = p.Started.Format("2006-01-02 15:04:05"), since.Format("2006-01-02 15:04:05")
		return StateStale, "procs.stale-started", args
	case envErr != nil:
		if !errors.Is(envErr, errEmptyEnviron) {
			args["Error"] = envErr.Error()
		}
		return StateUnknown, "procs.unknown", args
	}
	return StateOK, "procs.ok", args
}

// Hint says how to restart a process of kind k so that it picks up new
// values: the core snippet HintCode(k) in English.
func Hint(k Kind) string {
	return core.Snippet(HintCode(k), nil)
}

// HintCode returns the core snippet that says how to restart a process of
// kind k.
func HintCode(k Kind) string {
	switch k {
	case KindGo:
		return "procs.hint.go"
	case KindGopls:
		return "procs.hint.gopls"
	case KindDlv:
		return "procs.hint.dlv"
	case KindGoLand:
		return "procs.hint.goland"
	case KindVSCode, KindCursor:
		return "procs.hint.editor"
	case KindVim, KindNeovim:
		return "procs.hint.vim"
	}
	return "procs.hint.other"
}

// hintCodeFor is HintCode on goos: on macOS the IDE hints add that an app
// started from the Dock does not see the shell's exports.
func hintCodeFor(goos string, k Kind) string {
	switch c := HintCode(k); {
	case goos == "darwin" && c == "procs.hint.goland":
		return "procs.hint.goland-macos"
	case goos == "darwin" && c == "procs.hint.editor":
		return "procs.hint.editor-macos"
	default:
		return c
	}
}
