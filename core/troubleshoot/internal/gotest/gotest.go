// Package gotest runs the real go command in tests of core/troubleshoot:
// a throwaway HOME, GOPATH, GOMODCACHE and GOENV, telemetry off, fake
// module proxies (core/mirrors/mirrortest) and a fake checksum database
// signed with a key made for the test. Everything listens on loopback.
package gotest

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/sumdb/note"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/resolve"
)

// DBName is the fake checksum database's name.
const DBName = "sum.example.test"

// Mod is the public module every fake proxy serves.
var Mod = mirrortest.Module{Path: "example.test/m", Versions: []string{"v1.0.0"}}

// Private is a module the proxies serve but the checksum database does not
// know, as for a private module.
var Private = mirrortest.Module{Path: "git.corp.example.test/team/lib", Versions: []string{"v1.0.0"}}

// World is one throwaway go environment.
type World struct {
	T        testing.TB
	Dir      string // the temp root
	Home     string
	Work     string // a main module directory
	EnvFile  string // the GOENV file
	VKey     string // the checksum database's verifier key
	SumDBURL string // its URL
	sumdb    http.Handler
}

// New makes a world with a checksum database that knows Mod only.
func New(t testing.TB) *World {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("no go command: %v", err)
	}
	w := &World{T: t, Dir: t.TempDir()}
	w.Home = filepath.Join(w.Dir, "home")
	w.Work = filepath.Join(w.Dir, "work")
	w.EnvFile = filepath.Join(w.Home, "goenv")
	mode := filepath.Join(w.Home, ".config", "go", "telemetry", "mode")
	must(t, os.MkdirAll(filepath.Dir(mode), 0o777))
	must(t, os.WriteFile(mode, []byte("off\n"), 0o666))
	must(t, os.MkdirAll(w.Work, 0o777))
	w.WriteFile("go.mod", "module work.example.test/main\n\ngo 1.21\n")
	skey, vkey, err := note.GenerateKey(rand.Reader, DBName)
	must(t, err)
	w.VKey = vkey
	w.sumdb = sumdb.NewServer(sumdb.NewTestServer(skey, GoSum(Mod)))
	srv := httptest.NewServer(w.sumdb)
	t.Cleanup(srv.Close)
	w.SumDBURL = srv.URL
	return w
}

// SumDB is the fake checksum database's handler.
func (w *World) SumDB() http.Handler { return w.sumdb }

// ProxyingSumDB wraps a mirror so that it also proxies the fake checksum
// database under /sumdb/<DBName>/, as mirrors that proxy the real one do.
func (w *World) ProxyingSumDB(mirror http.Handler) http.Handler {
	prefix := "/sumdb/" + DBName
	mux := http.NewServeMux()
	mux.HandleFunc(prefix+"/supported", func(http.ResponseWriter, *http.Request) {})
	mux.Handle(prefix+"/", http.StripPrefix(prefix, w.sumdb))
	mux.Handle("/", mirror)
	return mux
}

// GOSUMDB is the GOSUMDB value naming the fake database with its URL.
func (w *World) GOSUMDB() string { return w.VKey + " " + w.SumDBURL }

// WriteFile writes a file of the main module.
func (w *World) WriteFile(name, data string) {
	must(w.T, os.WriteFile(filepath.Join(w.Work, name), []byte(data), 0o666))
}

// WriteEnv writes the GOENV file.
func (w *World) WriteEnv(lines ...string) {
	must(w.T, os.MkdirAll(filepath.Dir(w.EnvFile), 0o777))
	must(w.T, os.WriteFile(w.EnvFile, []byte(strings.Join(lines, "\n")+"\n"), 0o666))
}

// Env returns the process environment for the go command; extra
// "KEY=VALUE" entries replace the defaults.
func (w *World) Env(extra ...string) []string {
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + w.Home,
		"GOENV=" + w.EnvFile,
		"GOPATH=" + filepath.Join(w.Home, "go"),
		"GOMODCACHE=" + filepath.Join(w.Home, "go", "pkg", "mod"),
		"GOFLAGS=",
		"GOTOOLCHAIN=local",
		"GOCACHE=" + filepath.Join(w.Dir, "cache"),
	}
	for _, kv := range extra {
		k, _, _ := strings.Cut(kv, "=")
		env = slices.DeleteFunc(env, func(e string) bool { return strings.HasPrefix(e, k+"=") })
		env = append(env, kv)
	}
	return env
}

// Resolve resolves env as the app would.
func (w *World) Resolve(env []string) *resolve.Resolution {
	return resolve.Resolve(resolve.Input{Env: env, Cwd: w.Work})
}

// Proxy serves mods with behaviour b on loopback and returns its URL.
func Proxy(t testing.TB, b mirrortest.Behavior, mods ...mirrortest.Module) string {
	srv := httptest.NewServer(mirrortest.New(b, mods...))
	t.Cleanup(srv.Close)
	return srv.URL
}

// GoSum returns a gosum function for sumdb.NewTestServer knowing mods: the
// go.sum lines of each version, hashed as the go command hashes them.
func GoSum(mods ...mirrortest.Module) func(path, vers string) ([]byte, error) {
	return func(path, vers string) ([]byte, error) {
		for _, m := range mods {
			if m.Path == path {
				return SumLines(m, vers)
			}
		}
		return nil, os.ErrNotExist
	}
}

// SumLines returns the go.sum lines of m@v.
func SumLines(m mirrortest.Module, v string) ([]byte, error) {
	z, err := m.Zip(v)
	if err != nil {
		return nil, err
	}
	zh, err := HashZipBytes(z)
	if err != nil {
		return nil, err
	}
	mh, err := HashMod([]byte(m.GoMod(v)))
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "%s %s %s\n%s %s/go.mod %s\n", m.Path, v, zh, m.Path, v, mh), nil
}

// HashZipBytes is dirhash.HashZip of a zip held in memory.
func HashZipBytes(z []byte) (string, error) {
	f, err := os.CreateTemp("", "mod*.zip")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(z); err != nil {
		f.Close()
		return "", err
	}
	f.Close()
	return dirhash.HashZip(f.Name(), dirhash.Hash1)
}

// HashMod is the go.sum hash of a go.mod file.
func HashMod(data []byte) (string, error) {
	return dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	})
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
