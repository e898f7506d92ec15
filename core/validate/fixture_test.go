package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// testGoEnv is the fake GOROOT's go.env: made-up hosts only.
const testGoEnv = "# fake go.env\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=auto\n"

// setup describes a throwaway machine: a fake GOROOT with go.env (noGoEnv
// leaves it out), a user env file (when file is non-empty) and extra OS
// environment entries.
type setup struct {
	goEnv   string
	noGoEnv bool
	file    string
	env     []string
	goos    string // "linux" if empty
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
	goos, exe := s.goos, "go"
	if goos == "" {
		goos = "linux"
	}
	if goos == "windows" {
		exe = "go.exe"
	}
	write(t, filepath.Join(goroot, "bin", exe), "#!/bin/sh\n", 0o755)
	switch {
	case s.noGoEnv:
	case s.goEnv != "":
		write(t, filepath.Join(goroot, "go.env"), s.goEnv, 0o644)
	default:
		write(t, filepath.Join(goroot, "go.env"), testGoEnv, 0o644)
	}
	if s.file != "" {
		write(t, filepath.Join(config, "go", "env"), s.file, 0o644)
	}
	env := append([]string{"GOROOT=" + goroot, "HOME=" + home, "USERPROFILE=" + home, "XDG_CONFIG_HOME=" + config, "AppData=" + config, "PATH=" + filepath.Join(goroot, "bin")}, s.env...)
	// Later entries override earlier ones, as in a shell.
	slices.Reverse(env)
	return resolve.Resolve(resolve.Input{Env: env, GOOS: goos, Cwd: dir})
}

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

// checkComplete fails if a problem lacks a field every problem must have.
func checkComplete(t *testing.T, what string, ps []core.Problem) {
	t.Helper()
	for _, p := range ps {
		if p.Severity == "" || p.Var == "" && !strings.HasSuffix(what, `("")`) || p.Code == "" || p.Message == "" || p.Fix == "" {
			t.Errorf("%s: incomplete problem %+v", what, p)
		}
		if err := core.CheckRendered(p); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
}
