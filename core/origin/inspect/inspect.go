// Package inspect wires core/origin's subpackages together for the CLI and
// the GUI: it builds the terminal and desktop contexts, resolves each, finds
// the origins of their Go variables, and diagnoses them.
package inspect

import (
	"context"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin"
	"github.com/gomirror/gomirror/core/origin/desktop"
	"github.com/gomirror/gomirror/core/origin/diag"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/origin/procs"
	"github.com/gomirror/gomirror/core/origin/scan"
	"github.com/gomirror/gomirror/core/origin/shell"
	"github.com/gomirror/gomirror/core/resolve"
)

// Options configure Inspect. The zero value inspects the running user.
type Options struct {
	// DesktopEnv is the desktop environment; nil means desktop.Env (this
	// process's own, with launchctl or registry values applied).
	DesktopEnv []string
	// OSVars are the OS-kept variables behind DesktopEnv; used only when
	// DesktopEnv is given.
	OSVars []origin.OSVar
	// ShellEnv is the environment the login shell starts with, as a
	// terminal emulator passes it; nil means the desktop environment
	// without the Go variables that only this process holds (see
	// LoginEnv).
	ShellEnv []string
	// Shell is the login shell; nil means shell.Find.
	Shell *shell.Shell
	// SkipShell leaves the login shell alone: the terminal context then
	// has only an Error saying so.
	SkipShell bool
	Timeout   time.Duration // for the login shell; shell.DefaultTimeout if zero
	Cache     *shell.Cache  // nil: no caching
	GOOS      string        // runtime.GOOS if empty
	Cwd       string        // os.Getwd() if empty
	FS        core.FS       // core.OSFS if nil
}

// ErrShellSkipped is the terminal context's error when Options.SkipShell
// is set.
var ErrShellSkipped error = core.NewError("inspect.shell-skipped", nil, nil)

// Context is one environment a go command may run in, and its resolution.
type Context struct {
	Name origin.Context `json:"name"`
	Env  []string       `json:"-"`
	// Resolution is every setting resolved in Env.
	Resolution *resolve.Resolution `json:"-"`
	// Error says why the context could not be built (terminal only); Env
	// and Resolution are then nil. Err is the error itself, for the
	// user's language.
	Error string `json:"error,omitempty"`
	Err   error  `json:"-"`
	// Shell, Cached and Files describe the login shell (terminal only):
	// the rc files it reads, in load order.
	Shell  *shell.Shell `json:"shell,omitempty"`
	Cached bool         `json:"cached,omitempty"`
	Files  []string     `json:"files,omitempty"`
	// Problem is the first error the login shell reported while reading
	// its rc files (terminal only; shell.Capture.Problem).
	Problem string `json:"problem,omitempty"`
}

// Report is what Inspect found.
type Report struct {
	Terminal Context `json:"terminal"`
	Desktop  Context `json:"desktop"`
	// Diff lists the Go variables that differ between the contexts; empty
	// when the terminal context is unavailable.
	Diff []origin.VarDiff `json:"diff"`
	// Origins say where each Go variable's value comes from, per context.
	Origins []origin.Origin `json:"origins"`
	OSVars  []origin.OSVar  `json:"os_vars,omitempty"`
	// Shell is the login shell's kind, "" if it was not found.
	Shell origin.ShellKind `json:"shell_kind,omitempty"`
}

// Context returns the context named c ("terminal" or "desktop").
func (r *Report) Context(c origin.Context) (*Context, bool) {
	switch c {
	case origin.Terminal:
		return &r.Terminal, r.Terminal.Resolution != nil
	case origin.Desktop:
		return &r.Desktop, r.Desktop.Resolution != nil
	}
	return nil, false
}

// OriginsOf returns the origins of the named variables (all if none).
func (r *Report) OriginsOf(names ...string) []origin.Origin {
	if len(names) == 0 {
		return r.Origins
	}
	var out []origin.Origin
	for _, o := range r.Origins {
		for _, n := range names {
			if o.Var == n {
				out = append(out, o)
			}
		}
	}
	return out
}

// Inspect builds both contexts. It does not fail: when the login shell
// cannot be found or run, Report.Terminal.Error says why and the rest of
// the report covers the desktop alone. Running the shell takes up to the
// timeout; call Inspect off the UI goroutine.
func Inspect(ctx context.Context, o Options) *Report {
	o = o.withDefaults()
	r := &Report{}
	r.Desktop, r.OSVars = o.desktop()
	r.Origins = desktopOrigins(r.OSVars)
	r.Terminal = o.terminal(ctx, r)
	if r.Terminal.Resolution != nil {
		r.Diff = origin.Diff(r.Terminal.Resolution, r.Desktop.Resolution)
	}
	return r
}

func (o Options) withDefaults() Options {
	if o.GOOS == "" {
		o.GOOS = runtime.GOOS
	}
	if o.Cwd == "" {
		o.Cwd, _ = os.Getwd()
	}
	if o.FS == nil {
		o.FS = core.OSFS{}
	}
	return o
}

func (o Options) resolve(env []string) *resolve.Resolution {
	return resolve.Resolve(resolve.Input{Env: env, GOOS: o.GOOS, Cwd: o.Cwd, FS: o.FS})
}

// desktop builds the desktop context.
func (o Options) desktop() (Context, []origin.OSVar) {
	env, vars := o.DesktopEnv, o.OSVars
	var err error
	switch {
	case env == nil:
		env, vars, err = desktop.Env()
	case vars == nil:
		vars = processVars(env, o.GOOS)
	}
	c := Context{Name: origin.Desktop, Env: env, Resolution: o.resolve(env)}
	c.setErr(err)
	return c, vars
}

// setErr records err (if not nil) as why c could not be built.
func (c *Context) setErr(err error) {
	if err != nil {
		c.Error, c.Err = err.Error(), err
	}
}

// terminal builds the terminal context by running the login shell, and
// adds the rc-file origins to r.
func (o Options) terminal(ctx context.Context, r *Report) Context {
	c := Context{Name: origin.Terminal}
	if o.SkipShell {
		c.setErr(ErrShellSkipped)
		return c
	}
	sh := o.Shell
	if sh == nil {
		found, err := (shell.Finder{Env: r.Desktop.Env, GOOS: o.GOOS}).Find()
		if err != nil {
			c.setErr(err)
			return c
		}
		sh = &found
	}
	c.Shell, r.Shell = sh, sh.Kind
	start := o.ShellEnv
	if start == nil {
		start = LoginEnv(r.Desktop.Env, r.OSVars, o.GOOS)
	}
	home := origin.EnvMap(start, o.GOOS)["HOME"]
	if o.GOOS == "windows" {
		home = origin.EnvMap(start, o.GOOS)["USERPROFILE"]
	}
	sc := scan.Scan(scan.Options{Kind: sh.Kind, Home: home, Env: start, GOOS: o.GOOS, Shell: sh.Path})
	c.Files = sc.Read
	cp, cached, err := o.capture(ctx, *sh, start, sc.Watched)
	if err != nil {
		c.setErr(err)
		return c
	}
	c.Env, c.Cached, c.Resolution, c.Problem = cp.Env, cached, o.resolve(cp.Env), cp.Problem
	env := origin.EnvMap(cp.Env, o.GOOS)
	r.Origins = append(origin.Attribute(origin.Terminal, sc.Assignments, env, origin.GoVars()), r.Origins...)
	return c
}

// loginEnv is the environment a new terminal's login shell starts from:
// the desktop environment without the Go variables that are only this
// process's own (inherited from whatever started Go Mirror, perhaps a
// terminal whose rc files have changed since). Variables the OS keeps for
// the session (launchctl, the Windows registry) stay. So after an rc-file
// line is commented out, a new terminal no longer shows the old value.
func loginEnv(desktop []string, vars []origin.OSVar, goos string) []string {
	kept := map[string]bool{}
	for _, v := range vars {
		if v.Scope != origin.ScopeProcess {
			kept[v.Var] = true
		}
	}
	var out []string
	for _, kv := range desktop {
		name, _, _ := strings.Cut(kv, "=")
		if goos == "windows" {
			name = strings.ToUpper(name)
		}
		if origin.IsGoVar(name) && !kept[name] {
			continue
		}
		out = append(out, kv)
	}
	return out
}

func (o Options) capture(ctx context.Context, sh shell.Shell, env, watched []string) (*shell.Capture, bool, error) {
	so := shell.Options{Env: env, Timeout: o.Timeout}
	if o.Cache != nil {
		return o.Cache.Run(ctx, sh, so, watched)
	}
	cp, err := shell.Run(ctx, sh, so)
	return cp, false, err
}

// LoginEnv is the environment a new terminal's login shell starts with:
// env (the desktop's) without the Go variables that only this process
// holds. Whatever started Go Mirror (a terminal whose rc files have since
// changed, or the session as it was at login) passed those on; a new
// terminal reads the rc files as they are now, so the login shell must not
// inherit them, or a line commented out would still seem to take effect.
// Go variables an OS store keeps for new apps (launchctl, the Windows
// registry) stay: a new terminal does inherit them.
func LoginEnv(env []string, vars []origin.OSVar, goos string) []string {
	kept := map[string]bool{}
	for _, v := range vars {
		if v.Scope != origin.ScopeProcess {
			kept[key(v.Var, goos)] = true
		}
	}
	out := make([]string, 0, len(env))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if k := key(name, goos); origin.IsGoVar(k) && !kept[k] {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// key is name as the OS compares variable names: without case on Windows.
func key(name, goos string) string {
	if goos == "windows" {
		return strings.ToUpper(name)
	}
	return name
}

// processVars lists the Go variables of env as process-scope OS variables.
func processVars(env []string, goos string) []origin.OSVar {
	m := origin.EnvMap(env, goos)
	var out []origin.OSVar
	for _, name := range origin.GoVars() {
		if v, ok := m[name]; ok {
			out = append(out, origin.OSVar{Var: name, Value: v, Scope: origin.ScopeProcess})
		}
	}
	return out
}

// desktopOrigins turns the OS-kept variables into desktop origins: the
// winning registry or launchctl value, or this process's own environment.
func desktopOrigins(vars []origin.OSVar) []origin.Origin {
	byVar := map[string]origin.OSVar{}
	var order []string
	for _, v := range vars {
		if _, ok := byVar[v.Var]; !ok {
			order = append(order, v.Var)
		}
		if cur, ok := byVar[v.Var]; !ok || cur.Scope == origin.ScopeProcess || v.Scope != origin.ScopeProcess {
			byVar[v.Var] = v
		}
	}
	var out []origin.Origin
	for _, name := range order {
		v := byVar[name]
		o := origin.Origin{Context: origin.Desktop, Var: name, Value: v.Value, Set: true,
			File: v.Location, Scope: v.Scope, Status: origin.StatusConfirmed}
		if v.Scope == origin.ScopeProcess {
			o.Status, o.File = origin.StatusNotFound, ""
			o.SetNote("origin.own-environment", nil)
		}
		out = append(out, o)
	}
	return out
}

// Problems diagnoses the report: it lists running processes (compared
// with the desktop context's effective values and the time of the last
// change, since; zero to ignore) and the Go installations on the PATH of a
// new terminal (of the desktop when there is none). A failure to list
// processes only leaves their findings out.
func Problems(ctx context.Context, r *Report, since time.Time) []core.Problem {
	in := r.diagInput()
	in.Processes, _ = Processes(ctx, r.Desktop.Resolution, since)
	env := r.Desktop.Env
	if r.Terminal.Env != nil {
		env = r.Terminal.Env
	}
	in.Installations = diag.Installations(env, r.Desktop.Resolution.GOOS, nil)
	return diag.Run(in)
}

// diagInput is the part of diag.Input the report holds.
func (r *Report) diagInput() diag.Input {
	return diag.Input{Desktop: r.Desktop.Resolution, Terminal: r.Terminal.Resolution, Shell: r.Shell,
		Origins: r.Origins, OSVars: r.OSVars, Home: r.Home(), ShellProblem: r.Terminal.Problem}
}

// TerminalFindings returns the findings about what a new terminal gets
// that need no process list (see diag.TerminalFindings); gomirrorctl
// origins prints them.
func TerminalFindings(r *Report) []core.Problem {
	return diag.TerminalFindings(r.diagInput())
}

// Home is the user's home directory in the desktop context.
func (r *Report) Home() string {
	if r.Desktop.Resolution != nil && r.Desktop.Resolution.GOOS == "windows" {
		return origin.EnvMap(r.Desktop.Env, "windows")["USERPROFILE"]
	}
	return origin.EnvMap(r.Desktop.Env, "")["HOME"]
}

// PlanGoOnPath plans to append the line that adds the directory of Go
// Mirror's own go command to PATH in the login file of the report's
// shell, when a new terminal finds no go command (the
// terminal-go-missing finding); it refuses otherwise.
func PlanGoOnPath(r *Report) (*fix.Plan, error) {
	in := r.diagInput()
	dir, file, ok := diag.GoBinDir(in)
	if !ok {
		return nil, core.Refuse("PATH", "terminal-go-found", nil)
	}
	return fix.AppendLine(file, "PATH", fix.PathLine(r.Shell, dir))
}

// Processes lists the running go, gopls, dlv and IDE processes, judged
// against the effective values of res and the time of the last change
// (zero to ignore start times; see LastChange).
func Processes(ctx context.Context, res *resolve.Resolution, since time.Time) ([]procs.Process, error) {
	want := map[string]string{}
	for _, s := range res.Settings {
		want[s.Name] = s.Value
	}
	return procs.List(ctx, procs.Query{Want: want, Since: since})
}

// LastChange returns the time of the newest entry in the history store (a
// write of the env file or an rc-file fix), or the zero time if there is
// none.
func LastChange(store *history.Store) (time.Time, error) {
	es, err := store.List()
	if err != nil || len(es) == 0 {
		return time.Time{}, err
	}
	return es[0].Time, nil
}
