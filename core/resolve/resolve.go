// Package resolve computes the module-download settings the go command will
// really use, and the chain of layers behind each one, as a pure function of
// an environment and a file system. It follows cmd/go/internal/cfg exactly;
// see shared/docs/go-env-semantics.md.
package resolve

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
)

// Input is everything resolution depends on.
type Input struct {
	Env  []string // process environment, "KEY=VALUE" as os.Environ returns it
	GOOS string   // operating system rules to apply; runtime.GOOS if empty
	Cwd  string   // working directory, for a relative GOENV
	FS   core.FS  // files; core.OSFS if nil
}

// FileState describes the user env file.
type FileState string

// User env file states.
const (
	FileOK          FileState = "ok"          // read successfully
	FileMissing     FileState = "missing"     // does not exist yet; go env -w creates it
	FileDirectory   FileState = "directory"   // the path is a directory; nothing is read
	FileUnreadable  FileState = "unreadable"  // exists but cannot be read
	FileOff         FileState = "off"         // GOENV=off: no user file
	FileUnavailable FileState = "unavailable" // no configuration directory can be found
)

// EnvFile is the user env file as the go command locates and reads it.
type EnvFile struct {
	Path      string          `json:"path"`     // as the go command uses it (may be relative)
	AbsPath   string          `json:"abs_path"` // Path made absolute against Input.Cwd
	State     FileState       `json:"state"`
	Reason    string          `json:"reason,omitempty"`
	Cause     string          `json:"cause,omitempty"` // unreadable: permission, loop, special, too-large or other
	FromGOENV bool            `json:"from_goenv"`      // the location was set by GOENV
	Data      []byte          `json:"-"`
	Entries   []envfile.Entry `json:"-"`
}

// Goroot is the Go installation as the go command finds itself.
type Goroot struct {
	GoBinary  string          `json:"go_binary,omitempty"` // "go" found on PATH; empty if none
	Path      string          `json:"path"`                // the GOROOT whose go.env is read
	Reported  string          `json:"reported"`            // what go env GOROOT prints
	FoundBy   string          `json:"found_by"`            // env-file, process-env, executable, or none
	Version   string          `json:"version,omitempty"`   // first line of $GOROOT/VERSION
	GoEnvPath string          `json:"go_env_path,omitempty"`
	GoEnvData []byte          `json:"-"`
	Entries   []envfile.Entry `json:"-"`               // of go.env
	Error     string          `json:"error,omitempty"` // Err in English
	Err       error           `json:"-"`
}

// setErr sets g's error: the case of "resolve.goroot" ("none", "trimmed"
// or "missing").
func (g *Goroot) setErr(kind string) {
	g.Err = core.NewError("resolve.goroot", map[string]string{"Case": kind, "Path": g.Path}, nil)
	g.Error = g.Err.Error()
}

// Installed reports whether a go command was found on PATH.
func (g Goroot) Installed() bool { return g.GoBinary != "" }

// Resolution is the result of Resolve.
type Resolution struct {
	GOOS     string         `json:"goos"`
	EnvFile  EnvFile        `json:"env_file"`
	Goroot   Goroot         `json:"goroot"`
	Settings []core.Setting `json:"-"` // in core.Vars order
	env      map[string]string
	envSet   map[string]bool
}

// Get returns the resolved setting with the given name.
func (r *Resolution) Get(name string) (core.Setting, bool) {
	for _, s := range r.Settings {
		if s.Name == name {
			return s, true
		}
	}
	return core.Setting{}, false
}

// Value returns the effective value of name, or "" if it is not managed.
func (r *Resolution) Value(name string) string {
	s, _ := r.Get(name)
	return s.Value
}

// OSEnv returns the process environment's value of key as the go command
// sees it ("" when unset or empty).
func (r *Resolution) OSEnv(key string) string { return r.env[r.envKey(key)] }

// OSEnvPresent reports whether key is present in the process environment,
// even with an empty value.
func (r *Resolution) OSEnvPresent(key string) bool { return r.envSet[r.envKey(key)] }

func (r *Resolution) envKey(k string) string {
	if r.GOOS == "windows" {
		return strings.ToUpper(k)
	}
	return k
}

// Resolve computes every managed setting.
func Resolve(in Input) *Resolution {
	if in.GOOS == "" {
		in.GOOS = runtime.GOOS
	}
	if in.FS == nil {
		in.FS = core.OSFS{}
	}
	r := &Resolution{GOOS: in.GOOS, env: map[string]string{}, envSet: map[string]bool{}}
	for _, kv := range in.Env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			continue
		}
		k = r.envKey(k)
		if r.envSet[k] { // the first mention of a key wins, as in syscall.Getenv
			continue
		}
		r.env[k], r.envSet[k] = v, true
	}
	r.EnvFile = locateEnvFile(r, in)
	user := envfile.Index(r.EnvFile.Entries, true)
	r.Goroot = findGoroot(r, in, user)
	goenv := envfile.Index(r.Goroot.Entries, false)

	for _, v := range core.Vars {
		var s core.Setting
		switch v.Name {
		case "GOENV":
			s = r.resolveGOENV(user)
		default:
			s = r.resolveVar(v.Name, user, goenv)
		}
		r.Settings = append(r.Settings, s)
	}
	return r
}

// UserConfigDir mirrors os.UserConfigDir for the resolution's GOOS and
// environment.
func (r *Resolution) UserConfigDir() (string, error) {
	switch r.GOOS {
	case "windows":
		if d := r.OSEnv("AppData"); d != "" {
			return d, nil
		}
		return "", core.NewError("resolve.no-config-dir", map[string]string{"Case": "appdata"}, nil)
	case "darwin", "ios":
		if d := r.OSEnv("HOME"); d != "" {
			return d + "/Library/Application Support", nil
		}
		return "", core.NewError("resolve.no-config-dir", map[string]string{"Case": "home"}, nil)
	case "plan9":
		if d := r.OSEnv("home"); d != "" {
			return d + "/lib", nil
		}
		return "", core.NewError("resolve.no-config-dir", map[string]string{"Case": "plan9"}, nil)
	}
	d := r.OSEnv("XDG_CONFIG_HOME")
	if d == "" {
		if h := r.OSEnv("HOME"); h != "" {
			return h + "/.config", nil
		}
		return "", core.NewError("resolve.no-config-dir", map[string]string{"Case": "xdg"}, nil)
	}
	if !isAbs(r.GOOS, d) {
		return "", core.NewError("resolve.no-config-dir", map[string]string{"Case": "xdg-relative"}, nil)
	}
	return d, nil
}

func isAbs(goos, p string) bool { return core.IsAbs(goos, p) }

// DefaultEnvFilePath returns the file go env -w writes when GOENV is unset,
// or an error saying why there is none.
func DefaultEnvFilePath(r *Resolution) (string, error) {
	dir, err := r.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "go/env"), nil
}

func locateEnvFile(r *Resolution, in Input) EnvFile {
	var f EnvFile
	if g := r.OSEnv("GOENV"); g != "" {
		if g == "off" {
			return EnvFile{State: FileOff, FromGOENV: true, Reason: "GOENV=off in the environment"}
		}
		f.Path, f.FromGOENV = g, true
	} else {
		p, err := DefaultEnvFilePath(r)
		if err != nil {
			return EnvFile{State: FileUnavailable, Reason: err.Error()}
		}
		f.Path = p
	}
	f.AbsPath = absIn(in, f.Path)
	data, err := in.FS.ReadFile(f.AbsPath)
	switch {
	case err == nil:
		f.State, f.Data, f.Entries = FileOK, data, envfile.Parse(data)
	case errors.Is(err, fs.ErrNotExist):
		f.State = FileMissing
	default:
		if st, serr := in.FS.Stat(f.AbsPath); serr == nil && st.IsDir() {
			f.State = FileDirectory
		} else {
			f.State, f.Cause = FileUnreadable, unreadableCause(err)
		}
		f.Reason = err.Error()
	}
	return f
}

// unreadableCause classifies why a file could not be read, so that the fix
// offered fits: a permission, a symlink loop, a named pipe or socket, a
// file too large to be an env file, or something else.
func unreadableCause(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission"
	case errors.Is(err, syscall.ELOOP):
		return "loop"
	case errors.Is(err, core.ErrNotRegular):
		return "special"
	case errors.Is(err, core.ErrTooLarge):
		return "too-large"
	}
	return "other"
}
