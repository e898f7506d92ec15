package profile_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/internal/testenv"
)

// machine is a throwaway machine (testenv) with Go Mirror's own config dir.
type machine struct {
	dir, envFile, configDir string
	env                     []string
}

func newMachine(t testing.TB, file string, extraEnv ...string) *machine {
	t.Helper()
	tm := testenv.New(t, testenv.EnvFile(file), testenv.Vars(extraEnv...))
	return &machine{dir: tm.Dir, envFile: tm.EnvFile, configDir: filepath.Join(tm.Dir, "gomirror"), env: tm.FirstWins()}
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
