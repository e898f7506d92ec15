package diag

import (
	"path/filepath"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
)

// Codes of the findings about a new terminal.
const (
	// CodeTerminalGoMissing reports a new terminal whose PATH holds no go
	// command, while Go Mirror found one.
	CodeTerminalGoMissing = "terminal-go-missing"
	// CodeTerminalRCError reports an error the login shell printed while
	// reading its rc files.
	CodeTerminalRCError = "terminal-rc-error"
	// CodeProfileBlocked reports a PowerShell profile that the execution
	// policy does not let PowerShell load.
	CodeProfileBlocked = "terminal-profile-blocked"
)

// shellRCError reports the first error the login shell printed while
// reading its rc files: lines after it may not have run.
func shellRCError(in Input) []core.Problem {
	if in.ShellProblem == "" {
		return nil
	}
	code := CodeTerminalRCError
	if in.Shell == origin.Pwsh && strings.Contains(in.ShellProblem, "about_Execution_Policies") {
		code = CodeProfileBlocked
	}
	return []core.Problem{core.NewProblem(core.SeverityWarning, "", code, map[string]string{"Error": in.ShellProblem})}
}

// GoBinDir returns the directory of the go command Go Mirror itself found
// when a new terminal finds none, and the login file where a line adding
// it to PATH belongs; ok is false when a new terminal finds go, Go Mirror
// finds none, or the login shell keeps PATH in no file.
func GoBinDir(in Input) (dir, file string, ok bool) {
	if in.Terminal == nil || in.Desktop == nil || in.Terminal.Goroot.Installed() || !in.Desktop.Goroot.Installed() {
		return "", "", false
	}
	file = fix.LoginFile(in.Shell, in.Home)
	if file == "" || in.Home == "" {
		return "", "", false
	}
	return filepath.Dir(in.Desktop.Goroot.GoBinary), file, true
}

// terminalGoMissing reports that new terminals cannot find go, and the
// line that adds Go Mirror's go to their PATH.
func terminalGoMissing(in Input) []core.Problem {
	dir, file, ok := GoBinDir(in)
	if !ok {
		return nil
	}
	args := map[string]string{"Dir": dir, "RCFile": file, "Export": fix.PathLine(in.Shell, dir)}
	p := core.NewProblem(core.SeverityWarning, "GOROOT", CodeTerminalGoMissing, args)
	p.File = file
	return []core.Problem{p}
}
