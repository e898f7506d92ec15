package diagnose

import (
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
			args{"Error": g.Error, "FoundBy": g.FoundBy, "@Hint": validate.OSRemoveSnippet(r.GOOS)})}
	}
	ps := pinnedGOROOT(r)
	if g.GoEnvData == nil {
		p := problem(core.SeverityWarning, "GOROOT", "goenv-missing", nil)
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

// notInstalled reports a missing go command: where to get Go, or how to
// reach a GOROOT that is there.
func notInstalled(r *resolve.Resolution) core.Problem {
	if g := r.Goroot; g.Path != "" && g.Error == "" {
		return problem(core.SeverityError, "GOROOT", "go-not-on-path",
			args{"GOROOT": g.Path, "Bin": filepath.Join(g.Path, "bin")})
	}
	return problem(core.SeverityError, "GOROOT", "go-not-installed", args{"GOOS": r.GOOS})
}

// envFileState reports a user env file the go command cannot use.
func envFileState(r *resolve.Resolution) []core.Problem {
	f := r.EnvFile
	var ps []core.Problem
	switch f.State {
	case resolve.FileOff:
		ps = append(ps, problem(core.SeverityWarning, "GOENV", "goenv-off", args{"@Hint": validate.OSRemoveSnippet(r.GOOS)}))
	case resolve.FileDirectory:
		ps = append(ps, problem(core.SeverityError, "GOENV", "env-file-dir", args{"Path": f.Path}))
	case resolve.FileUnreadable:
		ps = append(ps, problem(core.SeverityError, "GOENV", "env-file-unreadable", args{"Path": f.Path, "Reason": f.Reason, "Cause": f.Cause}))
	case resolve.FileUnavailable:
		ps = append(ps, problem(core.SeverityWarning, "GOENV", "no-env-file", args{"Reason": f.Reason}))
	}
	if f.FromGOENV && f.Path != "" && !validate.IsAbs(r.GOOS, f.Path) {
		ps = append(ps, problem(core.SeverityWarning, "GOENV", "goenv-relative", args{"Path": f.Path, "AbsPath": f.AbsPath}))
	}
	return ps
}
