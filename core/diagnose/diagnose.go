// Package diagnose explains why a setting is not taking effect: which layer
// hides which, lines of the env file the go command skips or misreads, and
// values that break downloads. It reuses core/validate for the values.
package diagnose

import (
	"sort"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Run returns every finding for the resolution r, most severe first, then in
// the order of core.Vars.
func Run(r *resolve.Resolution) []core.Problem {
	var ps []core.Problem
	ps = append(ps, installation(r)...)
	ps = append(ps, envFileState(r)...)
	ps = append(ps, fileLines(r)...)
	for _, s := range r.Settings {
		ps = append(ps, setting(r, s)...)
	}
	sortProblems(ps)
	return ps
}

// sortProblems orders by severity (error, warning, info), then by variable:
// the installation (GOROOT) first, then core.Vars order, then other keys.
func sortProblems(ps []core.Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		si, sj := severityRank(ps[i].Severity), severityRank(ps[j].Severity)
		if si != sj {
			return si < sj
		}
		return varRank(ps[i].Var) < varRank(ps[j].Var)
	})
}

func severityRank(s core.Severity) int {
	switch s {
	case core.SeverityError:
		return 0
	case core.SeverityWarning:
		return 1
	}
	return 2
}

func varRank(name string) int {
	if name == "" || name == "GOROOT" {
		return -1
	}
	for i, v := range core.Vars {
		if v.Name == name {
			return i
		}
	}
	return len(core.Vars)
}

// args are the template arguments of a problem (see core.Template).
type args = map[string]string

func problem(sev core.Severity, key, code string, a args) core.Problem {
	return core.NewProblem(sev, key, code, a)
}

// atLine places p on line n of the user env file.
func atLine(r *resolve.Resolution, p core.Problem, n int) core.Problem {
	p.File, p.Line = r.EnvFile.Path, n
	return p
}
