package mirrors

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core/resolve"
)

// testGoEnv is the fake GOROOT's go.env: made-up hosts only.
const testGoEnv = "# fake go.env\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=local\n"

// resolveWith resolves a throwaway machine whose $GOROOT/go.env holds
// goEnv, with extra OS environment entries (later ones win).
func resolveWith(t testing.TB, goEnv string, env ...string) *resolve.Resolution {
	t.Helper()
	all, dir := machine(t, goEnv, env...)
	return resolve.Resolve(resolve.Input{Env: all, GOOS: "linux", Cwd: dir})
}

// machine builds a throwaway GOROOT, HOME and config directory in a temp
// dir and returns the environment (first entries win) and the dir.
func machine(t testing.TB, goEnv string, env ...string) ([]string, string) {
	t.Helper()
	dir := t.TempDir()
	goroot := filepath.Join(dir, "goroot")
	for _, d := range []string{filepath.Join(goroot, "pkg", "tool"), filepath.Join(goroot, "bin"), filepath.Join(dir, "home"), filepath.Join(dir, "config", "go")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, data string, mode os.FileMode) {
		if err := os.WriteFile(name, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(goroot, "VERSION"), "go1.26.8\n", 0o644)
	write(filepath.Join(goroot, "bin", "go"), "#!/bin/sh\n", 0o755)
	write(filepath.Join(goroot, "go.env"), goEnv, 0o644)
	all := append([]string{"GOROOT=" + goroot, "HOME=" + filepath.Join(dir, "home"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "PATH=" + filepath.Join(goroot, "bin")}, env...)
	slices.Reverse(all)
	return all, dir
}
