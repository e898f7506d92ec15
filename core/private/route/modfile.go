package route

import (
	"github.com/gomirror/gomirror/core"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// ExplainFile explains every requirement of the go.mod or go.work file at
// path, in file order without duplicates. For a go.work file it reads the
// go.mod of each used module and skips requirements satisfied by the
// workspace itself. Requirements replaced by a local directory are not
// downloaded; those replaced by another module are explained under the
// replacement's path.
func ExplainFile(c Config, path string) ([]Route, error) {
	data, err := core.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var reqs []requirement
	if strings.HasSuffix(path, ".work") {
		reqs, err = workRequirements(path, data)
	} else {
		reqs, err = modRequirements(path, data)
	}
	if err != nil {
		return nil, err
	}
	var routes []Route
	for _, q := range reqs {
		routes = append(routes, q.explain(c))
	}
	return routes, nil
}

type requirement struct {
	mod      module.Version
	indirect bool
	replace  *modfile.Replace
}

func (q requirement) explain(c Config) Route {
	if q.replace != nil && q.replace.New.Version == "" {
		r := newRoute(q.mod.Path)
		r.Version = q.mod.Version
		r.step("", "", "route.replaced-local", map[string]string{"Dir": q.replace.New.Path})
		return r
	}
	path := q.mod.Path
	if q.replace != nil {
		path = q.replace.New.Path
	}
	r := Explain(c, path)
	r.Version = q.mod.Version
	if q.replace != nil {
		r.Module, r.Version = q.mod.Path, q.replace.New.Version
		replaced := newStep("", "", "route.replaced", map[string]string{"Path": q.replace.New.Path, "Version": q.replace.New.Version})
		r.Steps = append([]Step{replaced}, r.Steps...)
	}
	return r
}

func modRequirements(path string, data []byte) ([]requirement, error) {
	f, err := modfile.Parse(path, data, nil)
	if err != nil {
		return nil, err
	}
	return requirements(f, nil, map[string]bool{}), nil
}

func requirements(f *modfile.File, workReplace []*modfile.Replace, seen map[string]bool) []requirement {
	var out []requirement
	for _, r := range f.Require {
		if seen[r.Mod.Path] {
			continue
		}
		seen[r.Mod.Path] = true
		q := requirement{mod: r.Mod, indirect: r.Indirect}
		q.replace = findReplace(append(workReplace, f.Replace...), r.Mod)
		out = append(out, q)
	}
	return out
}

func findReplace(rs []*modfile.Replace, m module.Version) *modfile.Replace {
	for _, r := range rs {
		if r.Old.Path == m.Path && (r.Old.Version == "" || r.Old.Version == m.Version) {
			return r
		}
	}
	return nil
}

func workRequirements(path string, data []byte) ([]requirement, error) {
	w, err := modfile.ParseWork(path, data, nil)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var files []*modfile.File
	for _, u := range w.Use {
		gomod := filepath.Join(filepath.Dir(path), filepath.FromSlash(u.Path), "go.mod")
		data, err := core.ReadFile(gomod)
		if err != nil {
			return nil, core.NewError("route.work-use", map[string]string{"Path": u.Path}, err)
		}
		f, err := modfile.Parse(gomod, data, nil)
		if err != nil {
			return nil, err
		}
		if f.Module != nil {
			seen[f.Module.Mod.Path] = true // provided by the workspace
		}
		files = append(files, f)
	}
	var out []requirement
	for _, f := range files {
		out = append(out, requirements(f, w.Replace, seen)...)
	}
	return out, nil
}
