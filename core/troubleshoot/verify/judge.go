package verify

import (
	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/private/pattern"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

type args = map[string]string

// judge compares every source with the reference and sets the verdict:
// the checksum database when it has a record, else what most mirrors
// serve.
func judge(a *Analysis, r *resolve.Resolution) {
	var db *Source
	for i := range a.Sources {
		if a.Sources[i].Kind == KindSumDB {
			db = &a.Sources[i]
		}
	}
	ref := reference(a, db)
	if ref == nil {
		a.noReference(r, db)
		return
	}
	ref.State = StateReference
	for i := range a.Sources {
		if s := &a.Sources[i]; s != ref && s.State == "" {
			s.State = compare(*s, *ref)
		}
	}
	a.verdict(r, *ref)
}

// reference picks the source the others are compared with.
func reference(a *Analysis, db *Source) *Source {
	if db != nil && db.State == "" && (db.Zip != "" || db.Mod != "") {
		return db
	}
	return majority(a)
}

// majority returns a mirror whose hashes most answering mirrors share, if
// more than one mirror answered.
func majority(a *Analysis) *Source {
	count := map[string]int{}
	var best *Source
	answered := 0
	for i := range a.Sources {
		s := &a.Sources[i]
		if s.Kind != KindMirror || s.State != "" {
			continue
		}
		answered++
		count[s.Zip+s.Mod]++
		if best == nil || count[s.Zip+s.Mod] > count[best.Zip+best.Mod] {
			best = s
		}
	}
	if best == nil || answered > 1 && count[best.Zip+best.Mod]*2 <= answered {
		return nil
	}
	return best
}

// compare says whether s agrees with ref on every hash both have.
func compare(s, ref Source) string {
	if s.Zip != "" && ref.Zip != "" && s.Zip != ref.Zip || s.Mod != "" && ref.Mod != "" && s.Mod != ref.Mod {
		return StateDisagrees
	}
	return StateAgrees
}

// verdict names the sources that disagree with ref.
func (a *Analysis) verdict(r *resolve.Resolution, ref Source) {
	a.Verdict = "consistent"
	var gosum *Source
	bad := 0
	for i := range a.Sources {
		s := &a.Sources[i]
		switch {
		case s.State == StateDisagrees && s.Kind == KindMirror:
			bad++
			a.mirrorDisagrees(r, *s, ref)
		case s.State == StateDisagrees && s.Kind == KindGoSum:
			gosum = s
		case s.State == StateMissing && s.Kind == KindSumDB:
			a.sumdbPrivate(r, *s)
		case s.State == StateMissing && s.Kind == KindMirror:
			a.add(core.SeverityWarning, "", "verify-mirror-missing", args{"Name": s.Name, "Module": a.Module, "Version": a.Version})
		case s.State == StateError:
			a.add(core.SeverityWarning, "", "verify-unreachable", args{"Name": s.Name, "Error": s.Error})
		}
	}
	if gosum != nil && bad == 0 {
		a.goSumDisagrees(r, *gosum, ref)
	}
	if a.Verdict == "consistent" {
		a.add(core.SeverityInfo, "", "verify-consistent", args{"Module": a.Module, "Version": a.Version, "Reference": ref.Name})
	}
}

func (a *Analysis) mirrorDisagrees(r *resolve.Resolution, s, ref Source) {
	a.Verdict = "mirror-disagrees"
	x := args{"Name": s.Name, "Module": a.Module, "Version": a.Version, "Reference": ref.Name, "RefKind": ref.Kind}
	if rest, ok := without(r, s.URL); ok {
		x["Suggestion"] = rest
		a.suggest("GOPROXY", rest)
	}
	a.add(core.SeverityError, "GOPROXY", "verify-mirror-disagrees", x)
}

// without returns GOPROXY without the entry u, if it is there and others
// remain.
func without(r *resolve.Resolution, u string) (string, bool) {
	var out mirrors.Chain
	found := false
	for _, l := range mirrors.ParseChain(r.Value("GOPROXY")) {
		if mirrors.SameURL(l.Target, u) {
			found = true
			continue
		}
		out = append(out, l)
	}
	return out.String(), found && len(out) > 0
}

// goSumDisagrees: every mirror agrees with the reference, go.sum does not.
func (a *Analysis) goSumDisagrees(r *resolve.Resolution, s, ref Source) {
	x := args{"GoSum": s.Name, "Module": a.Module, "Version": a.Version, "Reference": ref.Name}
	if ref.Kind == KindSumDB {
		a.Verdict = "gosum-edited"
		a.add(core.SeverityError, "", "verify-gosum-edited", x)
		return
	}
	a.Verdict = "retagged"
	if p, ok := pattern.Match(r.Value("GONOSUMDB"), a.Module); ok {
		x["Pattern"] = p
	}
	a.add(core.SeverityError, "", "verify-retagged", x)
}

// noReference: the checksum database has no record and no mirror majority
// exists; a database that says "not found" means a private module.
func (a *Analysis) noReference(r *resolve.Resolution, db *Source) {
	a.Verdict = "unknown"
	if db != nil && db.State == StateMissing {
		a.sumdbPrivate(r, *db)
		return
	}
	a.add(core.SeverityWarning, "", "verify-no-reference", args{"Module": a.Module, "Version": a.Version})
}

// sumdbPrivate: the database does not know the module, which it would if
// the module were public.
func (a *Analysis) sumdbPrivate(r *resolve.Resolution, db Source) {
	if a.Verdict == "consistent" || a.Verdict == "unknown" {
		a.Verdict = "sumdb-private"
	}
	name := "GOPRIVATE"
	if s, ok := r.Get("GONOSUMDB"); ok && s.Source != core.SourceDerived && s.Source != core.SourceDefault {
		name = "GONOSUMDB"
	}
	p := troubleshoot.PrivatePattern(a.Module)
	value := p
	if v := r.Value(name); v != "" {
		value = v + "," + p
	}
	a.suggest(name, value)
	a.add(core.SeverityError, name, "verify-sumdb-private", args{"Module": a.Module, "DB": db.Name, "Pattern": p, "Suggestion": value})
}

func (a *Analysis) add(sev core.Severity, v, code string, x args) {
	a.Problems = append(a.Problems, core.NewProblem(sev, v, code, x))
}

func (a *Analysis) suggest(k, v string) {
	if a.Set == nil {
		a.Set = map[string]string{}
	}
	a.Set[k] = v
}
