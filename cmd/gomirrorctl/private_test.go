package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	testUser   = "alice"
	testSecret = "cli-secret-Q4vX9"
	testModule = "private.example.test/mod"
	testVer    = "v1.0.0"
)

// realKeyring reports whether the tests may use the OS keyring: only in a
// throwaway Secret Service session (see TestCredRealKeyring).
func realKeyring() bool { return os.Getenv("GOMIRROR_REAL_KEYRING") == "1" }

// keyringEnv is the keyring part of a sandbox's environment: the throwaway
// session's bus with GOMIRROR_REAL_KEYRING=1, else a bus that does not
// exist, so that no test can reach the user's keyring.
func keyringEnv() []string {
	if realKeyring() {
		return []string{"DBUS_SESSION_BUS_ADDRESS=" + os.Getenv("DBUS_SESSION_BUS_ADDRESS"), "XDG_RUNTIME_DIR=" + os.Getenv("XDG_RUNTIME_DIR")}
	}
	return []string{"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus"}
}

// ctlIn runs gomirrorctl in s with stdin.
func (s *sandbox) ctlIn(stdin string, args ...string) result {
	s.t.Helper()
	cmd := exec.Command(ctlBin, args...)
	cmd.Env, cmd.Dir, cmd.Stdin = s.environ(), s.home, strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		s.t.Fatal(err)
	}
	return result{code, stdout.String(), stderr.String()}
}

// routeJSON is the part of "route --json" the tests check.
type routeJSON struct {
	Routes []struct {
		Module  string `json:"module"`
		Sources []struct {
			Kind, URL, Fallback string
		} `json:"sources"`
		Checksum struct {
			Verified bool   `json:"verified"`
			DB       string `json:"db"`
		} `json:"checksum"`
		Private  bool     `json:"private"`
		Insecure bool     `json:"insecure"`
		Auth     []string `json:"auth"`
	} `json:"routes"`
}

func TestRouteJSON(t *testing.T) {
	s := newSandbox(t)
	s.writeEnvFile("GOPRIVATE=*.corp.example.test\nGOPROXY=https://mirror.example.test|direct\n")
	r := s.ctl("route", "--json", "git.corp.example.test/team/lib", "public.example.test/lib")
	mustSucceed(t, r, "route --json")
	var got routeJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got.Routes) != 2 {
		t.Fatalf("route --json = %v\n%s", err, r.stdout)
	}
	priv, pub := got.Routes[0], got.Routes[1]
	if len(priv.Sources) != 1 || priv.Sources[0].Kind != "direct" || priv.Checksum.Verified || !priv.Private || priv.Auth == nil {
		t.Errorf("private module route = %+v, want direct, not verified, private, auth []", priv)
	}
	if len(pub.Sources) != 2 || pub.Sources[0].URL != "https://mirror.example.test" || pub.Sources[0].Fallback != "any-error" || pub.Sources[1].Kind != "direct" || pub.Private {
		t.Errorf("public module route = %+v, want the mirror (any-error) then direct", pub)
	}
}

func TestRouteRefusesBadPath(t *testing.T) {
	s := newSandbox(t)
	if r := s.ctl("route", "not a path"); r.code != exitRefused {
		t.Errorf("route with a bad path: %v, want exit 2", r)
	}
	if r := s.ctl("route"); r.code != exitRefused {
		t.Errorf("route without arguments: %v, want exit 2", r)
	}
}

func TestRouteModfile(t *testing.T) {
	s := newSandbox(t)
	s.writeEnvFile("GOPRIVATE=git.corp.example.test\n")
	mod := filepath.Join(s.home, "go.mod")
	os.WriteFile(mod, []byte("module m.example.test\n\ngo 1.22\n\nrequire (\n\tgit.corp.example.test/a v1.2.0\n\tpublic.example.test/b v0.1.0\n)\n"), 0o644)
	r := s.ctl("route", "--modfile", mod)
	mustSucceed(t, r, "route --modfile")
	if !strings.Contains(r.stdout, "git.corp.example.test/a v1.2.0") || !strings.Contains(r.stdout, "public.example.test/b v0.1.0") {
		t.Errorf("route --modfile does not list both requirements:\n%s", r.stdout)
	}
}

// TestGoauthInstallUninstall checks that install writes GOAUTH through the
// validated, undoable path, keeping netrc, and that uninstall removes it.
func TestGoauthInstallUninstall(t *testing.T) {
	s := newSandbox(t)
	mustSucceed(t, s.ctl("goauth", "install"), "goauth install")
	if got := s.goEnv("GOAUTH")["GOAUTH"]; got != ctlBin+" goauth;netrc" {
		t.Errorf("after install, go env GOAUTH = %q", got)
	}
	if r := s.ctl("goauth", "install"); r.code != 0 || !strings.Contains(r.stdout, "nothing to write") {
		t.Errorf("second install: %v", r)
	}
	mustSucceed(t, s.ctl("goauth", "uninstall"), "goauth uninstall")
	if got := s.goEnv("GOAUTH")["GOAUTH"]; got != "netrc" {
		t.Errorf("after uninstall, go env GOAUTH = %q, want netrc", got)
	}
	mustSucceed(t, s.ctl("undo"), "undo")
	if got := s.goEnv("GOAUTH")["GOAUTH"]; got != ctlBin+" goauth;netrc" {
		t.Errorf("after undo, go env GOAUTH = %q", got)
	}
}

// TestGoauthNeverAnswersHTTP checks that the helper prints nothing for a
// plain-HTTP URL, without even asking the keyring.
func TestGoauthNeverAnswersHTTP(t *testing.T) {
	s := newSandbox(t, keyringEnv()...)
	r := s.ctlIn("HTTP/1.1 401 Unauthorized\n\n", "goauth", "http://private.example.test/mod/@v/list")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("goauth for http: %v, want exit 0 and no output", r)
	}
}

func TestCredRefusesBadInput(t *testing.T) {
	s := newSandbox(t, keyringEnv()...)
	for _, args := range [][]string{
		{"cred", "set", "http://git.example.test", "--user", "a"},
		{"cred", "set", "git.example.test"},
		{"cred", "set", "git.example.test", "--user", "a:b"},
		{"cred", "set", "git.example.test", "--user", "a", "extra"},
	} {
		if r := s.ctlIn("x\n", args...); r.code != exitRefused {
			t.Errorf("%q: %v, want exit 2", args, r)
		}
	}
	if r := s.ctlIn("", "cred", "set", "git.example.test", "--user", "a"); r.code != exitRefused || !strings.Contains(r.stderr, "secret is empty") {
		t.Errorf("cred set with an empty stdin: %v, want exit 2 and the empty-secret error", r)
	}
}

// TestCredWithoutKeyring checks the clear error when no keyring can be
// reached: exit 1, nothing written, and the secret nowhere.
func TestCredWithoutKeyring(t *testing.T) {
	if realKeyring() {
		t.Skip("a keyring is available")
	}
	s := newSandbox(t, keyringEnv()...)
	r := s.ctlIn(testSecret+"\n", "cred", "set", "git.example.test/org", "--user", testUser)
	if r.code != exitFailure || !strings.Contains(r.stderr, "no D-Bus session bus is running") {
		t.Fatalf("cred set without a keyring: %v, want exit 1 and the no-bus error", r)
	}
	r2 := s.ctl("cred", "list", "--json")
	mustSucceed(t, r2, "cred list")
	if strings.TrimSpace(r2.stdout) != "{\n  \"credentials\": []\n}" {
		t.Errorf("cred list after a failed set = %s", r2.stdout)
	}
	checkNoSecret(t, filepath.Dir(s.home), r.stdout, r.stderr, r2.stdout)
}

// TestCredRealKeyring runs the whole flow against the OS keyring in a
// throwaway session only:
//
//	env -u DISPLAY XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- sh -c \
//	  'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//	   GOMIRROR_REAL_KEYRING=1 go test ./cmd/gomirrorctl/ -run Cred'
//
// cred set with the secret on stdin, cred list without it, goauth install
// pointing at the built binary, and the real go mod download through an
// HTTPS proxy that demands Basic auth.
func TestCredRealKeyring(t *testing.T) {
	if !realKeyring() {
		t.Skip("set GOMIRROR_REAL_KEYRING=1 in a throwaway keyring session to run")
	}
	proxy := newAuthProxy(t)
	host := strings.TrimPrefix(proxy.URL, "https://")
	s := newSandbox(t, append(keyringEnv(), "GOPROXY="+proxy.URL, "GOSUMDB=off", "GOFLAGS=", "GOTOOLCHAIN=local",
		"SSL_CERT_FILE="+certFile(t, proxy))...)
	var outputs []string
	run := func(stdin string, args ...string) result {
		r := s.ctlIn(stdin, args...)
		outputs = append(outputs, r.stdout, r.stderr)
		return r
	}
	mustSucceed(t, run(testSecret+"\n", "cred", "set", host, "--user", testUser), "cred set")
	t.Cleanup(func() { s.ctl("cred", "rm", host) })
	r := run("", "cred", "list")
	mustSucceed(t, r, "cred list")
	if !strings.Contains(r.stdout, host) || !strings.Contains(r.stdout, testUser) || !strings.Contains(r.stdout, "********") {
		t.Errorf("cred list does not show %s for %s masked:\n%s", host, testUser, r.stdout)
	}
	mustSucceed(t, run("", "goauth", "install"), "goauth install")
	out, err := goModDownload(t, s)
	outputs = append(outputs, string(out))
	if err != nil {
		t.Fatalf("go mod download with the helper installed: %v\n%s", err, out)
	}
	mustSucceed(t, run("", "goauth", "uninstall"), "goauth uninstall")
	out, err = goModDownload(t, s, "GOMODCACHE="+filepath.Join(s.home, "cache2"))
	outputs = append(outputs, string(out))
	if err == nil || !strings.Contains(string(out), "401") {
		t.Errorf("go mod download without the helper: %v, want a 401 failure\n%s", err, out)
	}
	mustSucceed(t, run("", "cred", "rm", host), "cred rm")
	checkNoSecret(t, filepath.Dir(s.home), outputs...)
}

// goModDownload runs the real go mod download of testModule in s (whose
// telemetry is off, so that no child process outlives the test), with extra
// KEY=VALUE entries added to the environment.
func goModDownload(t *testing.T, s *sandbox, extra ...string) ([]byte, error) {
	work := filepath.Join(s.home, "work")
	os.MkdirAll(work, 0o777)
	os.WriteFile(filepath.Join(work, "go.mod"), []byte("module work.example.test/main\n\ngo 1.21\n"), 0o666)
	cmd := exec.Command(filepath.Join(realGoroot, "bin", "go"), "mod", "download", "-json", testModule+"@"+testVer)
	cmd.Dir, cmd.Env = work, append(s.environ(), extra...)
	return cmd.CombinedOutput()
}

// newAuthProxy starts an HTTPS module proxy serving testModule only to
// requests with the right Basic credentials.
func newAuthProxy(t *testing.T) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, pw, ok := r.BasicAuth(); !ok || u != testUser || pw != testSecret {
			w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		serveModule(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// serveModule answers the module-proxy requests for testModule@testVer.
func serveModule(w http.ResponseWriter, r *http.Request) {
	gomod := "module " + testModule + "\n"
	switch strings.TrimPrefix(r.URL.Path, "/"+testModule+"/@v/") {
	case "list":
		w.Write([]byte(testVer + "\n"))
	case testVer + ".info":
		w.Write([]byte(`{"Version":"` + testVer + `","Time":"2024-01-01T00:00:00Z"}`))
	case testVer + ".mod":
		w.Write([]byte(gomod))
	case testVer + ".zip":
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range map[string]string{"go.mod": gomod, "m.go": "package m\n"} {
			f, _ := zw.Create(testModule + "@" + testVer + "/" + name)
			f.Write([]byte(body))
		}
		zw.Close()
		w.Write(buf.Bytes())
	default:
		http.NotFound(w, r)
	}
}

// certFile writes the server's certificate as PEM for SSL_CERT_FILE.
func certFile(t *testing.T, srv *httptest.Server) string {
	f := filepath.Join(t.TempDir(), "cert.pem")
	data := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// checkNoSecret fails if the secret or its Basic encoding is in any output
// or in any file under dir.
func checkNoSecret(t *testing.T, dir string, outputs ...string) {
	t.Helper()
	needles := []string{testSecret, base64.StdEncoding.EncodeToString([]byte(testUser + ":" + testSecret))}
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
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if data, _ := os.ReadFile(path); has(string(data)) {
				t.Errorf("the secret appears in %s", path)
			}
		}
		return nil
	})
}

// TestCredNetrcRealKeyring migrates a .netrc into the OS keyring and back,
// in a throwaway keyring session only (see TestCredRealKeyring), and sets
// up the git helper.
func TestCredNetrcRealKeyring(t *testing.T) {
	if !realKeyring() {
		t.Skip("set GOMIRROR_REAL_KEYRING=1 in a throwaway keyring session to run")
	}
	s := newSandbox(t, append(keyringEnv(), "GIT_CONFIG_NOSYSTEM=1")...)
	netrcFile := filepath.Join(s.home, ".netrc")
	const original = "machine netrc.example.test login bob password " + testSecret + "\n"
	os.WriteFile(netrcFile, []byte(original), 0o600)
	t.Cleanup(func() { s.ctl("cred", "rm", "netrc.example.test") })
	mustSucceed(t, s.ctl("netrc", "import"), "netrc import")
	if r := s.ctl("cred", "list"); !strings.Contains(r.stdout, "netrc.example.test") || strings.Contains(r.stdout, testSecret) {
		t.Errorf("cred list after import:\n%s", r.stdout)
	}
	mustSucceed(t, s.ctl("netrc", "remove"), "netrc remove")
	if data, _ := os.ReadFile(netrcFile); strings.Contains(string(data), testSecret) {
		t.Errorf(".netrc still holds the password after remove")
	}
	mustSucceed(t, s.ctl("netrc", "undo"), "netrc undo")
	if data, _ := os.ReadFile(netrcFile); string(data) != original {
		t.Errorf(".netrc after undo differs from the original")
	}
	r := s.ctl("git-credential", "setup")
	mustSucceed(t, r, "git-credential setup")
	if !strings.Contains(r.stdout, "git config --global --replace-all credential.https://netrc.example.test.helper") {
		t.Errorf("git-credential setup printed:\n%s", r.stdout)
	}
	r = s.ctlIn("protocol=https\nhost=netrc.example.test\n\n", "git-credential", "get")
	if r.stdout != "username=bob\npassword="+testSecret+"\n" {
		t.Error("git-credential get did not answer with the imported credential")
	}
}

// TestNetrcWithoutKeyring checks that the import fails clearly without a
// keyring and leaves the file alone.
func TestNetrcWithoutKeyring(t *testing.T) {
	if realKeyring() {
		t.Skip("a keyring is available")
	}
	s := newSandbox(t, keyringEnv()...)
	netrcFile := filepath.Join(s.home, ".netrc")
	const original = "machine netrc.example.test login bob password " + testSecret + "\n"
	os.WriteFile(netrcFile, []byte(original), 0o600)
	r := s.ctl("netrc", "import")
	if r.code != exitFailure || !strings.Contains(r.stderr, "no D-Bus session bus is running") || strings.Contains(r.stdout+r.stderr, testSecret) {
		t.Errorf("netrc import without a keyring: %v", r)
	}
	if data, _ := os.ReadFile(netrcFile); string(data) != original {
		t.Error("the .netrc changed")
	}
	if r := s.ctl("netrc", "remove", "netrc.example.test"); r.code != exitFailure && r.code != exitRefused {
		t.Errorf("netrc remove of an entry not in the keyring: %v", r)
	}
	if data, _ := os.ReadFile(netrcFile); string(data) != original {
		t.Error("the .netrc changed")
	}
}
