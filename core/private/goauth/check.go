package goauth

import (
	"context"
	"net/http"
	"net/url"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// Check sends one GET with c's credential to the https URL raw, as the go
// command would, and returns the response status code: 200 or 404 mean the
// credential was accepted (404: the path does not exist), 401 or 403 that
// it was refused. It refuses a URL the credential does not apply to, so a
// secret is never sent anywhere else.
func Check(ctx context.Context, client *http.Client, raw string, c cred.Credential) (int, error) {
	p, err := cred.ParsePrefix(c.Prefix)
	if err != nil {
		return 0, err
	}
	if !p.MatchURL(raw) {
		return 0, core.NewError("goauth.check-elsewhere", map[string]string{"Prefix": p.String(), "URL": redact(raw)}, nil)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", BasicAuth(c.User, c.Secret))
	client = noRedirects(client)
	res, err := client.Do(req)
	if err != nil {
		return 0, core.NewError("goauth.check", map[string]string{"Prefix": p.String()}, err)
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// noRedirects returns a copy of client that does not follow redirects, so
// the Authorization header never leaves the credential's prefix.
func noRedirects(c *http.Client) *http.Client {
	if c == nil {
		c = http.DefaultClient
	}
	cc := *c
	cc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &cc
}

// redact returns raw without its password, or "" if it does not parse.
func redact(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return ""
}
