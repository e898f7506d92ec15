// Package modtest helps tests run the real go command against local fake
// module proxies in a throwaway HOME, GOPATH, GOMODCACHE and GOENV.
package modtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/dirhash"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/internal/rpckeyring"
)

// Version is the only version the fake proxies serve.
const Version = "v1.0.0"

// ZipFile returns a module zip for path@Version holding go.mod and one Go
// file.
func ZipFile(path string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	prefix := path + "@" + Version + "/"
	for name, body := range map[string]string{
		"go.mod": GoMod(path),
		"m.go":   "package m\n",
	} {
		w, _ := zw.Create(prefix + name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// GoMod returns the go.mod of the fake module path.
func GoMod(path string) string { return "module " + path + "\n" }

// ServeModule answers a module-proxy request for modPath@Version (a path
// without upper-case letters) at the proxy root: .info, .mod, .zip and @v/list. It reports whether it knew the
// request.
func ServeModule(w http.ResponseWriter, r *http.Request, modPath string) bool {
	base := "/" + modPath + "/@v/"
	switch r.URL.Path {
	case base + "list":
		w.Write([]byte(Version + "\n"))
	case base + Version + ".info":
		w.Write([]byte(`{"Version":"` + Version + `","Time":"2024-01-01T00:00:00Z"}`))
	case base + Version + ".mod":
		w.Write([]byte(GoMod(modPath)))
	case base + Version + ".zip":
		w.Write(ZipFile(modPath))
	default:
		return false
	}
	return true
}

// GoBin returns the go command on PATH, skipping the test if there is none.
func GoBin(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	return bin
}

// Env returns a minimal environment for the go command rooted at dir, with
// extra "KEY=VALUE" entries appended (later entries win). It keeps PATH and
// the build cache (so nothing is recompiled) and nothing else.
func Env(dir string, extra ...string) []string {
	home := filepath.Join(dir, "home")
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"USERPROFILE=" + home,
		"GOENV=" + filepath.Join(home, "goenv"),
		"GOPATH=" + filepath.Join(home, "go"),
		"GOMODCACHE=" + filepath.Join(home, "go", "pkg", "mod"),
		"GOFLAGS=",
		"GOTOOLCHAIN=local",
		"GOCACHE=" + goCache(),
	}
	if v := os.Getenv("SYSTEMROOT"); v != "" {
		env = append(env, "SYSTEMROOT="+v)
	}
	return append(env, extra...)
}

func goCache() string {
	if v := os.Getenv("GOCACHE"); v != "" {
		return v
	}
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return "off"
	}
	return strings.TrimSpace(string(out))
}

// NewModule writes a go.mod for a throwaway main module in dir/work and
// returns that directory.
func NewModule(t testing.TB, dir string) string {
	t.Helper()
	work := filepath.Join(dir, "work")
	if err := os.MkdirAll(work, 0o777); err != nil {
		t.Fatal(err)
	}
	// Telemetry off: otherwise the go command may leave a child process
	// writing under HOME after it exits, racing the test's cleanup.
	mode := filepath.Join(dir, "home", ".config", "go", "telemetry", "mode")
	if err := os.MkdirAll(filepath.Dir(mode), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mode, []byte("off\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte("module work.example.test/main\n\ngo 1.21\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	return work
}

// Download runs go mod download -json modPath@Version in work with env and
// returns its combined output and error.
func Download(t testing.TB, work string, env []string, modPath string) ([]byte, error) {
	t.Helper()
	cmd := exec.Command(GoBin(t), "mod", "download", "-json", modPath+"@"+Version)
	cmd.Dir, cmd.Env = work, env
	return cmd.CombinedOutput()
}

// GoSum returns the go.sum lines of the fake module path@Version, as a
// checksum database serves them.
func GoSum(path string) []byte {
	prefix := path + "@" + Version + "/"
	files := map[string]string{prefix + "go.mod": GoMod(path), prefix + "m.go": "package m\n"}
	open := func(name string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(files[name])), nil }
	zipHash, err := dirhash.Hash1([]string{prefix + "go.mod", prefix + "m.go"}, open)
	if err != nil {
		panic(err)
	}
	files["go.mod"] = GoMod(path)
	modHash, err := dirhash.Hash1([]string{"go.mod"}, open)
	if err != nil {
		panic(err)
	}
	return []byte(path + " " + Version + " " + zipHash + "\n" + path + " " + Version + "/go.mod " + modHash + "\n")
}

// SumDB returns a checksum database serving modPath, signed with skey.
func SumDB(skey, modPath string) http.Handler {
	return sumdb.NewServer(sumdb.NewTestServer(skey, func(path, vers string) ([]byte, error) {
		if path != modPath || vers != Version {
			return nil, fmt.Errorf("no such module %s@%s", path, vers)
		}
		return GoSum(path), nil
	}))
}

// Ctl is a built test stand-in for gomirrorctl with a credential store
// whose keyring is go-keyring's mock in the test process.
type Ctl struct {
	Exe   string      // in a directory whose name contains spaces
	Store *cred.Store // the store the stand-in reads and writes
	Env   []string    // what the stand-in needs in its environment
}

var (
	ctlOnce sync.Once
	ctlExe  string
	ctlErr  error
)

// BuildCtl builds testdata/gomirrorctl once per test binary as
// ".../dir with space/gomirrorctl" and returns it with a store. With real
// false it calls keyring.MockInit and lends the mock keyring to the
// stand-in over a unix socket; with real true both use the OS keyring (run
// only in a throwaway keyring session) and the caller removes what it
// stores. The test binary's TestMain must call Cleanup.
func BuildCtl(t testing.TB, real bool) *Ctl {
	t.Helper()
	ctlOnce.Do(buildCtl(t))
	if ctlErr != nil {
		t.Fatal(ctlErr)
	}
	cfg := t.TempDir()
	ctl := &Ctl{Exe: ctlExe, Env: []string{"GOMIRROR_TEST_CONFIG=" + cfg}}
	if real {
		ctl.Store = &cred.Store{Dir: cfg, Keyring: cred.OSKeyring{Timeout: 20 * time.Second}}
		for _, k := range []string{"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"} {
			ctl.Env = append(ctl.Env, k+"="+os.Getenv(k))
		}
		return ctl
	}
	keyring.MockInit()
	sock := filepath.Join(t.TempDir(), "k.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("no unix sockets: %v", err)
	}
	t.Cleanup(func() { ln.Close() })
	go rpckeyring.Serve(ln, cred.OSKeyring{})
	ctl.Store = &cred.Store{Dir: cfg, Keyring: cred.OSKeyring{}}
	ctl.Env = append(ctl.Env, rpckeyring.EnvVar+"="+sock)
	return ctl
}

func buildCtl(t testing.TB) func() {
	return func() {
		dir, err := os.MkdirTemp("", "gomirrorctl")
		if err != nil {
			ctlErr = err
			return
		}
		ctlExe = filepath.Join(dir, "dir with space", "gomirrorctl")
		if runtime.GOOS == "windows" {
			ctlExe += ".exe"
		}
		cmd := exec.Command(GoBin(t), "build", "-o", ctlExe, "github.com/gomirror/gomirror/core/private/internal/modtest/testdata/gomirrorctl")
		if out, err := cmd.CombinedOutput(); err != nil {
			ctlErr = fmt.Errorf("building the gomirrorctl stand-in: %v\n%s", err, out)
		}
	}
}

// Cleanup removes the built stand-in.
func Cleanup() {
	if ctlExe != "" {
		os.RemoveAll(filepath.Dir(filepath.Dir(ctlExe)))
	}
}
