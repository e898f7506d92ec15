package profile_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// testGoEnv is the fake GOROOT's go.env: made-up hosts only.
const testGoEnv = "GOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=auto\n"

// machine is a throwaway machine: a fake GOROOT, a HOME, a config dir with
// the user env file, and Go Mirror's own config dir.
type machine struct {
	dir, envFile, configDir string
	env                     []string
}

func newMachine(t testing.TB, file string, extraEnv ...string) *machine {
	t.Helper()
	dir := t.TempDir()
	goroot, home, config := filepath.Join(dir, "goroot"), filepath.Join(dir, "home"), filepath.Join(dir, "config")
	for _, d := range []string{filepath.Join(goroot, "pkg", "tool"), filepath.Join(goroot, "bin"), home, filepath.Join(config, "go")} {
		must(t, os.MkdirAll(d, 0o755))
	}
	must(t, os.WriteFile(filepath.Join(goroot, "go.env"), []byte(testGoEnv), 0o644))
	must(t, os.WriteFile(filepath.Join(goroot, "bin", "go"), []byte("#!/bin/sh\n"), 0o755))
	m := &machine{dir: dir, envFile: filepath.Join(config, "go", "env"), configDir: filepath.Join(dir, "gomirror")}
	if file != "" {
		must(t, os.WriteFile(m.envFile, []byte(file), 0o644))
	}
	env := append([]string{"GOROOT=" + goroot, "HOME=" + home, "XDG_CONFIG_HOME=" + config, "PATH=" + filepath.Join(goroot, "bin")}, extraEnv...)
	slices.Reverse(env) // later entries win, as in a shell
	m.env = env
	return m
}

func (m *machine) service() *service.Service {
	return service.New(service.Options{Env: m.env, GOOS: "linux", Cwd: m.dir, ConfigDir: m.configDir})
}

func (m *machine) resolve() *resolve.Resolution { return m.service().Resolve() }

func (m *machine) readEnvFile(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(m.envFile)
	must(t, err)
	return string(data)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func codes(ps []core.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Code)
	}
	slices.Sort(out)
	return out
}

func hasCode(ps []core.Problem, code string) bool { return slices.Contains(codes(ps), code) }

func writeFile(t testing.TB, name, data string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(name), 0o755))
	must(t, os.WriteFile(name, []byte(data), 0o644))
}
