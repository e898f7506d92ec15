package diagnose

import (
	"io/fs"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/internal/testenv"
)

// setup describes a throwaway machine: a fake GOROOT with go.env, a user env
// file and extra OS environment entries (later entries win).
type setup struct {
	goEnv   string // go.env contents; testenv.GoEnv if empty
	noGoEnv bool   // leave go.env out
	noGo    bool   // no go binary on PATH
	file    string // user env file contents, written if non-empty
	fileDir bool   // make the user env file a directory
	pinRoot bool   // append GOROOT=<the fake GOROOT> to the user env file
	denied  bool   // reading the user env file fails with a permission error
	env     []string
}

// resolveSetup builds the machine and resolves it.
func resolveSetup(t testing.TB, s setup) *resolve.Resolution {
	t.Helper()
	opts := []testenv.Option{testenv.Vars(s.env...)}
	switch {
	case s.noGoEnv:
		opts = append(opts, testenv.NoGoEnv())
	case s.goEnv != "":
		opts = append(opts, testenv.WithGoEnv(s.goEnv))
	}
	if s.noGo {
		opts = append(opts, testenv.NoGo())
	}
	m := testenv.New(t, opts...)
	if s.pinRoot {
		s.file += "GOROOT=" + m.Goroot + "\n"
	}
	if s.file != "" {
		testenv.Write(t, m.EnvFile, s.file)
	}
	if s.fileDir {
		testenv.Mkdir(t, m.EnvFile)
	}
	in := resolve.Input{Env: m.FirstWins(), GOOS: "linux", Cwd: m.Dir}
	if s.denied {
		in.FS = deniedFS{m.EnvFile}
	}
	return resolve.Resolve(in)
}

// deniedFS is the real file system, except that reading one file fails.
type deniedFS struct{ name string }

func (d deniedFS) ReadFile(name string) ([]byte, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return core.OSFS{}.ReadFile(name)
}

func (deniedFS) Stat(name string) (fs.FileInfo, error) { return core.OSFS{}.Stat(name) }

func (deniedFS) EvalSymlinks(name string) (string, error) { return core.OSFS{}.EvalSymlinks(name) }

// codes returns the sorted problem codes.
func codes(ps []core.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Code)
	}
	slices.Sort(out)
	return out
}
