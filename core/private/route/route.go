// Package route explains where the go command fetches a module from: the
// proxies in order with each link's fallback rule, or a direct fetch (and
// which version-control tools GOVCS allows), whether the checksum database
// verifies it and how that database is reached, whether GOINSECURE applies,
// which stored credentials would be sent, and which setting and pattern
// caused each decision. It follows cmd/go/internal/modfetch exactly; see
// shared/docs/go-env-semantics.md §3–§5 and §7.
package route

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/pattern"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Kind is the kind of a source.
type Kind string

// Source kinds.
const (
	KindProxy  Kind = "proxy"  // a module proxy URL
	KindDirect Kind = "direct" // the module's origin (version-control host)
	KindOff    Kind = "off"    // GOPROXY=off: the walk ends with an error
)

// Fallback says when the go command moves on to the next source.
type Fallback string

// Fallback rules.
const (
	FallbackNotFound Fallback = "not-found" // ',': only after 404 or 410
	FallbackAnyError Fallback = "any-error" // '|': after any error
	FallbackNone     Fallback = ""          // nothing follows
)

// Source is one place the go command may fetch the module from.
type Source struct {
	Kind     Kind     `json:"kind"`
	URL      string   `json:"url,omitempty"`
	Fallback Fallback `json:"fallback"`
}

// Checksum says whether and how the checksum database verifies the module.
type Checksum struct {
	Verified bool   `json:"verified"`
	DB       string `json:"db,omitempty"`
	// URL is the database's explicit URL from GOSUMDB, if any.
	URL string `json:"url,omitempty"`
	// Via lists, without an explicit URL, the proxies asked for
	// <proxy>/sumdb/<db>/supported in order, ending with the database's own
	// https://<db> when no proxy answers 200.
	Via   []Source `json:"via,omitempty"`
	Error string   `json:"error,omitempty"`
}

// Step is one decision, with the setting and pattern that caused it. Text
// is in English: the core.Text Code rendered from Args, so that the GUI can
// translate it.
type Step struct {
	Var     string            `json:"var,omitempty"`
	Pattern string            `json:"pattern,omitempty"`
	Text    string            `json:"text"`
	Code    string            `json:"-"`
	Args    map[string]string `json:"-"`
}

// Route is the explanation for one module path.
type Route struct {
	Module string `json:"module"`
	// Version is set for a requirement of a go.mod or go.work file.
	Version  string   `json:"version,omitempty"`
	Sources  []Source `json:"sources"`
	Checksum Checksum `json:"checksum"`
	// Private reports a GOPRIVATE match: what GOVCS calls "private".
	Private  bool     `json:"private"`
	Insecure bool     `json:"insecure"`
	Auth     []string `json:"auth"`
	// VCS lists the version-control tools GOVCS allows for a direct fetch
	// ("all" for any); empty if none is allowed or nothing goes direct.
	VCS   []string `json:"vcs,omitempty"`
	Steps []Step   `json:"steps"`
	// Error is in English: the core.Text ErrorCode rendered from ErrorArgs.
	Error     string            `json:"error,omitempty"`
	ErrorCode string            `json:"-"`
	ErrorArgs map[string]string `json:"-"`
}

// Config is what the explanation depends on: the effective settings and the
// credentials that exist.
type Config struct {
	GOPROXY, GONOPROXY, GOPRIVATE, GONOSUMDB, GOSUMDB, GOINSECURE, GOVCS, GOAUTH string
	// KnownSumDB is the name of the checksum database the toolchain has a
	// key for (from $GOROOT/go.env); the alias sum.golang.google.cn means it.
	KnownSumDB string
	// NoProxyFollows and NoSumDBFollows report a GONOPROXY or GONOSUMDB
	// unset in every layer, which therefore takes GOPRIVATE's value.
	NoProxyFollows, NoSumDBFollows bool
	GOOS                           string
	Auth                           []AuthPrefix
}

// AuthPrefix is a credential that exists somewhere GOAUTH may read it.
type AuthPrefix struct {
	Prefix cred.Prefix
	Method string // "helper" (Go Mirror's keyring) or "netrc"
}

// FromResolution returns the Config for resolution r and the credentials
// auth.
func FromResolution(r *resolve.Resolution, auth []AuthPrefix) Config {
	c := Config{GOOS: r.GOOS, Auth: auth}
	for _, p := range []struct {
		dst  *string
		name string
	}{{&c.GOPROXY, "GOPROXY"}, {&c.GONOPROXY, "GONOPROXY"}, {&c.GOPRIVATE, "GOPRIVATE"},
		{&c.GONOSUMDB, "GONOSUMDB"}, {&c.GOSUMDB, "GOSUMDB"}, {&c.GOINSECURE, "GOINSECURE"},
		{&c.GOVCS, "GOVCS"}, {&c.GOAUTH, "GOAUTH"}} {
		*p.dst = r.Value(p.name)
	}
	np, _ := r.Get("GONOPROXY")
	ns, _ := r.Get("GONOSUMDB")
	c.NoProxyFollows, c.NoSumDBFollows = np.Source == core.SourceDerived, ns.Source == core.SourceDerived
	if v, ok := validate.GoEnvValue(r, "GOSUMDB"); ok {
		if f := strings.Fields(v); len(f) > 0 {
			c.KnownSumDB, _, _ = strings.Cut(f[0], "+")
		}
	}
	return c
}

// Explain explains how the go command fetches and verifies modPath.
func Explain(c Config, modPath string) Route {
	r := newRoute(modPath)
	if err := module.CheckPath(modPath); err != nil {
		args := map[string]string{"Module": modPath, "Error": err.Error()}
		r.fail("route.invalid-path", args)
		r.step("", "", "route.invalid-path", args)
		return r
	}
	if p, ok := pattern.Match(c.GOPRIVATE, modPath); ok {
		r.Private = true
		r.step("GOPRIVATE", p, "route.private", map[string]string{"Pattern": p})
	}
	list, err := proxyList(c.GOPROXY, c.GONOPROXY, isAbsFor(c.GOOS))
	if err != nil {
		r.fail("route.proxy-fails", map[string]string{"Error": err.Error()})
		r.step("GOPROXY", "", "route.proxy-invalid", map[string]string{"Value": c.GOPROXY, "Error": err.Error()})
		return r
	}
	r.sources(c, list)
	r.direct(c)
	r.checksum(c, list)
	r.auth(c)
	return r
}

func newRoute(modPath string) Route {
	return Route{Module: modPath, Sources: []Source{}, Auth: []string{}, Steps: []Step{}}
}

// Report is the shape of "gomirrorctl route --json".
type Report struct {
	Routes []Route `json:"routes"`
}

// step adds the step the text code renders from args, caused by the
// setting v and its pattern pat.
func (r *Route) step(v, pat, code string, args map[string]string) {
	r.Steps = append(r.Steps, newStep(v, pat, code, args))
}

func newStep(v, pat, code string, args map[string]string) Step {
	return Step{Var: v, Pattern: pat, Text: core.NewText(code, args).String(), Code: code, Args: args}
}

// fail sets the route's error to the text code rendered from args.
func (r *Route) fail(code string, args map[string]string) {
	r.Error, r.ErrorCode, r.ErrorArgs = core.NewText(code, args).String(), code, args
}

func matchOne(glob, path string) bool { return module.MatchPrefixPatterns(glob, path) }

// sources fills r.Sources from the proxy list.
func (r *Route) sources(c Config, list []entry) {
	if p, ok := pattern.Match(c.GONOPROXY, r.Module); ok {
		r.Sources = []Source{{Kind: KindDirect}}
		r.step("GONOPROXY", p, "route.noproxy-match", followsArgs(p, c.NoProxyFollows))
		return
	}
	if c.GONOPROXY != "" {
		r.step("GONOPROXY", "", "route.noproxy-no-match", map[string]string{"Value": c.GONOPROXY})
	}
	for _, e := range list {
		switch e.url {
		case "noproxy":
			continue
		case "direct":
			r.Sources = append(r.Sources, Source{Kind: KindDirect})
		case "off":
			r.Sources = append(r.Sources, Source{Kind: KindOff})
		default:
			f := FallbackNotFound
			if e.fallBackOnError {
				f = FallbackAnyError
			}
			r.Sources = append(r.Sources, Source{Kind: KindProxy, URL: e.url, Fallback: f})
		}
	}
	r.Sources[len(r.Sources)-1].Fallback = FallbackNone
	r.sourceSteps()
}

// followsArgs are the arguments of a step about pattern p of a GONOPROXY
// or GONOSUMDB that may follow GOPRIVATE.
func followsArgs(p string, follows bool) map[string]string {
	args := map[string]string{"Pattern": p}
	if follows {
		args["Follows"] = "true"
	}
	return args
}

func (r *Route) sourceSteps() {
	for i, s := range r.Sources {
		n := fmt.Sprint(i + 1)
		switch s.Kind {
		case KindProxy:
			r.step("GOPROXY", "", "route.source-proxy", map[string]string{"N": n, "URL": s.URL, "Fallback": string(s.Fallback)})
		case KindDirect:
			r.step("GOPROXY", "", "route.source-direct", map[string]string{"N": n})
		case KindOff:
			r.step("GOPROXY", "", "route.source-off", map[string]string{"N": n})
		}
	}
}

// direct explains GOVCS and GOINSECURE when the route can go direct.
func (r *Route) direct(c Config) {
	p, insecure := pattern.Match(c.GOINSECURE, r.Module)
	if !r.goesDirect() {
		if insecure {
			r.step("GOINSECURE", p, "route.insecure-unused", map[string]string{"Pattern": p})
		}
		return
	}
	r.Insecure = insecure
	if insecure {
		r.step("GOINSECURE", p, "route.insecure", map[string]string{"Pattern": p})
	}
	r.govcs(c)
}

func (r *Route) goesDirect() bool {
	for _, s := range r.Sources {
		if s.Kind == KindDirect {
			return true
		}
	}
	return false
}

// govcs applies the user's GOVCS rules, then private:all,public:git|hg.
// The go command checks the repository root path; for most modules that is
// the module path or a prefix of it.
func (r *Route) govcs(c Config) {
	rules, err := parseGOVCS(c.GOVCS)
	if err != nil {
		r.step("GOVCS", "", "route.govcs-invalid", map[string]string{"Error": err.Error()})
		return
	}
	rules = append(rules, govcsRule{"private", []string{"all"}, true}, govcsRule{"public", []string{"git", "hg"}, true})
	for _, rule := range rules {
		if !rule.match(r.Module, r.Private) {
			continue
		}
		if !slices.Equal(rule.allowed, []string{"off"}) {
			r.VCS = rule.allowed
		}
		args := vcsArgs(rule.allowed)
		args["Pattern"], args["Rule"] = rule.pattern, strings.Join(rule.allowed, "|")
		if rule.builtin {
			args["Builtin"] = "true"
		}
		r.step("GOVCS", rule.pattern, "route.govcs", args)
		return
	}
}

// vcsArgs say which tools a GOVCS rule allows: Kind "none", "all", or
// "list" with the last tool as Last and the others, comma-separated, as
// Init.
func vcsArgs(allowed []string) map[string]string {
	if slices.Equal(allowed, []string{"off"}) {
		return map[string]string{"Kind": "none"}
	}
	if slices.Contains(allowed, "all") {
		return map[string]string{"Kind": "all"}
	}
	n := len(allowed) - 1
	return map[string]string{"Kind": "list", "Init": strings.Join(allowed[:n], ", "), "Last": allowed[n]}
}
