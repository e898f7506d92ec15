package goauth

import (
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/http/httpguts"

	"github.com/gomirror/gomirror/core"
)

// ErrOutputFormat is wrapped by every error of ParseOutput.
var ErrOutputFormat error = core.NewError("goauth.output", nil, nil)

// ParseOutput parses a GOAUTH command's output exactly as the go command
// does (cmd/go/internal/auth.parseUserAuth) and returns the headers per
// cache key: the URL without "https://" and without a trailing slash. The
// GUI uses it to test a helper; tests use it to check Serve.
func ParseOutput(data string) (map[string]http.Header, error) {
	creds := map[string]http.Header{}
	for data != "" {
		urls, rest, err := parseURLs(data)
		if err != nil {
			return nil, err
		}
		header, rest, err := parseHeaders(rest)
		if err != nil {
			return nil, err
		}
		for _, u := range urls {
			creds[CacheKey(u)] = header.Clone()
		}
		data = rest
	}
	return creds, nil
}

// parseURLs reads URL lines up to a blank line.
func parseURLs(data string) (urls []string, rest string, err error) {
	for {
		line, tail, ok := strings.Cut(data, "\n")
		if !ok {
			return nil, "", core.NewError("goauth.output-no-blank", map[string]string{"After": "urls"}, ErrOutputFormat)
		}
		if data = tail; line == "" {
			return urls, data, nil
		}
		u, err := url.ParseRequestURI(line)
		if err != nil {
			return nil, "", core.NewError("goauth.output-url", map[string]string{"URL": line}, ErrOutputFormat)
		}
		urls = append(urls, u.String())
	}
}

// parseHeaders reads "Name: value" lines up to a blank line.
func parseHeaders(data string) (http.Header, string, error) {
	header := http.Header{}
	for {
		line, tail, ok := strings.Cut(data, "\n")
		if !ok {
			return nil, "", core.NewError("goauth.output-no-blank", map[string]string{"After": "headers"}, ErrOutputFormat)
		}
		if data = tail; line == "" {
			return header, data, nil
		}
		name, value, ok := strings.Cut(line, ": ")
		value = strings.TrimSpace(value)
		if !ok || !httpguts.ValidHeaderFieldName(name) || !httpguts.ValidHeaderFieldValue(value) {
			return nil, "", core.NewError("goauth.output-header", nil, ErrOutputFormat)
		}
		header.Add(name, value)
	}
}

// CacheKey returns the go command's credential-cache key for a URL: without
// "https://" and without a trailing slash.
func CacheKey(u string) string {
	return strings.TrimSuffix(strings.TrimPrefix(u, "https://"), "/")
}

// LookupHeaders returns the headers the go command would attach to a
// request for raw, given the cache creds: it tries the URL's key and then
// each shorter key cut at a '/' (cmd/go/internal/auth.loadCredential).
func LookupHeaders(creds map[string]http.Header, raw string) (http.Header, bool) {
	key := CacheKey(raw)
	for {
		if h, ok := creds[key]; ok {
			return h, true
		}
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			return nil, false
		}
		key = key[:i]
	}
}
