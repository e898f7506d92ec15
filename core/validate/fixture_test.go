package validate

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/internal/testenv"
)

// testGoEnv is the fake GOROOT's go.env: made-up hosts only.
const testGoEnv = testenv.GoEnv

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

// resolveSetup builds the machine and resolves it.
func resolveSetup(t testing.TB, s setup) *resolve.Resolution {
	t.Helper()
	goos := cmp.Or(s.goos, "linux")
	opts := []testenv.Option{testenv.GOOS(goos), testenv.EnvFile(s.file), testenv.Vars(s.env...)}
	switch {
	case s.noGoEnv:
		opts = append(opts, testenv.NoGoEnv())
	case s.goEnv != "":
		opts = append(opts, testenv.WithGoEnv(s.goEnv))
	}
	m := testenv.New(t, opts...)
	return resolve.Resolve(resolve.Input{Env: m.FirstWins(), GOOS: goos, Cwd: m.Dir})
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
