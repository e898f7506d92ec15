// Package service is the one entry point the GUI and the CLI share: it
// resolves settings, diagnoses them, and writes the user env file safely with
// validation, atomic replacement, history and undo.
package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/diagnose"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/origin/fix"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/resolve"
)

// Options configure a Service. The zero value of each field means "from the
// running process".
type Options struct {
	Env       []string // process environment; os.Environ() if nil
	GOOS      string   // runtime.GOOS if empty
	Cwd       string   // os.Getwd() if empty
	FS        core.FS  // core.OSFS if nil
	ConfigDir string   // Go Mirror's own config dir; <user config dir>/gomirror if empty
	Now       func() time.Time
	// Source is recorded with every write in the history: what made it
	// (history.SourceCLI…). See WithSource.
	Source string
	// UserEnv is the store of the Windows user environment variables
	// (fix.OSUserEnv if nil: HKCU\Environment on Windows, none elsewhere).
	UserEnv fix.UserEnv
	// Keyring keeps the key that seals history entries holding a secret
	// (a password in a URL; see history.HasSecret). With none, writes of
	// such values are refused and such entries cannot be undone. The app
	// and gomirrorctl pass cred.OSKeyring; tests a mock.
	Keyring cred.Keyring
}

// Service resolves, diagnoses and edits the go command's settings.
type Service struct {
	opts Options
}

// New returns a Service for opts.
func New(opts Options) *Service {
	if opts.Env == nil {
		opts.Env = os.Environ()
	}
	if opts.GOOS == "" {
		opts.GOOS = runtime.GOOS
	}
	if opts.Cwd == "" {
		opts.Cwd, _ = os.Getwd()
	}
	if opts.FS == nil {
		opts.FS = core.OSFS{}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.UserEnv == nil {
		opts.UserEnv = fix.OSUserEnv()
	}
	return &Service{opts: opts}
}

// WithSource returns a copy of s whose writes are recorded as made by
// source (history.SourceAssistant, history.ProfileSource(name)…).
func (s *Service) WithSource(source string) *Service {
	c := *s
	c.opts.Source = source
	return &c
}

// Keyring returns the keyring the service's history seals secrets with
// (nil if none was given).
func (s *Service) Keyring() cred.Keyring { return s.opts.Keyring }

// Env returns the process environment the service resolves against.
func (s *Service) Env() []string { return s.opts.Env }

// Resolve computes every managed setting now.
func (s *Service) Resolve() *resolve.Resolution {
	return resolve.Resolve(resolve.Input{Env: s.opts.Env, GOOS: s.opts.GOOS, Cwd: s.opts.Cwd, FS: s.opts.FS})
}

// Doctor returns the diagnostics for r (a fresh resolution if nil).
func (s *Service) Doctor(r *resolve.Resolution) []core.Problem {
	if r == nil {
		r = s.Resolve()
	}
	return diagnose.Run(r)
}

// ConfigDir returns Go Mirror's own configuration directory.
func (s *Service) ConfigDir() (string, error) {
	if s.opts.ConfigDir != "" {
		return s.opts.ConfigDir, nil
	}
	dir, err := s.Resolve().UserConfigDir()
	if err != nil {
		return "", core.NewError("service.no-config-dir", nil, err)
	}
	return filepath.Join(dir, "gomirror"), nil
}

func (s *Service) history() (*history.Store, error) {
	dir, err := s.ConfigDir()
	if err != nil {
		return nil, err
	}
	return &history.Store{Dir: filepath.Join(dir, "history"), Keyring: s.opts.Keyring}, nil
}

// History returns the recorded writes, newest first.
func (s *Service) History() ([]history.Entry, error) {
	h, err := s.history()
	if err != nil {
		return nil, err
	}
	return h.List()
}

// errChanged is the refusal for a file that changed under us.
func errChanged(file string) error {
	p := core.NewProblem(core.SeverityError, "", "file-changed", map[string]string{"Kind": "env-file", "Path": file})
	p.File = file
	return &core.RefusedError{Problems: []core.Problem{p}}
}

// errRetry reports that the env file changed between the final read under
// the lock and the rename (a writer outside Go Mirror); edit tries again.
var errRetry = errors.New("the env file changed during the write")

// locked returns the history store with Go Mirror's write lock taken (see
// [history.Store.Lock]) and the function that releases it.
func (s *Service) locked() (*history.Store, func(), error) {
	h, err := s.history()
	if err != nil {
		return nil, nil, err
	}
	unlock, err := h.Lock(context.Background())
	if errors.Is(err, history.ErrBusy) {
		return nil, nil, core.Refuse("", "writer-busy", map[string]string{"Wait": history.LockWait.String()})
	}
	return h, unlock, err
}

// writeFile records the write in the history, then replaces the env file.
// Recording first means a change on disk always has its undo: if the
// history cannot be written, neither is the file; if the file cannot be
// written, the record is removed again. The caller holds the write lock.
func (s *Service) writeFile(h *history.Store, f resolve.EnvFile, after []byte, e history.Entry) (history.Entry, error) {
	existed := f.State == resolve.FileOK
	if err := envfile.CheckReplaceable(f.AbsPath); err != nil {
		return e, replaceRefusal(f.AbsPath, err)
	}
	e.Time, e.File = s.opts.Now(), f.AbsPath
	e.BeforeExisted, e.Before, e.After = existed, f.Data, after
	if e.Source == "" {
		e.Source = s.opts.Source
	}
	e, err := h.Add(e)
	if err != nil {
		return e, recordRefusal(h, err)
	}
	if err := envfile.WriteAtomic(f.AbsPath, after, f.Data, existed); err != nil {
		h.Remove(e.ID)
		if errors.Is(err, envfile.ErrChanged) {
			return e, errRetry
		}
		return e, replaceRefusal(f.AbsPath, err)
	}
	return e, nil
}

// replaceRefusal turns an error writing path into a refusal when the file
// is one Go Mirror must not replace, or wraps it otherwise.
func replaceRefusal(path string, err error) error {
	var re *envfile.ReplaceError
	if !errors.As(err, &re) {
		return core.NewError("file.write", map[string]string{"Path": path}, err)
	}
	return &core.RefusedError{Problems: []core.Problem{re.Problem()}}
}

// recordRefusal is the refusal when the history cannot record a write:
// nothing is written, since the write could not be undone. A write of a
// secret with no keyring to seal it is refused as such: never recorded in
// plaintext.
func recordRefusal(h *history.Store, err error) error {
	var ke *history.KeyringError
	if errors.As(err, &ke) {
		return core.Refuse("", "history-secret-no-keyring", map[string]string{"Reason": ke.Error()})
	}
	return core.Refuse("", "history-unwritable", map[string]string{"Dir": h.Dir, "Reason": err.Error()})
}
