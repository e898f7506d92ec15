package route

import (
	"fmt"
	"strings"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/goauth"
	"github.com/gomirror/gomirror/core/private/pattern"
	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/note"
)

type govcsRule struct {
	pattern string
	allowed []string
	builtin bool
}

func (g govcsRule) match(path string, private bool) bool {
	switch g.pattern {
	case "private":
		return private
	case "public":
		return !private
	}
	return matchOne(g.pattern, path)
}

// parseGOVCS parses GOVCS as cmd/go/internal/vcs.parseGOVCS does.
func parseGOVCS(s string) ([]govcsRule, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var rules []govcsRule
	have := map[string]string{}
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		pat, list, found := strings.Cut(item, ":")
		pat, list = strings.TrimSpace(pat), strings.TrimSpace(list)
		switch {
		case item == "":
			return nil, fmt.Errorf("empty entry in GOVCS")
		case !found:
			return nil, fmt.Errorf("malformed entry in GOVCS (missing colon): %q", item)
		case pat == "" || list == "":
			return nil, fmt.Errorf("empty pat or VCS list in GOVCS: %q", item)
		case pat == "." || pat == ".." || strings.HasPrefix(pat, "./") || strings.HasPrefix(pat, "../"):
			return nil, fmt.Errorf("relative pat not allowed in GOVCS: %q", pat)
		case have[pat] != "":
			return nil, fmt.Errorf("unreachable pat in GOVCS: %q after %q", item, have[pat])
		}
		have[pat] = item
		rule := govcsRule{pattern: pat}
		for a := range strings.SplitSeq(list, "|") {
			if a = strings.TrimSpace(a); a == "" {
				return nil, fmt.Errorf("empty VCS name in GOVCS: %q", item)
			}
			rule.allowed = append(rule.allowed, a)
		}
		rules = append(rules, rule)
	}
	return rules, nil
}

// chinaAlias is the built-in alias of the default checksum database.
const chinaAlias = "sum.golang.google.cn"

// checksum explains GOSUMDB and GONOSUMDB (modfetch.useSumDB, dbDial,
// dbClient.initBase).
func (r *Route) checksum(c Config, list []entry) {
	ck := &r.Checksum
	if c.GOSUMDB == "off" {
		r.step("GOSUMDB", "", "route.sumdb-off", nil)
		return
	}
	if p, ok := pattern.Match(c.GONOSUMDB, r.Module); ok {
		r.step("GONOSUMDB", p, "route.nosumdb-match", followsArgs(p, c.NoSumDBFollows))
		return
	}
	ck.Verified = true
	name, explicit, err := sumdbName(c)
	if err != nil {
		ck.Error = err.Error()
		r.step("GOSUMDB", "", "route.sumdb-fails", map[string]string{"Error": err.Error()})
		return
	}
	ck.DB = name
	if explicit != "" {
		ck.URL = explicit
		r.step("GOSUMDB", "", "route.sumdb-explicit", map[string]string{"DB": name, "URL": explicit})
		return
	}
	ck.Via = sumdbVia(list, name)
	r.step("GOSUMDB", "", "route.sumdb-via", map[string]string{"DB": name})
}

// sumdbName returns the database name and explicit URL of GOSUMDB.
func sumdbName(c Config) (name, explicit string, err error) {
	v := c.GOSUMDB
	if v == chinaAlias {
		if c.KnownSumDB == "" {
			return "", "", fmt.Errorf("GOSUMDB=%s names the toolchain's default database, but $GOROOT/go.env names none", chinaAlias)
		}
		return c.KnownSumDB, "https://" + chinaAlias, nil
	}
	f := strings.Fields(v)
	switch {
	case len(f) == 0:
		return "", "", fmt.Errorf("missing GOSUMDB")
	case len(f) > 2:
		return "", "", fmt.Errorf("invalid GOSUMDB: too many fields")
	}
	name, _, _ = strings.Cut(f[0], "+")
	if len(f) == 2 {
		explicit = f[1]
	}
	if !strings.Contains(f[0], "+") {
		if name != c.KnownSumDB {
			return "", "", fmt.Errorf("invalid GOSUMDB: malformed verifier id (no built-in key for %q)", name)
		}
		return name, explicit, nil
	}
	if _, err := note.NewVerifier(f[0]); err != nil {
		return "", "", fmt.Errorf("invalid GOSUMDB: %v", err)
	}
	return name, explicit, nil
}

// sumdbVia lists where the database is looked for: each proxy before the
// first direct or off, then the database itself.
func sumdbVia(list []entry, name string) []Source {
	var via []Source
	for _, e := range list {
		if e.url == "direct" || e.url == "off" {
			break
		}
		if e.url == "noproxy" {
			continue
		}
		f := FallbackNotFound
		if e.fallBackOnError {
			f = FallbackAnyError
		}
		via = append(via, Source{Kind: KindProxy, URL: strings.TrimSuffix(e.url, "/") + "/sumdb/" + name, Fallback: f})
	}
	return append(via, Source{Kind: KindDirect, URL: "https://" + name})
}

// auth lists the stored credentials the go command would send on this
// route, given which methods GOAUTH runs.
func (r *Route) auth(c Config) {
	active, notes := authMethods(c.GOAUTH)
	r.Steps = append(r.Steps, notes...)
	var ps []cred.Prefix
	var methods []string
	for _, a := range c.Auth {
		if active[a.Method] {
			ps, methods = append(ps, a.Prefix), append(methods, a.Method)
		}
	}
	for _, u := range r.requestURLs() {
		if !strings.HasPrefix(u, "https://") {
			continue
		}
		if i := cred.Longest(ps, u); i >= 0 && !contains(r.Auth, ps[i].String()) {
			r.Auth = append(r.Auth, ps[i].String())
			r.step("GOAUTH", "", "route.credentials", map[string]string{"Prefix": ps[i].String(), "Method": methods[i], "URL": u})
		}
	}
}

// authMethods returns which credential methods GOAUTH runs, and steps
// about the ones whose credentials cannot be listed.
func authMethods(value string) (map[string]bool, []Step) {
	active := map[string]bool{}
	var notes []Step
	for _, cmd := range goauth.Commands(value) {
		switch cmd.Kind {
		case "off":
			return map[string]bool{}, []Step{newStep("GOAUTH", "", "route.goauth-off", nil)}
		case "netrc", "helper":
			active[cmd.Kind] = true
		case "git":
			notes = append(notes, newStep("GOAUTH", "", "route.goauth-git", map[string]string{"Dir": strings.Join(cmd.Words[1:], " ")}))
		case "command":
			notes = append(notes, newStep("GOAUTH", "", "route.goauth-command", map[string]string{"Command": cmd.Text}))
		}
	}
	return active, notes
}

// requestURLs returns URLs the go command requests on this route, one per
// source and checksum-database location.
func (r *Route) requestURLs() []string {
	enc, _ := module.EscapePath(r.Module)
	var urls []string
	for _, s := range r.Sources {
		switch s.Kind {
		case KindProxy:
			urls = append(urls, strings.TrimSuffix(s.URL, "/")+"/"+enc+"/@v/list")
		case KindDirect:
			urls = append(urls, "https://"+r.Module+"?go-get=1")
		}
	}
	if r.Checksum.URL != "" {
		urls = append(urls, strings.TrimSuffix(r.Checksum.URL, "/")+"/lookup/"+r.Module)
	}
	for _, v := range r.Checksum.Via {
		urls = append(urls, v.URL+"/supported")
	}
	return urls
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
