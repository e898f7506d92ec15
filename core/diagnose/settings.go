package diagnose

import (
	"maps"
	"net/url"
	"strings"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// layers holds a setting's chain by source.
type layers struct {
	os, file, goroot core.Layer
}

func layersOf(s core.Setting) layers {
	var l layers
	for _, c := range s.Chain {
		switch c.Source {
		case core.SourceProcessEnv:
			l.os = c
		case core.SourceEnvFile:
			l.file = c
		case core.SourceGorootEnv:
			l.goroot = c
		}
	}
	return l
}

// setting diagnoses one resolved variable.
func setting(r *resolve.Resolution, s core.Setting) []core.Problem {
	if s.Name == "GOENV" {
		return nil
	}
	l := layersOf(s)
	var ps []core.Problem
	ps = append(ps, shadowing(r, s, l)...)
	ps = append(ps, empty(r, s, l)...)
	ps = append(ps, inEffect(r, s)...)
	ps = append(ps, followsGOPRIVATE(r, s)...)
	ps = append(ps, noGOPATH(r, s)...)
	return append(ps, insecureProxy(r, s)...)
}

// noGOPATH reports an empty GOPATH (no home directory): the go command then
// has nowhere for the checksum database cache, nor, without GOMODCACHE, for
// the module cache.
func noGOPATH(r *resolve.Resolution, s core.Setting) []core.Problem {
	if s.Name != "GOPATH" || s.Value != "" || !r.Goroot.Installed() {
		return nil
	}
	a := args{}
	if r.Value("GOMODCACHE") == "" {
		a["NoModCache"] = "true"
	}
	return []core.Problem{problem(core.SeverityError, "GOPATH", "no-gopath", a)}
}

// insecureProxy reports GOINSECURE patterns naming a GOPROXY host:
// GOINSECURE never affects proxy URLs.
func insecureProxy(r *resolve.Resolution, s core.Setting) []core.Problem {
	if s.Name != "GOINSECURE" || s.Value == "" {
		return nil
	}
	var ps []core.Problem
	for _, h := range proxyHosts(r.Value("GOPROXY")) {
		if module.MatchPrefixPatterns(s.Value, h) {
			ps = append(ps, problem(core.SeverityWarning, "GOINSECURE", "goinsecure-proxy", args{"Host": h}))
		}
	}
	return ps
}

// proxyHosts returns the hosts of the URL entries of a GOPROXY list.
func proxyHosts(goproxy string) []string {
	var hosts []string
	for _, e := range strings.FieldsFunc(goproxy, func(c rune) bool { return c == ',' || c == '|' }) {
		e = strings.TrimSpace(e)
		if e == "off" || e == "direct" {
			break
		}
		if !strings.Contains(e, "://") {
			e = "https://" + e
		}
		if u, err := url.Parse(e); err == nil && u.Host != "" {
			hosts = append(hosts, u.Hostname())
		}
	}
	return hosts
}

// shadowing reports OS values hiding the env file or go.env, and empty OS
// values that hide nothing.
func shadowing(r *resolve.Resolution, s core.Setting, l layers) []core.Problem {
	name := s.Name
	a := args{"OSValue": validate.Redact(l.os.Value), "@Hint": validate.OSRemoveSnippet(r.GOOS)}
	switch {
	case l.os.Set && l.file.Set && l.file.Value != l.os.Value:
		a["FileValue"] = validate.Redact(l.file.Value)
		return []core.Problem{atLine(r, problem(core.SeverityWarning, name, "os-shadows-file", a), l.file.Line)}
	case l.os.Set && !l.file.Set && l.goroot.Set && l.goroot.Value != l.os.Value:
		a["Default"] = validate.Redact(l.goroot.Value)
		return []core.Problem{problem(core.SeverityInfo, name, "os-shadows-goenv", a)}
	case !l.os.Set && r.OSEnvPresent(name) && (l.file.Set || l.goroot.Set):
		return []core.Problem{problem(core.SeverityInfo, name, "os-empty-ignored", nil)}
	}
	return nil
}

// empty reports an empty effective GOPROXY/GOSUMDB and empty env-file lines
// that hide go.env or do not do what they look like.
func empty(r *resolve.Resolution, s core.Setting, l layers) []core.Problem {
	if l.os.Set {
		return nil
	}
	if l.file.Set && l.file.Value == "" {
		var ps []core.Problem
		for _, p := range validate.Empty(r, s.Name) {
			ps = append(ps, atLine(r, p, l.file.Line))
		}
		return ps
	}
	if s.Value != "" || s.Name != "GOPROXY" && s.Name != "GOSUMDB" {
		return nil
	}
	if !r.Goroot.Installed() || r.Goroot.Error != "" {
		return nil // reported as an installation problem
	}
	ps := validate.Empty(r, s.Name) // nothing sets it, not even go.env
	for i := range ps {
		setArg(&ps[i], "Nowhere", "true")
	}
	return ps
}

// breaksEverything are codes of values that make every go command fail,
// including go env -u, so the fix must not rely on the go command.
var breaksEverything = []string{"toolchain-invalid", "gopath-element-relative", "gopath-tilde", "gopath-relative"}

// inEffect checks the effective value with validate.Value, when it was set
// in some layer (defaults and derived values are not the user's doing).
func inEffect(r *resolve.Resolution, s core.Setting) []core.Problem {
	w := s.Winner()
	if s.Value == "" || w.Source == core.SourceDefault || w.Source == core.SourceDerived {
		return nil
	}
	var ps []core.Problem
	for _, p := range validate.Value(r, s.Name, s.Value) {
		ps = append(ps, locate(r, p, w))
	}
	return ps
}

// locate ties p to the layer w its value comes from: its "@From" snippet
// says where the value comes from, its "@Before" snippet what to do first
// when the value breaks every go command.
func locate(r *resolve.Resolution, p core.Problem, w core.Layer) core.Problem {
	breaks := contains(breaksEverything, p.Code)
	switch w.Source {
	case core.SourceEnvFile:
		p.File, p.Line = w.File, w.Line
		if breaks {
			setArg(&p, "@Before", "fix.breaks-go")
		}
	case core.SourceGorootEnv:
		p.File, p.Line = w.File, w.Line
		setArg(&p, "@From", "from.goroot-env")
	case core.SourceProcessEnv:
		setArg(&p, "@From", "from.process-env")
		if breaks {
			setArg(&p, "@Before", validate.OSRemoveSnippet(r.GOOS))
		}
	}
	return p
}

// setArg sets one template argument of p and renders p again.
func setArg(p *core.Problem, key, value string) {
	a := maps.Clone(p.Args)
	if a == nil {
		a = args{}
	}
	a[key] = value
	p.Args = a
	p.Render()
}

// followsGOPRIVATE reports GONOPROXY/GONOSUMDB set explicitly, so that they
// no longer follow GOPRIVATE.
func followsGOPRIVATE(r *resolve.Resolution, s core.Setting) []core.Problem {
	if s.Name != "GONOPROXY" && s.Name != "GONOSUMDB" || s.Source == core.SourceDerived || s.Value == "" {
		return nil
	}
	private := r.Value("GOPRIVATE")
	if private == "" || private == s.Value {
		return nil
	}
	var missing []string
	for _, p := range strings.Split(private, ",") {
		if p != "" && !contains(strings.Split(s.Value, ","), p) {
			missing = append(missing, p)
		}
	}
	a, sev := args{"Value": s.Value, "GOPRIVATE": private}, core.SeverityInfo
	if len(missing) > 0 && s.Value != "none" {
		a["Missing"], sev = strings.Join(missing, ","), core.SeverityWarning
	}
	p := problem(sev, s.Name, "no-longer-follows-goprivate", a)
	if w := s.Winner(); w.Source == core.SourceEnvFile {
		p.File, p.Line = w.File, w.Line
	}
	return []core.Problem{p}
}
