package cred

import (
	"github.com/gomirror/gomirror/core"
	"net/url"
	"strings"
)

// Prefix is where a credential applies: a host (with an optional port) and
// an optional path prefix, as the go command keys its credential cache:
// "git.example.test" or "git.example.test:8443/org". Credentials are only
// ever sent over HTTPS, so a Prefix has no scheme.
type Prefix struct {
	Host string // lower case, with ":port" if one was given
	Path string // "" or "/a/b": escaped, no trailing slash
}

// ParsePrefix parses "host[:port][/path]", optionally written as an https://
// URL with a trailing slash. It refuses http:// (the go command never sends
// credentials over plain HTTP), user information, queries and fragments.
func ParsePrefix(s string) (Prefix, error) {
	orig := s
	if strings.ContainsAny(s, " \t\r\n") || s == "" {
		return Prefix{}, prefixError(orig, "empty", "")
	}
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		if !strings.EqualFold(scheme, "https") {
			return Prefix{}, prefixError(orig, "scheme", scheme)
		}
		s = rest
	}
	u, err := url.Parse("https://" + s)
	switch {
	case err != nil:
		return Prefix{}, prefixError(orig, "invalid", "")
	case u.User != nil:
		return Prefix{}, prefixError(orig, "user", "")
	case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "?#"):
		return Prefix{}, prefixError(orig, "query", "")
	case u.Hostname() == "":
		return Prefix{}, prefixError(orig, "no-host", "")
	}
	p := strings.TrimRight(u.EscapedPath(), "/")
	if strings.Contains(p, "//") {
		return Prefix{}, prefixError(orig, "empty-element", "")
	}
	return Prefix{Host: strings.ToLower(u.Host), Path: p}, nil
}

// MustParsePrefix is ParsePrefix for constants in tests and examples.
func MustParsePrefix(s string) Prefix {
	p, err := ParsePrefix(s)
	if err != nil {
		panic(err)
	}
	return p
}

// ErrInvalidPrefix is wrapped by every error of ParsePrefix.
var ErrInvalidPrefix error = core.NewError("cred.invalid-prefix", nil, nil)

// prefixError refuses the prefix s, with any secret in it masked: a token
// typed into the host argument must not be echoed.
func prefixError(s, why, scheme string) error {
	args := map[string]string{"Prefix": core.MaskUserinfo(s), "Case": why}
	if scheme != "" {
		args["Scheme"] = scheme
	}
	return core.NewError("cred.prefix", args, ErrInvalidPrefix)
}

// String returns host+path, the form the go command uses as a cache key.
func (p Prefix) String() string { return p.Host + p.Path }

// URL returns the prefix as an https URL.
func (p Prefix) URL() string { return "https://" + p.String() }

// MatchURL reports whether the prefix applies to the request URL raw: it
// must be https, without user information, on the same host and port (the
// host compared without regard to case), and its path must equal the
// prefix's path or continue it after a '/'.
func (p Prefix) MatchURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.User != nil || !strings.EqualFold(u.Host, p.Host) {
		return false
	}
	return pathHasPrefix(u.EscapedPath(), p.Path)
}

// Covers reports whether every URL q applies to also matches p.
func (p Prefix) Covers(q Prefix) bool {
	return strings.EqualFold(p.Host, q.Host) && pathHasPrefix(q.Path, p.Path)
}

func pathHasPrefix(path, prefix string) bool {
	if prefix == "" {
		return true
	}
	path = strings.TrimRight(path, "/")
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// Longest returns the index of the prefix in ps that matches raw with the
// longest path, or -1. Of equally long matches the first wins.
func Longest(ps []Prefix, raw string) int {
	best := -1
	for i, p := range ps {
		if p.MatchURL(raw) && (best < 0 || len(p.Path) > len(ps[best].Path)) {
			best = i
		}
	}
	return best
}
