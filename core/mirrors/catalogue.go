// Package mirrors is Go Mirror's knowledge of module mirrors: the catalogue
// (the toolchain's default proxy read from $GOROOT/go.env, the built-in
// list shipped as data in catalogue.json, and the user's own mirrors kept
// by a Store), the checksum-database choices, and the GOPROXY chain builder
// that composes, explains, validates and suggests a chain from probe
// measurements (see the probe subpackage). Writing goes through
// core/service: Assignments returns what to pass to Service.Set.
package mirrors

import (
	_ "embed"
	"encoding/json"
	"net/url"
	"strings"
	"sync"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/validate"
)

// Origin says where a catalogue entry comes from.
type Origin string

// Origins.
const (
	OriginToolchain Origin = "toolchain" // $GOROOT/go.env's GOPROXY
	OriginBuiltin   Origin = "builtin"   // catalogue.json, shipped with Go Mirror
	OriginUser      Origin = "user"      // added by the user, kept by a Store
)

// DefaultID is the ID of the toolchain's default proxy.
const DefaultID = "default"

// Mirror is one module proxy in the catalogue.
type Mirror struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Names are the mirror's names in other languages, by language tag
	// ("zh-Hans": "阿里云"); Name is the English one. See LocalName.
	Names    map[string]string `json:"names,omitempty"`
	URL      string            `json:"url"`
	Operator string            `json:"operator,omitempty"`
	Region   string            `json:"region,omitempty"`
	// SumDB says whether the mirror proxies the checksum database. It is
	// "unknown" in the catalogue: only a probe can tell.
	SumDB  probe.SumDBState `json:"sumdb"`
	Notes  string           `json:"notes,omitempty"`
	Origin Origin           `json:"origin"`
}

// LocalName is the mirror's name in the language tag (such as "zh-Hans"),
// or Name when the catalogue has none in that language.
func (m Mirror) LocalName(tag string) string {
	if n := m.Names[tag]; n != "" {
		return n
	}
	return m.Name
}

// ShownName is how m is named for a person in l: the toolchain default by
// the catalogue's words for it, another mirror by its name in l's language
// (阿里云) where the catalogue has one, else by Name. The GUI and
// gomirrorctl both name mirrors so.
func (m Mirror) ShownName(l *core.Lang) string {
	if m.Origin == OriginToolchain {
		if s, ok := l.Message("mirrors.name.toolchain", nil); ok {
			return s
		}
	}
	tag, _ := l.Message("language.tag", nil)
	return m.LocalName(tag)
}

// OperatorKey is the operator to compare for a different-operator fallback:
// Operator, or the URL's host when the operator is unknown.
func (m Mirror) OperatorKey() string {
	if m.Operator != "" {
		return strings.ToLower(m.Operator)
	}
	if u, err := url.Parse(NormalizeURL(m.URL)); err == nil {
		return u.Hostname()
	}
	return m.URL
}

// Target returns the probe target for m.
func (m Mirror) Target() probe.Target { return probe.Target{ID: m.ID, URL: m.URL} }

//go:embed catalogue.json
var catalogueJSON []byte

var builtin = sync.OnceValue(func() []Mirror {
	var f struct{ Mirrors []Mirror }
	if err := json.Unmarshal(catalogueJSON, &f); err != nil {
		panic("mirrors: catalogue.json is malformed: " + err.Error())
	}
	for i := range f.Mirrors {
		f.Mirrors[i].Origin = OriginBuiltin
	}
	return f.Mirrors
})

// Builtin returns the built-in mirrors, in display order.
func Builtin() []Mirror { return append([]Mirror(nil), builtin()...) }

// ToolchainDefault returns the toolchain's default proxy: the first URL
// entry of $GOROOT/go.env's GOPROXY, read at run time.
func ToolchainDefault(r *resolve.Resolution) (Mirror, bool) {
	v, ok := validate.GoEnvValue(r, "GOPROXY")
	if !ok {
		return Mirror{}, false
	}
	for _, l := range ParseChain(v) {
		if l.IsKeyword() {
			break
		}
		m := Mirror{ID: DefaultID, Name: "Toolchain default", URL: NormalizeURL(l.Target),
			SumDB: probe.SumDBUnknown, Origin: OriginToolchain, Notes: "From " + r.Goroot.GoEnvPath + "."}
		return m, true
	}
	return Mirror{}, false
}

// Catalogue returns the toolchain default (if go.env names one), the
// built-in mirrors, then the user's.
func Catalogue(r *resolve.Resolution, user []Mirror) []Mirror {
	var out []Mirror
	if m, ok := ToolchainDefault(r); ok {
		out = append(out, m)
	}
	out = append(out, Builtin()...)
	for _, m := range user {
		m.Origin = OriginUser
		out = append(out, m)
	}
	return out
}

// Find returns the mirror whose ID or name (ignoring case) or URL (ignoring
// a missing https:// and trailing slashes) is s.
func Find(list []Mirror, s string) (Mirror, bool) {
	for _, m := range list {
		if strings.EqualFold(m.ID, s) || strings.EqualFold(m.Name, s) || SameURL(m.URL, s) {
			return m, true
		}
	}
	return Mirror{}, false
}

// Targets returns the probe targets of list.
func Targets(list []Mirror) []probe.Target {
	ts := make([]probe.Target, len(list))
	for i, m := range list {
		ts[i] = m.Target()
	}
	return ts
}

// NormalizeURL adds https:// where the go command would (an entry with a
// dot, colon or slash but no ":/") and removes trailing slashes.
func NormalizeURL(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, ".:/") && !strings.Contains(s, ":/") && !strings.HasPrefix(s, "/") {
		s = "https://" + s
	}
	return strings.TrimRight(s, "/")
}

// SameURL reports whether a and b name the same proxy.
func SameURL(a, b string) bool {
	return a != "" && b != "" && strings.EqualFold(NormalizeURL(a), NormalizeURL(b))
}
