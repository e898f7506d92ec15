package troubleshoot

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/profile"
	"github.com/gomirror/gomirror/core/validate"
)

func matchPattern(p, mod string) bool { return module.MatchPrefixPatterns(p, mod) }

// netKind returns the problem code of the network failure text describes,
// or "". A lookup that timed out or was refused at a resolver (":53") is
// DNS, not a slow server.
func netKind(text string) string {
	switch {
	case containsAny(text, "no such host", "server misbehaving", "Temporary failure in name resolution",
		"getaddrinfow", "Name or service not known", "nodename nor servname") || resolverRE().MatchString(text):
		return "fail-dns"
	case containsAny(text, "i/o timeout", "TLS handshake timeout", "Client.Timeout exceeded",
		"context deadline exceeded", "operation timed out", "connection timed out", "timeout awaiting response headers",
		"did not properly respond after a period of time", "连接尝试失败"):
		return "fail-timeout"
	case containsAny(text, "connection refused", "actively refused"):
		return "fail-refused"
	case containsAny(text, "x509:", "tls: ", "certificate"):
		return "fail-tls"
	case containsAny(text, "connection reset", "unexpected EOF", "forcibly closed", ": EOF", "network is unreachable",
		"no route to host", "early EOF", "unexpected disconnect", "broken pipe"):
		return "fail-connection"
	}
	return ""
}

var resolverRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`lookup \S+ on [^\s]+:53: |read udp [^\s]+:53: `)
})
var resolverAddrRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`lookup \S+ on ([^\s]+):53`) })

// network: DNS, timeout, refused, TLS and broken connections, to a proxy,
// the checksum database, a module's origin or the network proxy. A DNS
// failure of the resolver itself, or of a host that is known to exist, is
// not fixed by editing GOPROXY; a timeout of the toolchain's default proxy
// or checksum database gets the mirror profile for mainland China.
func network(e *env, rec record) (Finding, bool) {
	text := rec.text()
	code := netKind(text)
	if code == "" || reportsStatus(text) {
		return Finding{}, false
	}
	f := start(rec)
	t := e.targetOf(f, text)
	a := e.targetArgs(f, t)
	name := roleVar(t)
	if code == "fail-dns" {
		if m := resolverAddrRE().FindStringSubmatch(text); m != nil {
			a["Resolver"] = m[1]
		}
		if a["Resolver"] != "" && !strings.Contains(text, "no such host") || t.Default || t.Name != "" || knownHost(f.Host) {
			a["Kind"] = "resolver"
			name = ""
		}
	}
	f.Quoted = quote(rec, "dial tcp", "lookup ", "timeout", "refused", "x509", "tls:", "reset", "EOF", "Get ", "reading ", "连接")
	f = e.finish(f, core.SeverityError, code, name, a)
	if a["Kind"] == "resolver" {
		return f, true
	}
	e.suggestChain(&f, t, a)
	if t.Default && code != "fail-tls" {
		e.suggestChina(&f, t, a)
	} else if t.Role == roleSumDB && t.Entry < 0 && e.sumURL == "" && e.isDefaultSumDB() {
		f.suggest("GOSUMDB", mirrors.ChinaSumDB)
		f.Problem = core.NewProblem(f.Severity, f.Var, f.Code, withArg(f.Args, "SumDBAlias", mirrors.ChinaSumDB))
		f.File, f.Line = layerPlace(f)
	}
	return f, true
}

// reportsStatus reports an HTTP error status with its text ("502 Bad
// Gateway"): then a network error in the text is the server's own trouble,
// which the status reports.
func reportsStatus(text string) bool {
	for _, m := range statusRE().FindAllStringSubmatch(text, -1) {
		if n, _ := strconv.Atoi(m[1]); n >= 400 && n < 600 && m[2] != "" {
			return true
		}
	}
	return strings.Contains(text, "The requested URL returned error: 5")
}

// knownHosts exist for certain: a DNS failure for them is the resolver's.
var knownHosts = map[string]bool{"github.com": true, "gitlab.com": true, "bitbucket.org": true, "gitee.com": true,
	"golang.org": true, "google.golang.org": true, "gopkg.in": true, "go.googlesource.com": true, mirrors.ChinaSumDB: true}

func knownHost(h string) bool {
	h, _, _ = strings.Cut(h, ":")
	return knownHosts[h]
}

// suggestChina offers the "Mainland China" profile when the toolchain's
// default proxy or checksum database did not answer: falling back to
// direct is usually blocked too from such networks, and the fix people
// apply is a reachable mirror and the database alias. The edit is offered
// only while the settings still use the default (otherwise the output
// comes from elsewhere and the fix is already in).
func (e *env) suggestChina(f *Finding, t target, a args) {
	p, ok := profile.Preset(profile.PresetChina)
	if !ok {
		return
	}
	a["Profile"] = p.Name
	f.Profile = p.Name
	local := e.r.Value("GOPROXY")
	def, _ := validate.GoEnvValue(e.r, "GOPROXY")
	if t.Role == roleProxy && t.Entry < 0 && local != def {
		a["Local"] = local
		delete(a, "Profile")
		f.Profile = ""
	} else {
		for _, k := range []string{"GOPROXY", "GOSUMDB"} {
			if c, ok := p.Choices[k]; ok && c.Value != "" {
				f.suggest(k, c.Value)
				a["Mirror"] = p.Choices["GOPROXY"].Value
			}
		}
		delete(a, "Suggestion")
	}
	f.Problem = core.NewProblem(f.Severity, f.Var, f.Code, a)
	f.File, f.Line = layerPlace(*f)
}

// targetOf says what failed: the network proxy when the error is about
// connecting to it, else what the URL (or the host) is.
func (e *env) targetOf(f Finding, text string) target {
	if strings.Contains(text, "proxyconnect") {
		return target{Role: roleNetwork, Entry: -1}
	}
	if f.URL != "" {
		return e.classifyURL(f.URL)
	}
	for i, p := range e.proxies {
		if sameHost(p.Target, f.Host) {
			return target{Role: roleProxy, Entry: i}
		}
	}
	if f.Host != "" && (f.Host == e.sumdb || f.Host == hostOf(e.sumURL)) {
		return target{Role: roleSumDB, Entry: -1}
	}
	return target{Role: roleOrigin, Entry: -1}
}

func sameHost(proxy, host string) bool {
	h := hostOf(proxy)
	return host != "" && (h == host || strings.HasPrefix(h, host+":"))
}

// whatSnippets name the snippet that says what failed, by role.
var whatSnippets = map[string]string{
	roleProxy: "what.proxy", roleSumDB: "what.sumdb", roleOrigin: "what.origin", roleNetwork: "what.network",
}

// targetArgs are the template arguments naming what failed.
func (e *env) targetArgs(f Finding, t target) args {
	a := args{"@What": whatSnippets[t.Role], "Module": moduleArg(f), "Host": f.Host, "DB": dbArg(e), "Proxy": ""}
	if t.Entry >= 0 {
		a["Proxy"] = mirrorName(e.proxies[t.Entry].Raw)
	} else if t.Name != "" {
		a["Proxy"] = t.Name
	}
	if t.Role == roleSumDB {
		a["DB"] = dbFromURL(e, f.URL)
		if a["DB"] == "" || f.URL == "" {
			a["DB"] = dbArg(e)
		}
	}
	if t.Role == roleNetwork {
		v := networkProxyVar(e, f.URL)
		a["Host"], a["Var"] = hostOf(e.r.OSEnv(v)), v
	}
	if a["Host"] == "" {
		a["Host"] = "?"
	}
	return a
}

// roleVar is the setting responsible for a target.
func roleVar(t target) string {
	switch t.Role {
	case roleProxy:
		if t.Entry < 0 {
			return "" // a proxy of another machine's settings
		}
		return "GOPROXY"
	case roleSumDB:
		return "GOSUMDB"
	case roleNetwork:
		return ""
	}
	return ""
}

// suggestChain: a proxy entry that failed with ',' after it stopped the
// walk; with '|' the go command would have tried the next entry.
func (e *env) suggestChain(f *Finding, t target, a args) {
	if t.Entry < 0 || t.Role == roleNetwork || e.proxies[t.Entry].Sep == mirrors.Pipe {
		return
	}
	next := e.next(t.Entry)
	if next == "" || next == mirrors.Off {
		return
	}
	value := e.withSep(t.Entry, mirrors.Pipe)
	a["Next"], a["Suggestion"] = next, value
	f.Problem = core.NewProblem(f.Severity, f.Var, f.Code, a)
	f.File, f.Line = layerPlace(*f)
	f.suggest("GOPROXY", value)
}

// isDefaultSumDB reports whether GOSUMDB names go.env's database.
func (e *env) isDefaultSumDB() bool {
	v, _ := validate.GoEnvValue(e.r, "GOSUMDB")
	return v != "" && mirrors.SumDBName(e.r) == strings.Fields(v)[0]
}

// httpStatus: an HTTP error status from a proxy, the checksum database or
// an origin server. 403 from a public mirror is the mirror refusing this
// network (an address range, an organisation's policy), not a credential
// problem.
func httpStatus(e *env, rec record) (Finding, bool) {
	text := rec.text()
	code, status := httpStatusOf(text)
	if code < 400 || !containsAny(text, "reading ", "Get ", "server response", "://") {
		return Finding{}, false
	}
	f := start(rec)
	t := e.targetOf(f, text)
	a := e.targetArgs(f, t)
	a["Status"] = status
	f.Quoted = quote(rec, status, "server response")
	switch {
	case (code == 404 || code == 410) && t.Role == roleProxy:
		return e.notFound(f, t, a), true
	case code == 403 && (t.Default || t.Name != "" && t.Entry < 0 || t.Role == roleProxy && e.isCatalogue(t)):
		a["Kind"] = "public"
		return e.finish(f, core.SeverityError, "fail-forbidden", "", a), true
	case code == 401 || code == 403:
		f = e.finish(f, core.SeverityError, "fail-auth", roleVar(t), a)
	default:
		f = e.finish(f, core.SeverityError, "fail-http-status", roleVar(t), a)
	}
	e.suggestChain(&f, t, a)
	return f, true
}

// isCatalogue reports whether the proxy entry of t is a catalogue mirror.
func (e *env) isCatalogue(t target) bool {
	if t.Entry < 0 {
		return false
	}
	_, ok := mirrors.Find(mirrors.Builtin(), e.proxies[t.Entry].Raw)
	return ok || e.proxies[t.Entry].Target == e.defProxy
}

// notFound: the proxies do not have the module; the last one's 404 or 410
// is what the go command reports. For a proxy the settings do not list,
// nothing here can be edited: the output comes from elsewhere.
func (e *env) notFound(f Finding, t target, a args) Finding {
	if t.Entry < 0 {
		if resp := serverResponse(record{lines: f.Lines}); resp != "" {
			a["Reason"] = firstLine(resp)
		}
		return e.finish(f, core.SeverityError, "fail-proxy-notfound", "", a)
	}
	last := e.proxies[len(e.proxies)-1].Target
	if last != mirrors.Direct && last != mirrors.Off {
		a["Suggestion"] = e.r.Value("GOPROXY") + ",direct"
	}
	if next := e.next(t.Entry); next != "" {
		a["Next"] = next
	}
	a["Tried"] = strconv.Itoa(t.Entry + 1)
	f = e.finish(f, core.SeverityError, "fail-proxy-notfound", "GOPROXY", a)
	if s := a["Suggestion"]; s != "" {
		f.suggest("GOPROXY", s)
	}
	return f
}

// elsewhere reports, once, proxies the output used that the settings do
// not: the output was made on another machine or with other settings, and
// what it shows may not happen here.
func (e *env) elsewhere() []Finding {
	if len(e.foreign) == 0 {
		return nil
	}
	a := args{"Proxies": strings.Join(e.foreign, ", "), "Local": orUnknown(e.r.Value("GOPROXY"))}
	f := Finding{}
	return []Finding{e.finish(f, core.SeverityInfo, "output-other-settings", "GOPROXY", a)}
}

// fellThrough reports, from go -x trace lines, a proxy that failed (404 or
// 410 before ',', any error before '|') after which a later entry served
// the same file.
func fellThrough(e *env, gets []traceGet) []Finding {
	var out []Finding
	for i, g := range gets {
		t := e.classifyURL(g.URL)
		if t.Role != roleProxy || t.Entry < 0 || g.Status < 400 && g.Err == "" {
			continue
		}
		rel := strings.TrimPrefix(g.URL, e.proxies[t.Entry].Target)
		for _, h := range gets[i+1:] {
			u := e.classifyURL(h.URL)
			if u.Role == roleProxy && u.Entry > t.Entry && u.Entry >= 0 && h.Status == 200 && strings.TrimPrefix(h.URL, e.proxies[u.Entry].Target) == rel {
				out = append(out, e.fellFinding(g, h, t, u))
				break
			}
		}
	}
	return dedupeFell(out)
}

func (e *env) fellFinding(g, h traceGet, t, u target) Finding {
	status := strconv.Itoa(g.Status)
	if g.Status == 0 {
		status = g.Err
	}
	rec := record{lines: []string{"# get " + g.URL + ": " + status, "# get " + h.URL + ": 200 OK"}}
	f := start(rec)
	if m := modulePathOf(strings.TrimPrefix(g.URL, e.proxies[t.Entry].Target)); m != "" {
		f.Module, f.Version = m, ""
	}
	a := args{"Module": moduleArg(f), "Failed": mirrorName(e.proxies[t.Entry].Raw), "Served": mirrorName(e.proxies[u.Entry].Raw),
		"Status": strings.TrimPrefix(rec.lines[0], "# get "+g.URL+": "), "Sep": string(e.proxies[t.Entry].Sep)}
	return e.finish(f, core.SeverityInfo, "proxy-fell-through", "GOPROXY", a)
}

// modulePathOf returns the module path of a proxy request path
// "/<escaped path>/@v/..." or "/<escaped path>/@latest".
func modulePathOf(rel string) string {
	rel = strings.TrimPrefix(rel, "/")
	i := strings.Index(rel, "/@")
	if i < 0 {
		return ""
	}
	p, err := module.UnescapePath(rel[:i])
	if err != nil {
		return ""
	}
	return p
}

func dedupeFell(fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		out = merge(out, f)
	}
	return out
}
