package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/inspect"
	"github.com/gomirror/gomirror/core/origin/procs"
	"github.com/gomirror/gomirror/core/origin/shell"
	"github.com/gomirror/gomirror/core/resolve"
)

// InspectOptions configure Service.Inspect.
type InspectOptions struct {
	// NoShell skips the login shell: only the desktop context is built.
	NoShell bool
	// Timeout bounds the login shell; shell.DefaultTimeout if zero.
	Timeout time.Duration
	// Cache remembers login-shell captures (see ShellCache); nil runs the
	// shell every time.
	Cache *shell.Cache
}

// Inspect builds the terminal and desktop contexts of the service's
// environment (see core/origin/inspect). When the service resolves against
// this process's own environment, the desktop context also applies what
// the OS keeps for desktop apps (launchctl, the Windows registry);
// otherwise it is exactly the service's environment, and the login shell
// starts from it. It runs the login shell, which takes up to the timeout:
// call it off the UI goroutine.
func (s *Service) Inspect(ctx context.Context, o InspectOptions) *inspect.Report {
	in := inspect.Options{SkipShell: o.NoShell, Timeout: o.Timeout, Cache: o.Cache,
		GOOS: s.opts.GOOS, Cwd: s.opts.Cwd, FS: s.opts.FS}
	if !slices.Equal(s.opts.Env, os.Environ()) {
		in.DesktopEnv = s.opts.Env
	}
	return inspect.Inspect(ctx, in)
}

// ShellCache returns a cache of login-shell captures kept in Go Mirror's
// configuration directory, shared by the app and gomirrorctl; nil when
// there is no such directory.
func (s *Service) ShellCache() *shell.Cache {
	dir, err := s.ConfigDir()
	if err != nil {
		return nil
	}
	return &shell.Cache{Dir: filepath.Join(dir, "shell-cache")}
}

// lastChange is the time of the newest recorded write, or zero.
func (s *Service) lastChange() time.Time {
	h, err := s.history()
	if err != nil {
		return time.Time{}
	}
	t, _ := inspect.LastChange(h)
	return t
}

// OriginProblems returns the findings about r: shell exports that shadow
// the env file, contexts that differ, OS variables, stale processes
// (judged against the newest recorded write) and Go installations.
func (s *Service) OriginProblems(ctx context.Context, r *inspect.Report) []core.Problem {
	return inspect.Problems(ctx, r, s.lastChange())
}

// DoctorWithOrigins returns the diagnostics of the desktop context's
// resolution followed by the findings of OriginProblems.
func (s *Service) DoctorWithOrigins(ctx context.Context, r *inspect.Report) []core.Problem {
	return append(s.Doctor(r.Desktop.Resolution), s.OriginProblems(ctx, r)...)
}

// Processes lists the running go, gopls, dlv and IDE processes, judged
// against the effective values of res (a fresh resolution if nil) and the
// newest recorded write.
func (s *Service) Processes(ctx context.Context, res *resolve.Resolution) ([]procs.Process, error) {
	if res == nil {
		res = s.Resolve()
	}
	return inspect.Processes(ctx, res, s.lastChange())
}

// PlanCommentOut plans to comment out line n of file, which must be a line
// r found setting a Go variable in the terminal context.
func (s *Service) PlanCommentOut(r *inspect.Report, file string, n int) (*fix.Plan, error) {
	name, err := rcVar(r, file, n)
	if err != nil {
		return nil, err
	}
	return fix.CommentOut(file, n, name)
}

// PlanReplace plans to make line n of file (a line r found setting a Go
// variable) set value instead, in the login shell's syntax. An empty value
// means the variable's value in the user env file, so that the terminal
// agrees with it.
func (s *Service) PlanReplace(r *inspect.Report, file string, n int, value string) (*fix.Plan, error) {
	name, err := rcVar(r, file, n)
	if err != nil {
		return nil, err
	}
	if value == "" {
		if value = envFileValue(r.Desktop.Resolution, name); value == "" {
			return nil, core.Refuse(name, "no-value", map[string]string{"File": file, "Line": strconv.Itoa(n)})
		}
	}
	return fix.Replace(file, n, name, fix.ExportLine(r.Shell, name, value))
}

// PlanGoOnPath plans to add the directory of the go command Go Mirror
// found to PATH in the login file of r's shell, when a new terminal finds
// no go command (see inspect.PlanGoOnPath).
func (s *Service) PlanGoOnPath(r *inspect.Report) (*fix.Plan, error) {
	return inspect.PlanGoOnPath(r)
}

// ApplyFix applies a plan with a backup and records it in the history, so
// that Undo restores the file's exact bytes.
func (s *Service) ApplyFix(p *fix.Plan) (*fix.Result, error) {
	h, unlock, err := s.locked()
	if err != nil {
		return nil, err
	}
	defer unlock()
	res, err := fix.Apply(p, h, s.opts.Now())
	if ke := (*history.KeyringError)(nil); errors.As(err, &ke) {
		return nil, recordRefusal(h, ke)
	}
	return res, err
}

// envFileValue is name's value in the user env file of res, or "".
func envFileValue(res *resolve.Resolution, name string) string {
	if res == nil {
		return ""
	}
	st, _ := res.Get(name)
	for _, l := range st.Chain {
		if l.Source == core.SourceEnvFile && l.Set {
			return l.Value
		}
	}
	return ""
}

// rcVar returns the Go variable that line n of file sets, as the terminal
// context's origins say, or refuses a line they do not name.
func rcVar(r *inspect.Report, file string, n int) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	for _, o := range r.Origins {
		if o.Context != origin.Terminal {
			continue
		}
		sites := append([]origin.Site{{File: o.File, Line: o.Line}}, o.Earlier...)
		for _, st := range sites {
			if st.File == abs && st.Line == n {
				return o.Var, nil
			}
		}
	}
	return "", core.Refuse("", "rc-line-unknown", map[string]string{"Line": strconv.Itoa(n), "File": abs, "Error": r.Terminal.Error})
}

// Inspectable reports whether Inspect makes sense for this service: the
// login shell reads the real file system, so a service that resolves on
// another core.FS (a test's) would mix two worlds.
func (s *Service) Inspectable() bool {
	_, ok := s.opts.FS.(core.OSFS)
	return ok
}
