package mirrors

import (
	"testing"

	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/internal/testenv"
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

// machine builds a throwaway machine whose $GOROOT/go.env holds goEnv and
// returns its environment (first entries win) and its directory.
func machine(t testing.TB, goEnv string, env ...string) ([]string, string) {
	t.Helper()
	m := testenv.New(t, testenv.WithGoEnv(goEnv), testenv.Vars(env...))
	return m.FirstWins(), m.Dir
}
