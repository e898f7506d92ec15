package cred

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePrefix(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"git.example.test", "git.example.test", true},
		{"Git.Example.Test/Org/", "git.example.test/Org", true},
		{"https://proxy.example.test/goproxy/", "proxy.example.test/goproxy", true},
		{"127.0.0.1:8443/x", "127.0.0.1:8443/x", true},
		{"http://proxy.example.test", "", false},
		{"ssh://git.example.test", "", false},
		{"user@git.example.test", "", false},
		{"git.example.test?x=1", "", false},
		{"git.example.test/a b", "", false},
		{"", "", false},
		{"/just/a/path", "", false},
		{"git.example.test/a//b", "", false},
	}
	for _, tt := range tests {
		p, err := ParsePrefix(tt.in)
		if (err == nil) != tt.ok || err == nil && p.String() != tt.want {
			t.Errorf("ParsePrefix(%q) = %q, %v; want %q, ok=%t", tt.in, p, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalidPrefix) {
			t.Errorf("ParsePrefix(%q) error %v does not wrap ErrInvalidPrefix", tt.in, err)
		}
	}
}

var matchTests = []struct {
	prefix, url string
	want        bool
}{
	{"git.example.test", "https://git.example.test/org/repo?go-get=1", true},
	{"git.example.test/org", "https://git.example.test/org/repo", true},
	{"git.example.test/org", "https://git.example.test/org", true},
	{"git.example.test/org", "https://git.example.test/org/", true},
	{"git.example.test/org", "https://git.example.test/organ/repo", false},
	{"git.example.test/org", "https://git.example.test/", false},
	{"git.example.test", "http://git.example.test/org", false},
	{"git.example.test", "https://GIT.example.test/org", true},
	{"git.example.test", "https://git.example.test:8443/org", false},
	{"git.example.test:8443", "https://git.example.test/org", false},
	{"git.example.test", "https://u:p@git.example.test/org", false},
	{"git.example.test", "https://other.example.test/git.example.test", false},
	{"git.example.test", "https://git.example.test.evil.example/x", false},
	{"git.example.test/org", "https://git.example.test/org%2Frepo", false},
}

func TestMatchURL(t *testing.T) {
	for _, tt := range matchTests {
		if got := MustParsePrefix(tt.prefix).MatchURL(tt.url); got != tt.want {
			t.Errorf("MatchURL(%q, %q) = %t, want %t", tt.prefix, tt.url, got, tt.want)
		}
	}
}

func TestLongest(t *testing.T) {
	ps := []Prefix{MustParsePrefix("git.example.test"), MustParsePrefix("git.example.test/org/repo"), MustParsePrefix("git.example.test/org")}
	for url, want := range map[string]int{
		"https://git.example.test/org/repo/@v/list": 1,
		"https://git.example.test/org/other":        2,
		"https://git.example.test/x":                0,
		"https://proxy.example.test/x":              -1,
		"http://git.example.test/org/repo":          -1,
	} {
		if got := Longest(ps, url); got != want {
			t.Errorf("Longest(%q) = %d, want %d", url, got, want)
		}
	}
}

// FuzzMatchURL checks MatchURL's invariants: only https, same host, and a
// path that continues the prefix at a '/' boundary.
func FuzzMatchURL(f *testing.F) {
	for _, tt := range matchTests {
		f.Add(tt.prefix, tt.url)
	}
	f.Fuzz(func(t *testing.T, prefix, raw string) {
		p, err := ParsePrefix(prefix)
		if err != nil {
			return
		}
		if q, err := ParsePrefix(p.String()); err != nil || q != p {
			t.Fatalf("ParsePrefix(%q) = %q does not round-trip: %q, %v", prefix, p, q, err)
		}
		if !p.MatchURL(raw) {
			return
		}
		if !strings.HasPrefix(raw, "https://") && !strings.HasPrefix(strings.ToLower(raw), "https://") {
			t.Fatalf("MatchURL(%q, %q) = true for a non-https URL", p, raw)
		}
		if !p.MatchURL(p.URL()) {
			t.Fatalf("prefix %q does not match its own URL", p)
		}
	})
}
