package troubleshoot

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/validate"
)

var mismatchRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`verifying (?:(\S+?)@(\S+?)|go\.mod|module|zip): checksum mismatch`)
})
var hashLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(\S+?):\s+(h\d:\S+)`) })

// checksumMismatch: "verifying M@V[/go.mod]: checksum mismatch" followed by
// "downloaded: h1:..." and "go.sum: h1:..." or "<sumdb>: h1:...".
func checksumMismatch(e *env, rec record) (Finding, bool) {
	m := mismatchRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	if m[1] != "" {
		f.Module, f.Version = m[1], strings.TrimSuffix(m[2], "/go.mod")
	} else if i := strings.Index(rec.text(), m[0]); i > 0 {
		// "X@V: verifying module: checksum mismatch": the last module
		// before "verifying", not an earlier query such as X@upgrade.
		if all := modVerRE().FindAllStringSubmatch(rec.text()[:i], -1); len(all) > 0 {
			last := all[len(all)-1]
			f.Module, f.Version = strings.TrimSuffix(last[1], "/go.mod"), last[2]
		}
	}
	f.Quoted = quote(rec, "checksum mismatch", "downloaded:", "h1:")
	a := args{"Module": f.Module, "Version": f.Version, "File": "zip"}
	if strings.HasSuffix(m[2], "/go.mod") || strings.Contains(m[0], "verifying go.mod") {
		a["File"] = "go.mod"
	}
	for _, l := range rec.lines[1:] {
		if h := hashLineRE().FindStringSubmatch(l); h != nil {
			if h[1] == "downloaded" {
				a["Downloaded"] = h[2]
			} else {
				a["Label"], a["Recorded"] = h[1], h[2]
			}
		}
	}
	if strings.HasSuffix(a["Label"], "go.sum") || a["Label"] == "" {
		return e.finish(f, core.SeverityError, "fail-checksum-gosum", "", a), true
	}
	a["DB"] = a["Label"]
	return e.finish(f, core.SeverityError, "fail-checksum-sumdb", "GOPROXY", a), true
}

// sumdbLookup: a checksum-database lookup answered 404 or 410. That is
// what a private module gets, but also a public one the database refused
// (its "server response" says why) or a database that is failing. Only
// evidence makes it private: the response shows the database could not
// read the repository (a credential prompt, a git failure, an unreachable
// host), or the path is under a host the settings already treat as the
// company's, or the host's name says it is internal. Then the narrowest
// pattern is suggested; otherwise no setting is changed.
func sumdbLookup(e *env, rec record) (Finding, bool) {
	text := rec.text()
	code, status := httpStatusOf(text)
	if !strings.Contains(text, "/lookup/") || (code != 404 && code != 410) {
		return Finding{}, false
	}
	f := start(rec)
	if m := lookupModRE().FindStringSubmatch(f.URL); m != nil && f.Module == "" {
		f.Module, f.Version = m[1], m[2]
	}
	resp := serverResponse(rec)
	a := args{"Module": moduleArg(f), "Status": status, "DB": dbFromURL(e, f.URL)}
	if t := e.classifyURL(f.URL); t.Role == roleSumDB && t.Name != "" {
		a["Proxy"] = t.Name
	}
	f.Quoted = quote(rec, "/lookup/", "server response", "not found", "terminal prompts", "could not read", "fatal:", "exit status", "errno")
	switch {
	case privateEvidence(e, f.Module, resp):
		return e.sumdbPrivate(f, a, resp), true
	case resp != "" && refusedReason(resp):
		a["Reason"] = firstLine(resp)
		return e.finish(f, core.SeverityError, "fail-sumdb-refused", "", a), true
	}
	if f.Module != "" && module.CheckPath(f.Module) == nil && safePattern(narrowPattern(f.Module)) {
		a["Pattern"] = narrowPattern(f.Module)
	}
	if resp != "" {
		a["Reason"] = firstLine(resp)
	}
	return e.finish(f, core.SeverityError, "fail-sumdb-notfound", "", a), true
}

// sumdbPrivate is the finding for a private module looked up in the
// checksum database: it suggests adding the narrowest pattern to GOPRIVATE
// (or to GONOSUMDB when that is set explicitly), unless a pattern already
// covers the module.
func (e *env) sumdbPrivate(f Finding, a args, resp string) Finding {
	name := "GOPRIVATE"
	if s, ok := e.r.Get("GONOSUMDB"); ok && s.Source != core.SourceDerived && s.Source != core.SourceDefault {
		name = "GONOSUMDB"
	}
	prefix := narrowPattern(f.Module)
	a["Pattern"], a["Host"] = prefix, strings.Split(f.Module, "/")[0]
	if containsAny(resp, missingMarkers...) {
		a["Missing"] = "yes"
	}
	if p, ok := privatePattern(e, f.Module); ok && name == "GOPRIVATE" {
		a["Covered"] = p
		return e.finish(f, core.SeverityError, "fail-sumdb-private", name, a)
	}
	value := appendPattern(e.r.Value(name), prefix)
	a["Suggestion"] = value
	f = e.finish(f, core.SeverityError, "fail-sumdb-private", name, a)
	if safePattern(prefix) {
		f.suggest(name, value)
	}
	return f
}

var lookupModRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/lookup/(.+)@([^/@]+)$`) })

// serverResponse returns what a server said after "server response:", or
// "".
func serverResponse(rec record) string {
	text := rec.text()
	i := strings.Index(text, "server response:")
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(text[i+len("server response:"):])
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(line)
}

// privateEvidence reports whether something shows mod is private: the
// server response (the database or a proxy could not read its repository),
// a private pattern of the settings, or an internal-looking host.
func privateEvidence(e *env, mod, resp string) bool {
	if mod == "" || module.CheckPath(mod) != nil || !safePattern(narrowPattern(mod)) {
		return false
	}
	if containsAny(resp, authMarkers...) || containsAny(resp, "exit status 128", "unable to connect", "errno=Connection refused", "no such host", "401 Unauthorized") {
		return true
	}
	host := strings.Split(mod, "/")[0]
	for _, name := range []string{"GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE"} {
		for _, p := range strings.Split(e.r.Value(name), ",") {
			if p = strings.TrimSpace(p); p != "" && matchPattern(p, mod) {
				return true
			}
		}
	}
	return internalHost(host)
}

// internalLabels are host name labels that mark a company's own hosts.
var internalLabels = map[string]bool{"corp": true, "internal": true, "intranet": true, "intra": true, "local": true, "lan": true, "private": true}

// internalHost reports a host whose name says it is not on the public
// internet: a label such as corp or internal, or no dot at all.
func internalHost(host string) bool {
	if !strings.Contains(host, ".") {
		return true
	}
	for _, l := range strings.Split(host, ".") {
		if internalLabels[l] {
			return true
		}
	}
	return false
}

// refusedReasons are what the checksum database says when it fetched a
// public module and refused the version.
var refusedReasons = []string{"malformed file path", "invalid char", "create zip", "zip file", "module declares its path",
	"unknown revision", "invalid version", "fetch timed out", "go.mod has", "disallowed", "too large", "no matching versions"}

func refusedReason(resp string) bool { return containsAny(resp, refusedReasons...) }

// safePattern reports whether p may be suggested for GOPRIVATE and its
// relatives: it names one host or one repository, never every module (*),
// a wildcard host, or a whole host that many owners share.
func safePattern(p string) bool {
	host := strings.Split(p, "/")[0]
	return p != "" && !publicOnly[host] && !strings.ContainsAny(p, "*?[, ") && strings.Contains(host, ".") && !(sharedHosts[host] && !strings.Contains(p, "/"))
}

// privateProxy: a module proxy answered 404 or 410 and its server response
// shows it could not read the module's repository: a private module sent to
// a public mirror. The fix is the narrowest GOPRIVATE pattern, then the
// credentials git will need.
func privateProxy(e *env, rec record) (Finding, bool) {
	text := rec.text()
	code, status := httpStatusOf(text)
	if code != 404 && code != 410 {
		return Finding{}, false
	}
	f := start(rec)
	t := e.targetOf(f, text)
	resp := serverResponse(rec)
	if t.Role != roleProxy || f.Module == "" || !containsAny(resp, authMarkers...) ||
		module.CheckPath(f.Module) != nil || !safePattern(narrowPattern(f.Module)) {
		return Finding{}, false
	}
	a := e.targetArgs(f, t)
	a["Status"] = status
	prefix := narrowPattern(f.Module)
	a["Pattern"], a["Host"] = prefix, strings.Split(f.Module, "/")[0]
	if containsAny(resp, missingMarkers...) {
		a["Missing"] = "yes"
	}
	f.Quoted = quote(rec, "server response", "terminal prompts", "could not read", "Repository not found", "404", "410")
	if p, ok := privatePattern(e, f.Module); ok {
		a["Covered"] = p
		return e.finish(f, core.SeverityError, "fail-private-module", "GOPRIVATE", a), true
	}
	value := appendPattern(e.r.Value("GOPRIVATE"), prefix)
	a["Suggestion"] = value
	f = e.finish(f, core.SeverityError, "fail-private-module", "GOPRIVATE", a)
	if safePattern(prefix) {
		f.suggest("GOPRIVATE", value)
	}
	return f, true
}

// dbFromURL names the checksum database a lookup URL asks: the name in a
// proxied /sumdb/NAME/ path, the URL's host, or the settings' database.
func dbFromURL(e *env, u string) string {
	if m := sumdbPathRE().FindStringSubmatch(u); m != nil {
		return m[1]
	}
	if h := hostOf(u); h != "" {
		return h
	}
	return dbArg(e)
}

var sumdbPathRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/sumdb/([^/]+)/`) })

func dbArg(e *env) string {
	if e.sumdb != "" {
		return e.sumdb
	}
	return "GOSUMDB"
}

// PrivatePattern is the GOPRIVATE pattern to list a private module path
// under: the owner on a shared code host (github.com/acme), else the host.
func PrivatePattern(mod string) string {
	parts := strings.Split(mod, "/")
	if len(parts) >= 2 && sharedHosts[parts[0]] {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// sharedHosts host many owners, so that a whole host is never private.
var sharedHosts = map[string]bool{
	"github.com": true, "gitlab.com": true, "bitbucket.org": true, "gitee.com": true,
	"codeberg.org": true, "git.sr.ht": true, "dev.azure.com": true, "gopkg.in": true,
}

// publicOnly hosts serve public modules only: nothing under them is
// private, so no private pattern is ever suggested for them.
var publicOnly = map[string]bool{
	"golang.org": true, "google.golang.org": true, "go.googlesource.com": true, "cloud.google.com": true,
	"k8s.io": true, "sigs.k8s.io": true, "go.uber.org": true, "go.opentelemetry.io": true, "gopkg.in": true,
}

func appendPattern(list, p string) string {
	if list == "" {
		return p
	}
	return list + "," + p
}

// proxyOff: "module lookup disabled by GOPROXY=off".
func proxyOff(e *env, rec record) (Finding, bool) {
	if !strings.Contains(rec.text(), "disabled by GOPROXY=off") {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Module": moduleArg(f)}
	f = e.finish(f, core.SeverityError, "fail-goproxy-off", "GOPROXY", a)
	e.restoreDefault(&f, "GOPROXY")
	return f, true
}

// restoreDefault suggests unsetting name in the env file when the file sets
// it and go.env has a value to fall back on.
func (e *env) restoreDefault(f *Finding, name string) {
	if f.Layer == nil || f.Layer.Source != core.SourceEnvFile {
		return
	}
	if v, ok := validate.GoEnvValue(e.r, name); ok && v != "" {
		f.suggestUnset(name)
	}
}

// modVendor: "import lookup disabled by -mod=vendor" or "inconsistent
// vendoring".
func modVendor(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !containsAny(text, "disabled by -mod=vendor", "inconsistent vendoring") {
		return Finding{}, false
	}
	f := start(rec)
	flags := e.r.Value("GOFLAGS")
	a := args{}
	if !strings.Contains(flags, "-mod=vendor") {
		a["Kind"] = "vendor-dir"
		if strings.Contains(text, "inconsistent vendoring") {
			a["Kind"] = "inconsistent"
		}
		return e.finish(f, core.SeverityError, "fail-mod-vendor", "", a), true
	}
	a["Kind"] = "goflags"
	f = e.finish(f, core.SeverityError, "fail-mod-vendor", "GOFLAGS", a)
	rest := strings.Join(strings.Fields(strings.ReplaceAll(flags, "-mod=vendor", "")), " ")
	if rest == "" {
		f.suggestUnset("GOFLAGS")
	} else {
		f.suggest("GOFLAGS", rest)
	}
	return f, true
}

// gosumdbInvalid: "missing GOSUMDB", "invalid GOSUMDB: ...", "malformed
// verifier id", "invalid sumdb name".
func gosumdbInvalid(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !containsAny(text, "missing GOSUMDB", "invalid GOSUMDB", "malformed verifier id", "invalid sumdb name", "invalid sumdb URL") {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Value": e.r.Value("GOSUMDB")}
	if ps := core.Errors(validate.Value(e.r, "GOSUMDB", e.r.Value("GOSUMDB"))); len(ps) > 0 {
		a["Detail"] = ps[0].Message
	}
	f = e.finish(f, core.SeverityError, "fail-gosumdb-invalid", "GOSUMDB", a)
	e.restoreDefault(&f, "GOSUMDB")
	return f, true
}

// goproxyInvalid: "invalid proxy URL missing scheme", "invalid proxy URL
// scheme", "invalid file:// proxy URL", or an empty list.
func goproxyInvalid(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !containsAny(text, "invalid proxy URL", "invalid file:// proxy URL", "GOPROXY list is not the empty string") {
		return Finding{}, false
	}
	f := start(rec)
	f.Module, f.Version, f.URL, f.Host = "", "", "", ""
	value := e.r.Value("GOPROXY")
	a := args{"Value": validate.Redact(value)}
	fixed := value
	for _, p := range core.Errors(validate.Value(e.r, "GOPROXY", value)) {
		if a["Detail"] == "" {
			a["Detail"] = p.Message
		}
		if s, entry := p.Args["Suggestion"], p.Args["Entry"]; s != "" && entry != "" && !slices.Contains([]string{"noproxy", "socks", "git"}, p.Args["Kind"]) {
			fixed = replaceEntry(fixed, entry, s)
		}
	}
	f = e.finish(f, core.SeverityError, "fail-goproxy-invalid", "GOPROXY", a)
	switch {
	case fixed != value && len(core.Errors(validate.Value(e.r, "GOPROXY", fixed))) == 0:
		f.suggest("GOPROXY", fixed)
		f.Problem = core.NewProblem(f.Severity, f.Var, f.Code, withArg(f.Args, "Suggestion", fixed))
		f.File, f.Line = layerPlace(f)
	default:
		e.restoreDefault(&f, "GOPROXY")
	}
	return f, true
}

// replaceEntry replaces the GOPROXY entry old with repl.
func replaceEntry(value, old, repl string) string {
	c := mirrors.ParseChain(value)
	for i := range c {
		if c[i].Target == old {
			c[i].Target = repl
			return c.String()
		}
	}
	return value
}

func withArg(a args, k, v string) args {
	out := args{k: v}
	for key, val := range a {
		out[key] = val
	}
	return out
}

func layerPlace(f Finding) (string, int) {
	if f.Layer == nil {
		return "", 0
	}
	return f.Layer.File, f.Layer.Line
}

var noPatchRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^go1\.(\d+)$`) })

var toolchainRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`download (go[0-9][^\s:]*)(?: for ([^\s:]+))?: toolchain not available`)
})

// toolchainUnavailable: "download go1.X for GOOS/GOARCH: toolchain not
// available".
func toolchainUnavailable(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !strings.Contains(text, "toolchain not available") {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Toolchain": "the requested toolchain", "Proxy": e.r.Value("GOPROXY")}
	if m := toolchainRE().FindStringSubmatch(text); m != nil {
		a["Toolchain"] = m[1]
		f.Module, f.Version = "golang.org/toolchain", "v0.0.1-"+m[1]+"."+strings.ReplaceAll(m[2], "/", "-")
		if n := noPatchRE().FindStringSubmatch(m[1]); n != nil {
			if minor, _ := strconv.Atoi(n[1]); minor >= 21 {
				a["NoPatch"], a["GoLine"] = m[1]+".0", strings.TrimPrefix(m[1], "go")+".0"
			}
		}
	}
	f.Quoted = quote(rec, "toolchain not available")
	return e.finish(f, core.SeverityError, "fail-toolchain-unavailable", "GOTOOLCHAIN", a), true
}

var govcsRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`GOVCS disallows using (\S+) for (public|private) (\S+?);`)
})

// govcsDisallowed: "GOVCS disallows using git for public example.test/x".
func govcsDisallowed(e *env, rec record) (Finding, bool) {
	m := govcsRE().FindStringSubmatch(rec.text())
	if m == nil {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"VCS": m[1], "Kind": m[2], "Root": m[3], "Pattern": PrivatePattern(m[3])}
	if m[2] == "public" {
		value := appendPattern(e.r.Value("GOPRIVATE"), a["Pattern"])
		a["Suggestion"] = value
		f = e.finish(f, core.SeverityError, "fail-govcs", "GOVCS", a)
		f.suggest("GOPRIVATE", value)
		return f, true
	}
	value := appendRule(e.r.Value("GOVCS"), a["Pattern"]+":"+m[1])
	a["Suggestion"] = value
	f = e.finish(f, core.SeverityError, "fail-govcs", "GOVCS", a)
	f.suggest("GOVCS", value)
	return f, true
}

func appendRule(list, rule string) string {
	if list == "" {
		return rule
	}
	return rule + "," + list
}

// unknownRevision: "unknown revision X" or "invalid version: unknown
// revision".
func unknownRevision(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !strings.Contains(text, "unknown revision") {
		return Finding{}, false
	}
	f := start(rec)
	a := args{"Module": moduleArg(f)}
	if p, ok := privatePattern(e, f.Module); ok {
		a["Private"] = p
	} else if f.Module != "" {
		a["Pattern"] = narrowPattern(f.Module)
	}
	f.Quoted = quote(rec, "unknown revision")
	return e.finish(f, core.SeverityError, "fail-unknown-revision", "", a), true
}

// privatePattern returns the GOPRIVATE pattern matching mod, if any.
func privatePattern(e *env, mod string) (string, bool) {
	for _, p := range strings.Split(e.r.Value("GOPRIVATE"), ",") {
		if p != "" && mod != "" && matchPattern(p, mod) {
			return p, true
		}
	}
	return "", false
}

var status407RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[\s(])407(?:\s|$)`) })

// proxyAuth: 407 Proxy Authentication Required from the HTTP(S)_PROXY
// network proxy.
func proxyAuth(e *env, rec record) (Finding, bool) {
	text := rec.text()
	if !strings.Contains(text, "Proxy Authentication Required") && !status407RE().MatchString(text) {
		return Finding{}, false
	}
	f := start(rec)
	name := networkProxyVar(e, f.URL)
	proxy := e.r.OSEnv(name)
	a := args{"Var": name, "Proxy": redactURL(proxy), "Host": hostOf(proxy)}
	f = e.finish(f, core.SeverityError, "fail-proxy-auth", "", a)
	f.Var = name
	return f, true
}

// networkProxyVar names the OS variable that sends u through a network
// proxy: HTTPS_PROXY for https URLs, else HTTP_PROXY (or their lower-case
// forms when only those are set).
func networkProxyVar(e *env, u string) string {
	name := "HTTP_PROXY"
	if strings.HasPrefix(u, "https://") || u == "" {
		name = "HTTPS_PROXY"
	}
	if e.r.OSEnv(name) == "" && e.r.OSEnv(strings.ToLower(name)) != "" {
		return strings.ToLower(name)
	}
	return name
}

func redactURL(s string) string { return validate.Redact(s) }

// mirrorName names a proxy entry for messages: its catalogue name if any.
func mirrorName(target string) string {
	if m, ok := mirrors.Find(mirrors.Builtin(), target); ok {
		return m.Name + " (" + target + ")"
	}
	return target
}
