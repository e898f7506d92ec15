package procs

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
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
		Started: in.created, Hint: Hint(k)}
	p.StartedBefore = !q.Since.IsZero() && !in.created.IsZero() && in.created.Before(q.Since)
	env, err := in.environ()
	if gone(err) {
		return p, false
	}
	if err == nil && len(env) == 0 {
		err = fmt.Errorf("the operating system returned an empty environment")
	}
	if err == nil {
		p.Mismatches = mismatches(env, q.Want)
	}
	p.State, p.Reason = verdict(p, q.Since, err)
	return p, true
}

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

// verdict decides the state and explains it.
func verdict(p Process, since time.Time, envErr error) (State, string) {
	started := p.Started.Format("2006-01-02 15:04:05")
	switch {
	case len(p.Mismatches) > 0:
		m := p.Mismatches[0]
		reason := fmt.Sprintf("%s (PID %d) still has %s=%s in its environment; the effective value is now %q", p.Name, p.PID, m.Var, m.Has, m.Want)
		if n := len(p.Mismatches); n > 1 {
			reason += fmt.Sprintf(" (and %d more variables differ)", n-1)
		}
		return StateStale, reason + "."
	case p.StartedBefore:
		return StateStale, fmt.Sprintf("%s (PID %d) started at %s, before the last change at %s, so it may still use the old settings.", p.Name, p.PID, started, since.Format("2006-01-02 15:04:05"))
	case envErr != nil:
		return StateUnknown, fmt.Sprintf("Go Mirror cannot read the environment of %s (PID %d): %v. It usually belongs to another user or is protected by the operating system; if it was started before your change, restart it to be sure.", p.Name, p.PID, envErr)
	}
	return StateOK, fmt.Sprintf("%s (PID %d) has the current values.", p.Name, p.PID)
}

// Hint says how to restart a process of kind k so that it picks up new
// values.
func Hint(k Kind) string {
	switch k {
	case KindGo:
		return "Let this go command finish, or stop it (Ctrl+C) and run it again in a new terminal."
	case KindGopls:
		return "Restart the language server: in VS Code run \"Go: Restart Language Server\", in Neovim :LspRestart; or quit the editor that started it. gopls inherits its editor's environment, so restart the editor if that is stale too."
	case KindDlv:
		return "Stop the debug session and start it again."
	case KindGoLand:
		return "Quit GoLand completely (File > Exit) and start it again; it reads the environment only at startup. On macOS, an app started from the Dock does not see your shell's exports: use the env file (go env -w) instead."
	case KindVSCode, KindCursor:
		return "Quit the editor completely (all windows) and start it again; \"Reload Window\" keeps the old environment. On macOS, an app started from the Dock does not see your shell's exports: use the env file (go env -w) instead."
	case KindVim, KindNeovim:
		return "Restart gopls with :LspRestart, or quit the editor and start it again from a new terminal."
	}
	return "Restart it."
}
