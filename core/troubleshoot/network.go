package troubleshoot

import (
	"strconv"
	"strings"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/validate"
)

func matchPattern(p, mod string) bool { return module.MatchPrefixPatterns(p, mod) }

// netKind returns the problem code of the network failure text describes,
// or "".
func netKind(text string) string {
	switch {
	case containsAny(text, "no such host", "server misbehaving", "Temporary failure in name resolution",
		"getaddrinfow", "Name or service not known", "nodename nor servname"):
		return "fail-dns"
	case containsAny(text, "i/o timeout", "TLS handshake timeout", "Client.Timeout exceeded",
		"context deadline exceeded", "operation timed out", "connection timed out", "timeout awaiting response headers",
		"did not properly respond after a period of time"):
		return "fail-timeout"
	case containsAny(text, "connection refused", "actively refused"):
		return "fail-refused"
	case containsAny(text, "x509:", "tls: ", "certificate"):
		return "fail-tls"
	case containsAny(text, "connection reset", "unexpected EOF", "forcibly closed", ": EOF", "network is unreachable", "no route to host"):
		return "fail-connection"
	}
	return ""
}

// network: DNS, timeout, refused, TLS and broken connections, to a proxy,
// the checksum database, a module's origin or the network proxy.
func network(e *env, rec record) (Finding, bool) {
	text := rec.text()
	code := netKind(text)
	if code == "" {
		return Finding{}, false
	}
	f := start(rec)
	t := e.targetOf(f, text)
	a := e.targetArgs(f, t)
	name := roleVar(t)
	f = e.finish(f, core.SeverityError, code, name, a)
	e.suggestChain(&f, t, a)
	if t.Role == roleSumDB && t.Entry < 0 && e.sumURL == "" && e.isDefaultSumDB() {
		f.suggest("GOSUMDB", mirrors.ChinaSumDB)
		f.Problem = core.NewProblem(f.Severity, f.Var, f.Code, withArg(f.Args, "SumDBAlias", mirrors.ChinaSumDB))
		f.File, f.Line = layerPlace(f)
	}
	return f, true
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
// an origin server.
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
	switch {
	case (code == 404 || code == 410) && t.Role == roleProxy:
		return e.notFound(f, t, a), true
	case code == 401 || code == 403:
		f = e.finish(f, core.SeverityError, "fail-auth", roleVar(t), a)
	default:
		f = e.finish(f, core.SeverityError, "fail-http-status", roleVar(t), a)
	}
	e.suggestChain(&f, t, a)
	return f, true
}

// notFound: the proxies do not have the module; the last one's 404 or 410
// is what the go command reports.
func (e *env) notFound(f Finding, t target, a args) Finding {
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

// other: a go command error no rule knows, kept so that nothing is lost.
func other(e *env, rec record) (Finding, bool) {
	first := strings.TrimSpace(rec.lines[0])
	if hasAnyPrefix(first, benign) {
		return Finding{}, false
	}
	text := rec.text()
	if !strings.HasPrefix(first, "go: ") && !containsAny(text, "no required module provides", "missing go.sum entry",
		"cannot find module", "invalid version", "verifying ") {
		return Finding{}, false
	}
	f := start(rec)
	return e.finish(f, core.SeverityWarning, "fail-other", "", args{"Line": first}), true
}

// fellThrough reports, from go -x trace lines, a proxy that failed (404 or
// 410 before ',', any error before '|') after which a later entry served
// the same file.
func fellThrough(e *env, gets []traceGet) []Finding {
	var out []Finding
	for i, g := range gets {
		t := e.classifyURL(g.URL)
		if t.Role != roleProxy || g.Status < 400 && g.Err == "" {
			continue
		}
		rel := strings.TrimPrefix(g.URL, e.proxies[t.Entry].Target)
		for _, h := range gets[i+1:] {
			u := e.classifyURL(h.URL)
			if u.Role == roleProxy && u.Entry > t.Entry && h.Status == 200 && strings.TrimPrefix(h.URL, e.proxies[u.Entry].Target) == rel {
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
