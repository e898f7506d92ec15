package goauth

import (
	"encoding/base64"
	"encoding/pem"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/internal/modtest"
)

const (
	e2eUser   = "alice"
	e2eSecret = cred.Secret("e2e-secret-Zq7pW")
	e2eModule = "private.example.test/mod"
)

func TestMain(m *testing.M) {
	code := m.Run()
	modtest.Cleanup()
	os.Exit(code)
}

type authProxy struct {
	*httptest.Server
	mu           sync.Mutex
	unauthorized int
}

// newAuthProxy starts an HTTPS module proxy that serves e2eModule only to
// requests with the right Basic credentials.
func newAuthProxy(t *testing.T) *authProxy {
	p := &authProxy{}
	p.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, pw, ok := r.BasicAuth(); !ok || u != e2eUser || pw != e2eSecret.Reveal() {
			p.mu.Lock()
			p.unauthorized++
			p.mu.Unlock()
			w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if !modtest.ServeModule(w, r, e2eModule) {
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(p.Close)
	return p
}

// unauthorizedCount returns how many requests came without the right
// credentials so far.
func (p *authProxy) unauthorizedCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.unauthorized
}

// certFile writes the proxy's certificate as PEM for SSL_CERT_FILE.
func certFile(t *testing.T, srv *httptest.Server) string {
	f := filepath.Join(t.TempDir(), "cert.pem")
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

type e2eEnv struct {
	dir, work, exe, goauth string
	env                    []string
}

func newE2E(t *testing.T) (*e2eEnv, *authProxy) {
	if testing.Short() {
		t.Skip("builds a helper and runs the go command")
	}
	// With GOMIRROR_REAL_KEYRING=1 (a throwaway Secret Service session) the
	// helper reads the real OS keyring, exactly as gomirrorctl goauth does.
	ctl := modtest.BuildCtl(t, os.Getenv("GOMIRROR_REAL_KEYRING") == "1")
	proxy := newAuthProxy(t)
	host := strings.TrimPrefix(proxy.URL, "https://")
	if _, err := ctl.Store.Set(host, e2eUser, e2eSecret, ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ctl.Store.Delete(host) })
	plan, err := Install("", ctl.Exe)
	if err != nil {
		t.Fatal(err)
	}
	e := &e2eEnv{dir: t.TempDir(), exe: ctl.Exe, goauth: plan.Value}
	e.work = modtest.NewModule(t, e.dir)
	e.env = modtest.Env(e.dir, append(ctl.Env, "GOPROXY="+proxy.URL, "GOSUMDB=off", "SSL_CERT_FILE="+certFile(t, proxy.Server))...)
	return e, proxy
}

func TestGoModDownloadWithHelper(t *testing.T) {
	e, proxy := newE2E(t)
	if !strings.Contains(e.goauth, `"`) {
		t.Fatalf("GOAUTH %q does not quote the helper path with spaces", e.goauth)
	}
	var outputs []string
	out, err := modtest.Download(t, e.work, append(e.env, "GOAUTH="+e.goauth), e2eModule)
	outputs = append(outputs, string(out))
	if err != nil {
		t.Fatalf("go mod download with GOAUTH=%s failed: %v\n%s", e.goauth, err, out)
	}
	if n := proxy.unauthorizedCount(); n != 0 {
		t.Errorf("the proxy saw %d requests without credentials; the helper's first answer should cover them", n)
	}

	e.env = append(e.env, "GOMODCACHE="+filepath.Join(e.dir, "home", "cache2"))
	out, err = modtest.Download(t, e.work, append(e.env, "GOAUTH=netrc"), e2eModule)
	outputs = append(outputs, string(out))
	if err == nil || !strings.Contains(string(out), "401") {
		t.Fatalf("go mod download without the helper: err=%v, want a 401 failure\n%s", err, out)
	}
	checkNoSecret(t, filepath.Join(e.dir, "home"), outputs...)
}

// checkNoSecret fails if the secret, or its Basic encoding, is in any
// output or in any file under home.
func checkNoSecret(t *testing.T, home string, outputs ...string) {
	t.Helper()
	needles := []string{e2eSecret.Reveal(), base64.StdEncoding.EncodeToString([]byte(e2eUser + ":" + e2eSecret.Reveal()))}
	has := func(s string) bool {
		for _, n := range needles {
			if strings.Contains(s, n) {
				return true
			}
		}
		return false
	}
	for _, o := range outputs {
		if has(o) {
			t.Errorf("the secret appears in output:\n%s", o)
		}
	}
	filepath.WalkDir(home, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if data, _ := os.ReadFile(path); has(string(data)) {
				t.Errorf("the secret appears in %s", path)
			}
		}
		return nil
	})
}

// TestHelperAnswers runs the built helper the way the go command does.
func TestHelperAnswers(t *testing.T) {
	e, proxy := newE2E(t)
	host := strings.TrimPrefix(proxy.URL, "https://")
	run := func(args ...string) string {
		cmd := exec.Command(e.exe, append([]string{HelperArg}, args...)...)
		cmd.Env = e.env
		if len(args) > 0 {
			cmd.Stdin = strings.NewReader("HTTP/1.1 401 Unauthorized\nWww-Authenticate: Basic\n\n")
		}
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("helper %q: %v", args, err)
		}
		return string(out)
	}
	for _, tt := range []struct {
		args []string
		want string // cache key that must be answered, "" for no output
	}{
		{nil, host},
		{[]string{proxy.URL + "/" + e2eModule + "/@v/list"}, host},
		{[]string{"https://other.example.test/" + e2eModule + "/@v/list"}, ""},
		{[]string{"http://" + host + "/" + e2eModule + "/@v/list"}, ""},
	} {
		out := run(tt.args...)
		creds, err := ParseOutput(out)
		if err != nil {
			t.Fatalf("helper %q printed unparsable output: %v", tt.args, err)
		}
		if tt.want == "" {
			if out != "" {
				t.Errorf("helper %q answered, want nothing", tt.args)
			}
			continue
		}
		if h := creds[tt.want]; h.Get("Authorization") != BasicAuth(e2eUser, e2eSecret) {
			t.Errorf("helper %q gave no valid Authorization for %s", tt.args, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	proxy := newAuthProxy(t)
	host := strings.TrimPrefix(proxy.URL, "https://")
	c := cred.Credential{Entry: cred.Entry{Prefix: host, User: e2eUser}, Secret: e2eSecret}
	url := proxy.URL + "/" + e2eModule + "/@v/list"
	if code, err := Check(t.Context(), proxy.Client(), url, c); err != nil || code != 200 {
		t.Errorf("Check with the right secret = %d, %v; want 200", code, err)
	}
	c.Secret = "wrong"
	if code, err := Check(t.Context(), proxy.Client(), url, c); err != nil || code != 401 {
		t.Errorf("Check with a wrong secret = %d, %v; want 401", code, err)
	}
	if _, err := Check(t.Context(), proxy.Client(), "https://other.example.test/x", c); err == nil {
		t.Error("Check sent a credential to another host")
	}
}
