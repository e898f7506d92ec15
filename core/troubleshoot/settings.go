package troubleshoot

import (
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// proxyEntry is one GOPROXY entry as the go command uses it.
type proxyEntry struct {
	Target string // normalized URL, or direct/off
	Raw    string // as written
	Sep    mirrors.Sep
}

// env is what classification knows about the settings the command ran with.
type env struct {
	r       *resolve.Resolution
	proxies []proxyEntry // up to and including direct/off
	sumdb   string       // the checksum database's name
	sumURL  string       // its explicit URL from GOSUMDB, if any
	// defProxy and defSumDB are $GOROOT/go.env's first proxy URL and its
	// checksum database's name: the toolchain defaults, read at run time.
	defProxy, defSumDB string
	// foreign lists, in order, proxies the output used that the settings do
	// not name: the output comes from another machine or other settings.
	foreign []string
}

func newEnv(r *resolve.Resolution) *env {
	e := &env{r: r, sumdb: mirrors.SumDBName(r)}
	for _, l := range mirrors.ParseChain(r.Value("GOPROXY")) {
		e.proxies = append(e.proxies, proxyEntry{Target: normalizeProxy(l.Target), Raw: l.Target, Sep: l.Sep})
		if l.IsKeyword() {
			break
		}
	}
	if f := strings.Fields(r.Value("GOSUMDB")); len(f) == 2 {
		e.sumURL = strings.TrimSuffix(f[1], "/")
	} else if r.Value("GOSUMDB") == mirrors.ChinaSumDB {
		e.sumURL = "https://" + mirrors.ChinaSumDB
	}
	if v, ok := validate.GoEnvValue(r, "GOPROXY"); ok {
		if c := mirrors.ParseChain(v); len(c) > 0 && !c[0].IsKeyword() {
			e.defProxy = normalizeProxy(c[0].Target)
		}
	}
	if v, ok := validate.GoEnvValue(r, "GOSUMDB"); ok && len(strings.Fields(v)) > 0 {
		e.defSumDB, _, _ = strings.Cut(strings.Fields(v)[0], "+")
	}
	return e
}

// normalizeProxy adds https:// as the go command does and drops a trailing
// slash.
func normalizeProxy(t string) string {
	if t == mirrors.Direct || t == mirrors.Off {
		return t
	}
	if strings.ContainsAny(t, ".:/") && !strings.Contains(t, ":/") && !strings.HasPrefix(t, "/") {
		t = "https://" + t
	}
	return strings.TrimSuffix(t, "/")
}

// Roles of a failing URL.
const (
	roleProxy   = "proxy"   // a GOPROXY entry
	roleSumDB   = "sumdb"   // the checksum database, directly or through a proxy
	roleOrigin  = "origin"  // a module's origin server (direct)
	roleNetwork = "network" // the HTTP(S)_PROXY network proxy
)

// target is what a URL is, in terms of the settings.
type target struct {
	Role  string
	Entry int // index into env.proxies, -1 if none
	// Name names a proxy the settings do not list (a catalogue mirror, the
	// toolchain default, or any server speaking the module protocol), or
	// the proxy that relays a checksum database.
	Name string
	// Default is set for the toolchain's default proxy or checksum database.
	Default bool
}

// classifyURL says what u is: which proxy entry, the checksum database, or
// a module's origin.
func (e *env) classifyURL(u string) target {
	t := target{Role: roleOrigin, Entry: -1}
	for i, p := range e.proxies {
		if p.Target != mirrors.Direct && p.Target != mirrors.Off && strings.HasPrefix(u, p.Target+"/") {
			t.Entry, t.Role = i, roleProxy
			break
		}
	}
	host := hostOf(u)
	switch {
	case e.sumdb != "" && strings.Contains(u, "/sumdb/"+e.sumdb+"/"), strings.Contains(u, "/sumdb/"):
		t.Role, t.Name = roleSumDB, e.proxyName(u, t)
		t.Default = e.defSumDB != "" && strings.Contains(u, "/sumdb/"+e.defSumDB+"/")
		return t
	case e.sumURL != "" && strings.HasPrefix(u, e.sumURL+"/"), e.sumdb != "" && host == e.sumdb:
		t.Role = roleSumDB
		t.Default = host == e.defSumDB
		return t
	case host != "" && (host == e.defSumDB || host == mirrors.ChinaSumDB || strings.Contains(u, "/lookup/") && t.Role == roleOrigin):
		t.Role, t.Default = roleSumDB, host == e.defSumDB
		return t
	}
	if t.Role == roleProxy {
		t.Default = e.defProxy != "" && e.proxies[t.Entry].Target == e.defProxy
		return t
	}
	if name, def, ok := e.knownProxy(u); ok {
		t.Role, t.Name, t.Default = roleProxy, name, def
		e.noteForeign(name)
	}
	return t
}

// knownProxy names the proxy u is on when the settings do not list it: the
// toolchain default, a catalogue mirror, or a server answering the module
// protocol (a path with /@v/ or /@latest). A URL on a mirror is that
// mirror, never a module's origin.
func (e *env) knownProxy(u string) (name string, def bool, ok bool) {
	if e.defProxy != "" && strings.HasPrefix(u, e.defProxy+"/") {
		return hostOf(e.defProxy), true, true
	}
	for _, m := range mirrors.Builtin() {
		base := mirrors.NormalizeURL(m.URL)
		if strings.HasPrefix(strings.ToLower(u), strings.ToLower(base)+"/") {
			return m.Name + " (" + hostOf(base) + ")", false, true
		}
	}
	if strings.Contains(u, "/@v/") || strings.HasSuffix(u, "/@latest") {
		return hostOf(u), false, true
	}
	return "", false, false
}

// proxyName names the proxy that relays a checksum database at u, or "".
func (e *env) proxyName(u string, t target) string {
	if t.Entry >= 0 {
		return mirrorName(e.proxies[t.Entry].Raw)
	}
	if name, _, ok := e.knownProxy(strings.Replace(u, "/sumdb/", "/@v/sumdb/", 1)); ok {
		e.noteForeign(name)
		return name
	}
	return hostOf(u)
}

func (e *env) noteForeign(name string) {
	for _, n := range e.foreign {
		if n == name {
			return
		}
	}
	e.foreign = append(e.foreign, name)
}

// next returns the proxy entry after i, or "".
func (e *env) next(i int) string {
	if i >= 0 && i+1 < len(e.proxies) {
		return e.proxies[i+1].Raw
	}
	return ""
}

// withSep returns GOPROXY with the separator after entry i replaced.
func (e *env) withSep(i int, sep mirrors.Sep) string {
	c := mirrors.ParseChain(e.r.Value("GOPROXY"))
	if i < 0 || i >= len(c) {
		return e.r.Value("GOPROXY")
	}
	c[i].Sep = sep
	return c.String()
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Host
}

// blame fills the setting and layer responsible for f, and the template
// arguments that say where the value comes from.
func (e *env) blame(f *Finding, name string, a map[string]string) {
	f.Var = name
	s, ok := e.r.Get(name)
	if !ok {
		return
	}
	l := s.Winner()
	if l.Source == "" {
		return
	}
	f.Layer = &l
	f.File, f.Line = l.File, l.Line
	switch {
	case l.Source == core.SourceDefault && s.Value == "":
		// Unset everywhere: nothing to say about where it comes from.
	case l.Source == core.SourceEnvFile:
		a["@From"], a["LayerFile"], a["LayerLine"] = "from.env-file", l.File, strconv.Itoa(l.Line)
	case l.Source == core.SourceProcessEnv:
		a["@From"], a["@Before"] = "from.process-env", validate.OSRemoveSnippet(e.r.GOOS)
	case l.Source == core.SourceGorootEnv:
		a["@From"] = "from.goroot-env"
	case l.Source == core.SourceDerived:
		a["@From"] = "from.derived"
	default:
		a["@From"] = "from.default"
	}
}

// suggest adds name=value to the suggested edit of the env file.
// Widening edits are checked by the caller with safePattern.
func (f *Finding) suggest(name, value string) {
	if f.Set == nil {
		f.Set = map[string]string{}
	}
	f.Set[name] = value
}

// suggestUnset adds unsetting name to the suggested edit of the env file.
func (f *Finding) suggestUnset(name string) { f.Unset = append(f.Unset, name) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
