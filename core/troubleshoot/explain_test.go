package troubleshoot_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

// pasted is output pasted by a user, in the wording of various go
// releases and operating systems.
type pasted struct {
	name    string
	goproxy string // GOPROXY in the OS environment; a mirror list if empty
	flags   string // GOFLAGS
	output  string
	code    string
	v       string // the finding's Var
	module  string
	host    string
	set     string // the suggested GOPROXY, GOPRIVATE or GOVCS, if any
}

const mirrorList = "https://mirror.example.test,https://backup.example.test|direct"

var pastedCases = []pasted{
	{name: "sumdb 410 Gone (go1.13)", code: "fail-sumdb-private", v: "GOPRIVATE", module: "git.corp.example.test/x", set: "git.corp.example.test",
		output: "verifying git.corp.example.test/x@v0.1.0: git.corp.example.test/x@v0.1.0: reading https://sum.example.test/lookup/git.corp.example.test/x@v0.1.0: 410 Gone\n"},
	{name: "sumdb 404 with server response (go1.20)", code: "fail-sumdb-private", v: "GOPRIVATE", module: "github.com/acme/secret", set: "github.com/acme/secret",
		output: "go: downloading github.com/acme/secret v1.2.0\ngo: github.com/acme/secret@v1.2.0: verifying module: github.com/acme/secret@v1.2.0: reading https://mirror.example.test/sumdb/sum.example.test/lookup/github.com/acme/secret@v1.2.0: 404 Not Found\n\tserver response:\n\tnot found: github.com/acme/secret@v1.2.0: invalid version: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/abc: exit status 128:\n\t\tfatal: could not read Username for 'https://github.com': terminal prompts disabled\n"},
	{name: "DNS (linux)", code: "fail-dns", v: "GOPROXY", module: "example.test/m", host: "mirror.example.test", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": dial tcp: lookup mirror.example.test on 127.0.0.53:53: no such host` + "\n"},
	{name: "DNS (windows)", code: "fail-dns", v: "GOPROXY", host: "mirror.example.test", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": dial tcp: lookup mirror.example.test: getaddrinfow: The requested name is valid, but no data of the requested type was found.` + "\r\n"},
	{name: "dial timeout", code: "fail-timeout", v: "GOPROXY", host: "mirror.example.test", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": dial tcp 192.0.2.10:443: i/o timeout` + "\n"},
	{name: "TLS handshake timeout", code: "fail-timeout", v: "GOPROXY",
		output: `go: example.test/m@v1.0.0: Get "https://backup.example.test/example.test/m/@v/v1.0.0.mod": net/http: TLS handshake timeout` + "\n"},
	{name: "client timeout", code: "fail-timeout", v: "GOSUMDB",
		output: `go: verifying example.test/m@v1.0.0: example.test/m@v1.0.0: Get "https://sum.example.test/lookup/example.test/m@v1.0.0": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` + "\n"},
	{name: "x509 (go1.18)", code: "fail-tls", v: "GOPROXY", host: "mirror.example.test", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": x509: certificate signed by unknown authority` + "\n"},
	{name: "x509 (go1.20+)", code: "fail-tls", v: "GOPROXY", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": tls: failed to verify certificate: x509: certificate has expired or is not yet valid` + "\n"},
	{name: "refused (windows)", code: "fail-refused", v: "GOPROXY", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": dial tcp 192.0.2.10:443: connectex: No connection could be made because the target machine actively refused it.` + "\n"},
	{name: "refused on a port with 407 in it", goproxy: "http://127.0.0.1:40735", code: "fail-refused", v: "GOPROXY",
		output: `go: example.test/m@v1.0.0: Get "http://127.0.0.1:40735/example.test/m/@v/v1.0.0.info": dial tcp 127.0.0.1:40735: connect: connection refused` + "\n"},
	{name: "network proxy refused", code: "fail-refused", v: "",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused` + "\n"},
	{name: "407 (old wording)", code: "fail-proxy-auth", v: "HTTPS_PROXY",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": Proxy Authentication Required` + "\n"},
	{name: "403 from a mirror", code: "fail-auth", v: "GOPROXY", set: "https://mirror.example.test|https://backup.example.test|direct",
		output: "go: example.test/m@v1.0.0: reading https://mirror.example.test/example.test/m/@v/v1.0.0.info: 403 Forbidden\n"},
	{name: "502 before a pipe", code: "fail-http-status", v: "GOPROXY",
		output: "go: example.test/m@v1.0.0: reading https://backup.example.test/example.test/m/@v/v1.0.0.zip: 502 Bad Gateway\n"},
	{name: "404 at the end of the list", goproxy: "https://mirror.example.test", code: "fail-proxy-notfound", v: "GOPROXY", set: "https://mirror.example.test,direct",
		output: "go: example.test/m@v1.0.0: reading https://mirror.example.test/example.test/m/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found\n"},
	{name: "404 whose server response says the origin lacks the version", goproxy: "https://mirror.example.test", code: "fail-unknown-revision",
		output: "go: example.test/m@v1.0.0: reading https://mirror.example.test/example.test/m/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found: example.test/m@v1.0.0: invalid version: unknown revision v1.0.0\n"},
	{name: "GOPROXY=off", goproxy: "off", code: "fail-goproxy-off", v: "GOPROXY",
		output: "go: example.test/m@v1.0.0: module lookup disabled by GOPROXY=off\n"},
	{name: "invalid proxy scheme", goproxy: "socks5://127.0.0.1:1080", code: "fail-goproxy-invalid", v: "GOPROXY",
		output: "go: example.test/m@v1.0.0: invalid proxy URL scheme (must be https, http, file): socks5://127.0.0.1:1080\n"},
	{name: "empty proxy list", goproxy: ",", code: "fail-goproxy-invalid", v: "GOPROXY",
		output: "go: example.test/m@v1.0.0: GOPROXY list is not the empty string, but contains no entries\n"},
	{name: "malformed verifier id", code: "fail-gosumdb-invalid", v: "GOSUMDB",
		output: "go: verifying example.test/m@v1.0.0: invalid GOSUMDB: malformed verifier id\n"},
	{name: "missing GOSUMDB", code: "fail-gosumdb-invalid", v: "GOSUMDB",
		output: "go: example.test/m@v1.0.0: verifying go.mod: missing GOSUMDB\n"},
	{name: "vendor mode (go1.14)", code: "fail-mod-vendor", v: "",
		output: "main.go:3:8: cannot find module providing package example.test/m: import lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least 1.14 and vendor directory exists.)\n"},
	{name: "vendor mode from GOFLAGS", flags: "-mod=vendor -modcacherw", code: "fail-mod-vendor", v: "GOFLAGS", set: "-modcacherw",
		output: "go: inconsistent vendoring in /src/app:\n\texample.test/m@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\n"},
	{name: "GOVCS", code: "fail-govcs", v: "GOVCS", set: "svn.example.test",
		output: "go: svn.example.test/m@v1.0.0: GOVCS disallows using svn for public svn.example.test/m; see 'go help vcs'\n"},
	{name: "unknown revision", code: "fail-unknown-revision", module: "example.test/m",
		output: "go: example.test/m@v1.9.9: invalid version: unknown revision v1.9.9\n"},
	{name: "toolchain not available", code: "fail-toolchain-unavailable", v: "GOTOOLCHAIN",
		output: "go: downloading go1.23.4 (darwin/arm64)\ngo: download go1.23.4 for darwin/arm64: toolchain not available\n"},
	{name: "go.sum mismatch (go1.12)", code: "fail-checksum-gosum", module: "example.test/m",
		output: "verifying example.test/m@v1.0.0: checksum mismatch\n\tdownloaded: h1:abc=\n\tgo.sum:     h1:def=\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\n"},
	{name: "sumdb mismatch", code: "fail-checksum-sumdb", v: "GOPROXY", module: "example.test/m",
		output: "go: example.test/m@v1.0.0: verifying example.test/m@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: h1:abc=\n\tsum.example.test: h1:def=\n"},
	{name: "bare Forbidden from a network proxy", code: "fail-forbidden",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": Forbidden` + "\n"},
	{name: "DNS resolver timeout is not a proxy problem", code: "fail-dns",
		output: `go: example.test/m@v1.0.0: Get "https://mirror.example.test/example.test/m/@v/v1.0.0.info": dial tcp: lookup mirror.example.test on 192.0.2.53:53: read udp 10.0.0.2:4000->192.0.2.53:53: i/o timeout` + "\n"},
	{name: "HTTP/2 reset", code: "fail-http2",
		output: "go: example.test/m@v1.0.0: stream error: stream ID 159; INTERNAL_ERROR\n"},
	{name: "git credential prompt", code: "fail-git-auth", module: "git.corp.example.test/team/lib",
		output: "go: git.corp.example.test/team/lib@v1.0.0: git ls-remote -q origin in /tmp/x: exit status 128:\n\tfatal: could not read Username for 'https://git.corp.example.test': terminal prompts disabled\n"},
	{name: "private module sent to a public mirror", code: "fail-private-module", v: "GOPRIVATE", module: "git.corp.example.test/team/lib", set: "git.corp.example.test",
		output: "go: git.corp.example.test/team/lib@v1.0.0: reading https://mirror.example.test/git.corp.example.test/team/lib/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found: git ls-remote: exit status 128:\n\t\tfatal: could not read Username for 'https://git.corp.example.test': terminal prompts disabled\n"},
	{name: "checksum database refused a public version", code: "fail-sumdb-refused", module: "github.com/acme/lib",
		output: "go: github.com/acme/lib@v0.5.1: verifying module: github.com/acme/lib@v0.5.1: reading https://sum.example.test/lookup/github.com/acme/lib@v0.5.1: 410 Gone\n\tserver response: not found: create zip: malformed file path \"a'b.txt\": invalid char '\\''\n"},
	{name: "go.mod not tidy", code: "fail-gomod-update",
		output: "go: updates to go.mod needed; to update it:\n\tgo mod tidy\n"},
	{name: "unknown failure", code: "fail-other",
		output: "go: something new went wrong: frobnication failed\n"},
}

func pastedResolution(c pasted) *resolve.Resolution {
	p := c.goproxy
	if p == "" {
		p = mirrorList
	}
	return resolve.Resolve(resolve.Input{Env: []string{"GOENV=off", "HOME=/nonexistent", "GOPROXY=" + p,
		"GOSUMDB=sum.example.test+00000000+AAAA", "GOFLAGS=" + c.flags, "GOTOOLCHAIN=auto", "HTTPS_PROXY=http://10.0.0.1:3128"}})
}

// TestExplainPasted classifies output in several go releases' wording.
func TestExplainPasted(t *testing.T) {
	for _, c := range pastedCases {
		t.Run(c.name, func(t *testing.T) {
			fs := troubleshoot.Explain(pastedResolution(c), c.output)
			if len(fs) != 1 {
				t.Fatalf("Explain(%q) = %v, want one %s", c.output, codes(fs), c.code)
			}
			f := fs[0]
			if f.Code != c.code || f.Var != c.v {
				t.Fatalf("Explain(%q) = %s about %q, want %s about %q\n%s", c.output, f.Code, f.Var, c.code, c.v, f.Message)
			}
			if err := core.CheckRendered(f.Problem); err != nil {
				t.Error(err)
			}
			if c.module != "" && f.Module != c.module {
				t.Errorf("Module = %q, want %q", f.Module, c.module)
			}
			if c.host != "" && f.Host != c.host {
				t.Errorf("Host = %q, want %q", f.Host, c.host)
			}
			if got := strings.Join(values(f.Set), ";"); got != c.set {
				t.Errorf("Set = %v, want %q", f.Set, c.set)
			}
			if strings.Contains(f.Message+f.Fix, "<no value>") {
				t.Errorf("text misses an argument: %s %s", f.Message, f.Fix)
			}
		})
	}
}

func TestFindingJSON(t *testing.T) {
	fs := troubleshoot.Explain(pastedResolution(pasted{}), pastedCases[2].output)
	data, err := json.Marshal(fs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"code":"fail-dns"`, `"var":"GOPROXY"`, `"message":`, `"fix":`, `"lines":`, `"host":"mirror.example.test"`, `"layer":{"source":"process-env"`, `"set":{"GOPROXY":`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("JSON lacks %s: %s", key, data)
		}
	}
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// FuzzExplain checks that no output makes Explain panic or render a
// template without its arguments.
func FuzzExplain(f *testing.F) {
	for _, c := range pastedCases {
		f.Add(c.output)
	}
	r := pastedResolution(pasted{})
	f.Fuzz(func(t *testing.T, out string) {
		for _, x := range troubleshoot.Explain(r, out) {
			if err := core.CheckRendered(x.Problem); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestUnsafeEdit: only one host or repository may be added to the privacy
// settings, and verification is never turned off.
func TestUnsafeEdit(t *testing.T) {
	r := pastedResolution(pasted{})
	for _, c := range []struct {
		set  map[string]string
		safe bool
	}{
		{map[string]string{"GOPRIVATE": "git.corp.example.test"}, true},
		{map[string]string{"GOPRIVATE": "github.com/acme/secret"}, true},
		{map[string]string{"GOPRIVATE": "*"}, false},
		{map[string]string{"GOPRIVATE": "github.com"}, false},
		{map[string]string{"GONOSUMDB": "*.example.test"}, false},
		{map[string]string{"GOINSECURE": "git.corp.example.test,*"}, false},
		{map[string]string{"GOSUMDB": "off"}, false},
		{map[string]string{"GOPROXY": "https://goproxy.cn,direct"}, true},
	} {
		if got := troubleshoot.UnsafeEdit(r, c.set) == ""; got != c.safe {
			t.Errorf("UnsafeEdit(%v) safe = %t, want %t", c.set, got, c.safe)
		}
	}
}
