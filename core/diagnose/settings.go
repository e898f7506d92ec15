package diagnose

import (
	"fmt"
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
	msg := "GOPATH is empty because no home directory is set: verifying downloads fails with \"could not locate sumdb file: missing $GOPATH\""
	if r.Value("GOMODCACHE") == "" {
		msg += ", and downloads fail with \"module cache not found: neither GOMODCACHE nor GOPATH is set\""
	}
	return []core.Problem{problem(core.SeverityError, "GOPATH", "no-gopath", msg+".",
		"Set HOME (USERPROFILE on Windows) in the OS environment, or set GOPATH to an absolute directory with Go Mirror.")}
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
			ps = append(ps, problem(core.SeverityWarning, "GOINSECURE", "goinsecure-proxy",
				fmt.Sprintf("GOINSECURE matches the GOPROXY host %s, but GOINSECURE never applies to proxy URLs: it only affects modules fetched directly.", h),
				"To use a proxy over plain HTTP, write its GOPROXY entry as http://"+h+"; remove "+h+" from GOINSECURE."))
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
	switch {
	case l.os.Set && l.file.Set && l.file.Value != l.os.Value:
		p := problem(core.SeverityWarning, name, "os-shadows-file",
			fmt.Sprintf("Your OS environment sets %s=%s, which overrides the env file's %s=%s: the file's value has no effect.", name, validate.Redact(l.os.Value), name, validate.Redact(l.file.Value)),
			validate.OSRemoveHint(r.GOOS, name)+" Or, if the OS value is the one you want, set it in the env file too.")
		if name == "GOFLAGS" {
			p.Message += " GOFLAGS values are not merged: only the OS flags apply."
		}
		return []core.Problem{atLine(r, p, l.file.Line)}
	case l.os.Set && !l.file.Set && l.goroot.Set && l.goroot.Value != l.os.Value:
		return []core.Problem{problem(core.SeverityInfo, name, "os-shadows-goenv",
			fmt.Sprintf("Your OS environment sets %s=%s, overriding the installation default %s from $GOROOT/go.env.", name, validate.Redact(l.os.Value), validate.Redact(l.goroot.Value)),
			"Nothing to do if this is intended; to go back to the default, "+lowerFirst(validate.OSRemoveHint(r.GOOS, name)))}
	case !l.os.Set && r.OSEnvPresent(name) && (l.file.Set || l.goroot.Set):
		return []core.Problem{problem(core.SeverityInfo, name, "os-empty-ignored",
			fmt.Sprintf("Your OS environment sets %s to the empty string, which the go command treats as unset: it does not clear the value from the env file or go.env.", name),
			"To change "+name+", set a non-empty value; to remove it, unset it in the env file with Go Mirror.")}
	}
	return nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
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
		ps[i].Message = fmt.Sprintf("Nothing sets %s, not even $GOROOT/go.env. %s", s.Name, ps[i].Message)
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

// locate ties p to the layer w its value comes from.
func locate(r *resolve.Resolution, p core.Problem, w core.Layer) core.Problem {
	switch w.Source {
	case core.SourceEnvFile:
		p.File, p.Line = w.File, w.Line
		if contains(breaksEverything, p.Code) {
			p.Fix = fmt.Sprintf("Correct or unset %s with Go Mirror: while it is in effect every go command fails, including go env -w and go env -u. %s", p.Var, p.Fix)
		}
	case core.SourceGorootEnv:
		p.File, p.Line = w.File, w.Line
		p.Message += " The value comes from $GOROOT/go.env."
	case core.SourceProcessEnv:
		p.Message += " The value comes from your OS environment."
		if contains(breaksEverything, p.Code) {
			p.Fix = validate.OSRemoveHint(r.GOOS, p.Var) + " " + p.Fix
		}
	}
	return p
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
	what := "fetched through GOPROXY"
	if s.Name == "GONOSUMDB" {
		what = "looked up in the checksum database (which fails for private modules and reveals their names)"
	}
	p := problem(core.SeverityInfo, s.Name, "no-longer-follows-goprivate",
		fmt.Sprintf("%s is set explicitly (%s), so it no longer follows GOPRIVATE (%s).", s.Name, s.Value, private),
		"Nothing to do if this is intended; to follow GOPRIVATE again, unset "+s.Name+".")
	if len(missing) > 0 && s.Value != "none" {
		p.Severity = core.SeverityWarning
		p.Message += fmt.Sprintf(" Modules matching %s are private but still %s.", strings.Join(missing, ","), what)
		p.Fix = "Unset " + s.Name + " to follow GOPRIVATE, or add " + strings.Join(missing, ",") + " to it."
	}
	if w := s.Winner(); w.Source == core.SourceEnvFile {
		p.File, p.Line = w.File, w.Line
	}
	return []core.Problem{p}
}
