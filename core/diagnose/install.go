package diagnose

import (
	"fmt"
	"path/filepath"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// installation reports a missing go command, a broken GOROOT and a missing
// $GOROOT/go.env.
func installation(r *resolve.Resolution) []core.Problem {
	g := r.Goroot
	switch {
	case !g.Installed():
		return []core.Problem{notInstalled(r)}
	case g.Error != "":
		return []core.Problem{problem(core.SeverityError, "GOROOT", "goroot-error",
			"The go command cannot start: "+g.Error+".", gorootFix(r))}
	}
	ps := pinnedGOROOT(r)
	if g.GoEnvData == nil {
		p := problem(core.SeverityWarning, "GOROOT", "goenv-missing",
			"This Go installation has no $GOROOT/go.env, so GOPROXY, GOSUMDB and GOTOOLCHAIN have no defaults: they are empty unless you set them.",
			"Reinstall Go from https://go.dev/dl/ to restore go.env, or set GOPROXY and GOSUMDB explicitly.")
		p.File = g.GoEnvPath
		ps = append(ps, p)
	}
	return ps
}

// pinnedGOROOT reports a GOROOT line in the env file, which picks the
// installation and its go.env.
func pinnedGOROOT(r *resolve.Resolution) []core.Problem {
	if r.Goroot.FoundBy != "env-file" {
		return nil
	}
	var ps []core.Problem
	for _, e := range r.EnvFile.Entries {
		if e.Key == "GOROOT" && e.Value != "" {
			ps = nil // the last line counts
			for _, p := range validate.Value(r, "GOROOT", e.Value) {
				ps = append(ps, atLine(r, p, e.Line))
			}
		}
	}
	return ps
}

func notInstalled(r *resolve.Resolution) core.Problem {
	msg := "No go command was found on PATH, so none of these settings are used yet."
	var fix string
	switch r.GOOS {
	case "windows":
		fix = "Install Go from https://go.dev/dl/ (the .msi installer) or run winget install GoLang.Go, then open a new terminal."
	case "darwin":
		fix = "Install Go from https://go.dev/dl/ (the .pkg installer) or run brew install go, then open a new terminal."
	default:
		fix = "Download Go from https://go.dev/dl/ and unpack it into /usr/local, adding /usr/local/go/bin to PATH; or use your package manager (e.g. sudo apt install golang-go, sudo dnf install golang), whose version may be older."
	}
	if r.Goroot.Path != "" && r.Goroot.Error == "" {
		msg = fmt.Sprintf("GOROOT is %s, but no go command was found on PATH.", r.Goroot.Path)
		fix = fmt.Sprintf("Add %s to PATH.", filepath.Join(r.Goroot.Path, "bin"))
	}
	return problem(core.SeverityError, "GOROOT", "go-not-installed", msg, fix)
}

// gorootFix says how to repair GOROOT according to where it came from.
func gorootFix(r *resolve.Resolution) string {
	switch r.Goroot.FoundBy {
	case "env-file":
		return "Unset GOROOT in the env file (go env -u GOROOT) so the go command finds its own installation."
	case "process-env":
		return validate.OSRemoveHint(r.GOOS, "GOROOT") + " The go command finds its own installation without it."
	}
	return "Reinstall Go from https://go.dev/dl/; a go binary copied out of its installation cannot find GOROOT."
}

// envFileState reports a user env file the go command cannot use.
func envFileState(r *resolve.Resolution) []core.Problem {
	f := r.EnvFile
	var ps []core.Problem
	switch f.State {
	case resolve.FileOff:
		ps = append(ps, problem(core.SeverityWarning, "GOENV", "goenv-off",
			"GOENV=off is set in the OS environment: the go command ignores your env file, yet go env -w still silently writes the default file, where it has no effect.",
			validate.OSRemoveHint(r.GOOS, "GOENV")))
	case resolve.FileDirectory:
		ps = append(ps, problem(core.SeverityError, "GOENV", "env-file-dir",
			fmt.Sprintf("The env file path %s is a directory: nothing is read from it and go env -w fails.", f.Path),
			"Remove or rename the directory, or point GOENV at a file."))
	case resolve.FileUnreadable:
		ps = append(ps, problem(core.SeverityError, "GOENV", "env-file-unreadable",
			fmt.Sprintf("The env file %s cannot be read (%s): the go command silently ignores all its settings.", f.Path, f.Reason),
			"Fix the file's permissions so that you can read and write it."))
	case resolve.FileUnavailable:
		ps = append(ps, problem(core.SeverityWarning, "GOENV", "no-env-file",
			fmt.Sprintf("There is no user env file (%s): go env -w fails and only the OS environment and go.env count.", f.Reason),
			"Set HOME (or an absolute XDG_CONFIG_HOME), or set GOENV to an absolute file path."))
	}
	if f.FromGOENV && f.Path != "" && !validate.IsAbs(r.GOOS, f.Path) {
		ps = append(ps, problem(core.SeverityWarning, "GOENV", "goenv-relative",
			fmt.Sprintf("GOENV=%s is a relative path: each go command reads a different env file depending on the directory it runs in.", f.Path),
			"Set GOENV to an absolute path, e.g. "+f.AbsPath+", or unset it."))
	}
	return ps
}
