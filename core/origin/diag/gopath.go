package diag

import (
	"path/filepath"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/origin/fix"
)

// CodeTerminalGoMissing reports a new terminal whose PATH holds no go
// command, while Go Mirror found one.
const CodeTerminalGoMissing = "terminal-go-missing"

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
