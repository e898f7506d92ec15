package diagnose

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// testGoEnv is the fake GOROOT's go.env: made-up hosts only.
const testGoEnv = "# fake go.env\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=auto\n"

// setup describes a throwaway machine: a fake GOROOT with go.env, a user env
// file and extra OS environment entries (later entries win).
type setup struct {
	goEnv   string // go.env contents; testGoEnv if empty
	noGoEnv bool   // leave go.env out
	noGo    bool   // no go binary on PATH
	file    string // user env file contents, written if non-empty
	fileDir bool   // make the user env file a directory
	pinRoot bool   // append GOROOT=<the fake GOROOT> to the user env file
	denied  bool   // reading the user env file fails with a permission error
	env     []string
}

// resolveSetup builds the files in t.TempDir and resolves them.
func resolveSetup(t testing.TB, s setup) *resolve.Resolution {
	t.Helper()
	dir := t.TempDir()
	goroot := filepath.Join(dir, "goroot")
	home := filepath.Join(dir, "home")
	config := filepath.Join(dir, "config")
	mkdir(t, filepath.Join(goroot, "pkg", "tool"), filepath.Join(goroot, "bin"), home, filepath.Join(config, "go"))
	write(t, filepath.Join(goroot, "VERSION"), "go1.26.8\ntime 2026-01-01\n", 0o644)
	if !s.noGo {
		write(t, filepath.Join(goroot, "bin", "go"), "#!/bin/sh\n", 0o755)
	}
	switch {
	case s.noGoEnv:
	case s.goEnv != "":
		write(t, filepath.Join(goroot, "go.env"), s.goEnv, 0o644)
	default:
		write(t, filepath.Join(goroot, "go.env"), testGoEnv, 0o644)
	}
	envFile := filepath.Join(config, "go", "env")
	if s.pinRoot {
		s.file += "GOROOT=" + goroot + "\n"
	}
	if s.file != "" {
		write(t, envFile, s.file, 0o644)
	}
	if s.fileDir {
		mkdir(t, envFile)
	}
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + config, "PATH=" + filepath.Join(goroot, "bin")}
	if !s.noGo {
		env = append(env, "GOROOT="+goroot)
	}
	env = append(env, s.env...)
	slices.Reverse(env) // the first mention wins in Resolve
	in := resolve.Input{Env: env, GOOS: "linux", Cwd: dir}
	if s.denied {
		in.FS = deniedFS{envFile}
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

func mkdir(t testing.TB, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func write(t testing.TB, name, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
}

// codes returns the sorted problem codes.
func codes(ps []core.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Code)
	}
	slices.Sort(out)
	return out
}
