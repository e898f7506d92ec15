package resolve_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// benchEnv builds a realistic configuration in a temporary HOME: a user env
// file of the kind go env -w leaves behind, with telemetry off, and the real
// GOROOT found from PATH. It returns the environment and working directory.
func benchEnv(b *testing.B) ([]string, string) {
	requireGo(b)
	dir := b.TempDir()
	home, cwd := filepath.Join(dir, "home"), filepath.Join(dir, "work")
	cfg := filepath.Join(home, ".config", "go")
	for _, d := range []string{filepath.Join(cfg, "telemetry"), cwd} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(cfg, "env"): "GOFLAGS=-modcacherw\n" +
			"GONOSUMDB=git.corp.example.test\n" +
			"GOPRIVATE=*.corp.example.test,github.com/acme-example\n" +
			"GOPROXY=https://proxy.corp.example.test,https://mirror.example.test|direct\n" +
			"GOSUMDB=sum.example.test+1234+abcd https://sum.corp.example.test\n",
		filepath.Join(cfg, "telemetry", "mode"): "off",
	}
	for name, content := range files {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	env := []string{"PATH=" + basePATH, "HOME=" + home, "GOPRIVATE=*.corp.example.test", "LANG=C.UTF-8"}
	return env, cwd
}

// BenchmarkResolve resolves the 13 settings from the environment and files.
func BenchmarkResolve(b *testing.B) {
	env, cwd := benchEnv(b)
	in := resolve.Input{Env: env, Cwd: cwd, FS: core.OSFS{}}
	for b.Loop() {
		if r := resolve.Resolve(in); r.Value("GOFLAGS") != "-modcacherw" {
			b.Fatalf("GOFLAGS = %q", r.Value("GOFLAGS"))
		}
	}
}

// BenchmarkGoEnvJSON asks the real go command for the same settings in the
// same environment, for comparison with BenchmarkResolve.
func BenchmarkGoEnvJSON(b *testing.B) {
	env, cwd := benchEnv(b)
	for b.Loop() {
		if got, stderr := runGoEnv(b, realGo, cwd, env); got["GOFLAGS"] != "-modcacherw" {
			b.Fatalf("GOFLAGS = %q: %s", got["GOFLAGS"], stderr)
		}
	}
}
