package goauth

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// fakeSource holds credentials in memory.
type fakeSource []cred.Credential

func (f fakeSource) All() ([]cred.Credential, error) { return f, nil }

func (f fakeSource) Lookup(raw string) (cred.Credential, error) {
	ps := make([]cred.Prefix, len(f))
	for i, c := range f {
		ps[i] = cred.MustParsePrefix(c.Prefix)
	}
	if i := cred.Longest(ps, raw); i >= 0 {
		return f[i], nil
	}
	return cred.Credential{}, cred.ErrNotFound
}

var testCreds = fakeSource{
	{Entry: cred.Entry{Prefix: "git.example.test", User: "host"}, Secret: "s-host"},
	{Entry: cred.Entry{Prefix: "git.example.test/org", User: "org"}, Secret: "s-org"},
	{Entry: cred.Entry{Prefix: "proxy.example.test:8443/goproxy", User: "proxy"}, Secret: "s-proxy"},
}

// serve runs Serve and returns the go command's view of the answer.
func serve(t testing.TB, args ...string) map[string]http.Header {
	t.Helper()
	var out, errOut bytes.Buffer
	stdin := strings.NewReader("HTTP/1.1 401 Unauthorized\nWww-Authenticate: Basic realm=\"x\"\n\n")
	if err := Serve(args, stdin, &out, &errOut, testCreds, nil); err != nil {
		t.Fatalf("Serve(%q): %v", args, err)
	}
	creds, err := ParseOutput(out.String())
	if err != nil {
		t.Fatalf("Serve(%q) output does not parse: %v\n%s", args, err, out.String())
	}
	return creds
}

func TestServeFirstCall(t *testing.T) {
	creds := serve(t)
	if len(creds) != len(testCreds) {
		t.Fatalf("first call answered %d prefixes, want %d", len(creds), len(testCreds))
	}
	h, ok := LookupHeaders(creds, "https://git.example.test/org/repo/@v/list")
	if !ok || h.Get("Authorization") != BasicAuth("org", "s-org") {
		t.Fatalf("org repo gets %v, want the org credential", h)
	}
}

func TestServeRetry(t *testing.T) {
	tests := []struct {
		url, user string // user "" = no answer
	}{
		{"https://git.example.test/org/repo/@v/list", "org"},
		{"https://git.example.test/org/repo?go-get=1", "org"},
		{"https://git.example.test/organ/repo?go-get=1", "host"},
		{"https://GIT.example.test/org/x", "org"},
		{"https://proxy.example.test:8443/goproxy/x.example.test/@v/list", "proxy"},
		{"https://proxy.example.test/goproxy/x.example.test/@v/list", ""},
		{"http://git.example.test/org/repo", ""},
		{"https://other.example.test/git.example.test/org", ""},
		{"https://u:p@git.example.test/org", ""},
		{"not a url", ""},
	}
	for _, tt := range tests {
		creds := serve(t, tt.url)
		h, ok := LookupHeaders(creds, tt.url)
		switch {
		case tt.user == "" && len(creds) != 0:
			t.Errorf("Serve(%q) answered %v, want nothing", tt.url, keys(creds))
		case tt.user != "" && (!ok || h.Get("Authorization") != BasicAuth(tt.user, cred.Secret("s-"+tt.user))):
			t.Errorf("Serve(%q): the go command would send %v, want %s's credential", tt.url, h, tt.user)
		}
	}
}

func keys(m map[string]http.Header) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestServeUsage(t *testing.T) {
	if err := Serve([]string{"a", "b"}, nil, &bytes.Buffer{}, &bytes.Buffer{}, testCreds, nil); !errors.Is(err, ErrUsage) {
		t.Fatalf("Serve with two arguments: %v, want ErrUsage", err)
	}
}

func TestParseOutput(t *testing.T) {
	good := "https://example.test\nhttps://example.test/api/\n\nAuthorization: Basic abc\n\nhttps://other.example.test/\n\nExample: Data\n\n"
	creds, err := ParseOutput(good)
	if err != nil || len(creds) != 3 || creds["example.test/api"].Get("Authorization") != "Basic abc" || creds["other.example.test"].Get("Example") != "Data" {
		t.Fatalf("ParseOutput(good) = %v, %v", creds, err)
	}
	for _, bad := range []string{
		"https://example.test\n\nAuthorization: Basic abc\n", // no final blank line
		"https://example.test\n",
		"example test\n\nA: b\n\n",
		"https://example.test\n\nbad header\n\n",
	} {
		if _, err := ParseOutput(bad); !errors.Is(err, ErrOutputFormat) {
			t.Errorf("ParseOutput(%q) error = %v, want ErrOutputFormat", bad, err)
		}
	}
}

func TestParseResponse(t *testing.T) {
	r, err := ParseResponse(strings.NewReader("HTTP/1.0 401 Unauthorized\nWww-Authenticate: Bearer\nContent-Length: 19\n\n"))
	if err != nil || r.StatusCode != 401 || r.Proto != "HTTP/1.0" || r.Header.Get("Www-Authenticate") != "Bearer" {
		t.Fatalf("ParseResponse = %+v, %v", r, err)
	}
	if _, err := ParseResponse(strings.NewReader("")); err == nil {
		t.Fatal("ParseResponse(empty) succeeded")
	}
}

// FuzzServe checks the protocol from both ends: whatever the URL and the
// input, Serve's output parses as the go command parses it, an answer is
// given only for https URLs, and the credential the go command would then
// send is the one whose prefix matches with the longest path.
func FuzzServe(f *testing.F) {
	f.Add("https://git.example.test/org/repo?go-get=1", "HTTP/1.1 401 Unauthorized\n\n")
	f.Add("http://git.example.test/org", "HTTP/1.1 404 Not Found\nA: b\n\n")
	f.Add("https://proxy.example.test:8443/goproxy/", "garbage")
	f.Add("https://git.example.test/org/../x", "")
	f.Fuzz(func(t *testing.T, raw, stdin string) {
		var out bytes.Buffer
		if err := Serve([]string{raw}, strings.NewReader(stdin), &out, &bytes.Buffer{}, testCreds, nil); err != nil {
			t.Fatalf("Serve(%q): %v", raw, err)
		}
		creds, err := ParseOutput(out.String())
		if err != nil {
			t.Fatalf("Serve(%q) output does not parse: %v\n%q", raw, err, out.String())
		}
		want, wantErr := testCreds.Lookup(raw)
		if wantErr != nil {
			if len(creds) != 0 {
				t.Fatalf("Serve(%q) answered %v for a URL no prefix matches", raw, keys(creds))
			}
			return
		}
		if !strings.HasPrefix(raw, "https://") && !strings.HasPrefix(strings.ToLower(raw), "https:") {
			t.Fatalf("a prefix matched the non-https URL %q", raw)
		}
		h, ok := LookupHeaders(creds, canonical(raw))
		if !ok || h.Get("Authorization") != BasicAuth(want.User, want.Secret) {
			t.Fatalf("Serve(%q): the go command would send %v, want %s's credential", raw, h, want.User)
		}
	})
}

// canonical is the URL string the go command uses for its lookup.
func canonical(raw string) string {
	req, err := http.NewRequest("GET", raw, nil)
	if err != nil {
		return raw
	}
	return req.URL.String()
}

func TestHelperCommand(t *testing.T) {
	tests := []struct{ exe, want string }{
		{"/usr/local/bin/gomirrorctl", "/usr/local/bin/gomirrorctl goauth"},
		{"/opt/Go Mirror/gomirrorctl", `"/opt/Go Mirror/gomirrorctl" goauth`},
		{`/opt/Bob's "Go"/gomirrorctl`, ""},
		{"/opt/a;b/gomirrorctl", ""},
		{"relative/gomirrorctl", ""},
	}
	for _, tt := range tests {
		got, err := HelperCommand(tt.exe)
		if tt.want == "" {
			if !errors.Is(err, ErrUnquotablePath) {
				t.Errorf("HelperCommand(%q) = %q, %v; want ErrUnquotablePath", tt.exe, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("HelperCommand(%q) = %q, %v; want %q", tt.exe, got, err, tt.want)
		}
		if cs := Commands(got); len(cs) != 1 || cs[0].Kind != "helper" || cs[0].Words[0] != tt.exe {
			t.Errorf("Commands(%q) = %+v; want the helper at %q", got, cs, tt.exe)
		}
	}
}

func TestInstall(t *testing.T) {
	exe := "/opt/Go Mirror/gomirrorctl"
	h := `"/opt/Go Mirror/gomirrorctl" goauth`
	tests := []struct{ current, want string }{
		{"", h + ";netrc"},
		{"netrc", h + ";netrc"},
		{"off", h},
		{"netrc; git /src/repo", h + ";netrc;git /src/repo"},
		{"/old/gomirrorctl goauth;netrc", h + ";netrc"},
		{"netrc;;", h + ";netrc"},
	}
	for _, tt := range tests {
		p, err := Install(tt.current, exe)
		if err != nil || p.Value != tt.want {
			t.Errorf("Install(%q) = %q, %v; want %q", tt.current, p.Value, err, tt.want)
		}
		if !Uses(p.Value) {
			t.Errorf("Uses(%q) = false", p.Value)
		}
		if u := Uninstall(p.Value); Uses(u.Value) {
			t.Errorf("Uninstall(%q) = %q still uses the helper", p.Value, u.Value)
		}
	}
}

// partialSource returns its credentials with an error, as a store does
// when some secrets cannot be read.
type partialSource struct{ fakeSource }

func (p partialSource) All() ([]cred.Credential, error) {
	return p.fakeSource, core.NewError("cred.read", map[string]string{"Prefix": "git.example.test/x"}, cred.ErrLocked)
}

// TestServeWarnsInLanguage checks that a credential left out is reported
// on stderr in the language asked for, while stdout still carries the
// others exactly as in English.
func TestServeWarnsInLanguage(t *testing.T) {
	src := partialSource{testCreds}
	var enOut, enErr, zhOut, zhErr bytes.Buffer
	if err := Serve(nil, nil, &enOut, &enErr, src, nil); err != nil {
		t.Fatal(err)
	}
	if err := Serve(nil, nil, &zhOut, &zhErr, src, core.NewLang("zh-Hans")); err != nil {
		t.Fatal(err)
	}
	if enOut.String() != zhOut.String() || enOut.Len() == 0 {
		t.Errorf("stdout depends on the language:\n%s\n%s", enOut.String(), zhOut.String())
	}
	if !strings.HasPrefix(enErr.String(), "goauth: some credentials were left out: reading the secret for git.example.test/x") {
		t.Errorf("English stderr = %q", enErr.String())
	}
	if !strings.HasPrefix(zhErr.String(), "goauth: 部分凭据未能提供") || !strings.Contains(zhErr.String(), "密钥环") {
		t.Errorf("Chinese stderr = %q", zhErr.String())
	}
}
