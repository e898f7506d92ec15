package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/internal/testenv"
)

// Fixtures shared by every test, made once in TestMain.
var (
	ctlBin     string // the gomirrorctl binary under test
	realGoroot string // the Go installation running the tests
	fakeGoroot string // realGoroot's entries as symlinks, with its own go.env
)

// fakeGoEnv is the go.env of fakeGoroot: it keeps every test away from the
// network and from the toolchain's own defaults.
const fakeGoEnv = "# test go.env\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=local\n"

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gomirrorctl-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Chmod(dir, 0o755) // the permission tests run the binary as another user
	code := 1
	if !sandboxOS() {
		code = m.Run() // the tests that need a sandbox skip themselves
	} else if err := setup(dir); err != nil {
		fmt.Fprintln(os.Stderr, "setup:", err)
	} else {
		code = m.Run()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// sandboxOS reports whether the sandbox works here: it needs Unix paths
// and symlinks.
func sandboxOS() bool {
	return runtime.GOOS != "windows" && runtime.GOOS != "plan9"
}

// setup builds the binary and the fake GOROOT under dir.
func setup(dir string) error {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	realGoroot = strings.TrimSpace(string(out))
	ctlBin = filepath.Join(dir, "gomirrorctl")
	build := exec.Command("go", "build", "-o", ctlBin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	fakeGoroot = filepath.Join(dir, "goroot")
	return makeFakeGoroot(realGoroot, fakeGoroot)
}

// makeFakeGoroot links every entry of real into fake except go.env, and
// writes fakeGoEnv as fake's go.env.
func makeFakeGoroot(real, fake string) error {
	if err := os.Mkdir(fake, 0o777); err != nil {
		return err
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == "go.env" {
			continue
		}
		if err := os.Symlink(filepath.Join(real, e.Name()), filepath.Join(fake, e.Name())); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(fake, "go.env"), []byte(fakeGoEnv), 0o666)
}

// sandbox is a throwaway HOME and config directory with an environment built
// from scratch, so that no test sees the real user's files.
type sandbox struct {
	t     testing.TB
	home  string
	xdg   string
	path  string   // PATH; pathValue() if empty
	extra []string // more KEY=VALUE for the process environment
}

// pathValue is the default PATH of a sandbox: the real go first.
func (s *sandbox) pathValue() string {
	if s.path != "" {
		return s.path
	}
	return filepath.Join(realGoroot, "bin") + ":/usr/bin:/bin"
}

func newSandbox(t testing.TB, extra ...string) *sandbox {
	t.Helper()
	if !sandboxOS() {
		t.Skip("the sandbox needs Unix paths and symlinks")
	}
	dir := t.TempDir()
	s := &sandbox{t: t, home: filepath.Join(dir, "home"), xdg: filepath.Join(dir, "config"), extra: extra}
	for _, d := range []string{s.home, s.xdg} {
		if err := os.Mkdir(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	// Telemetry off: otherwise the real go may start a background process
	// that is still writing in the sandbox when the test removes it.
	testenv.QuietTelemetry(t, s.xdg)
	return s
}

// environ is the complete process environment of commands run in s.
func (s *sandbox) environ() []string {
	env := []string{
		"HOME=" + s.home,
		"XDG_CONFIG_HOME=" + s.xdg,
		"PATH=" + s.pathValue(),
		"GOROOT=" + fakeGoroot,
	}
	return append(env, s.extra...)
}

// envFile is the path of the user env file in s: os.UserConfigDir()/go/env.
func (s *sandbox) envFile() string {
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return filepath.Join(s.home, "Library", "Application Support", "go", "env")
	}
	return filepath.Join(s.xdg, "go", "env")
}

// writeEnvFile creates the user env file with content.
func (s *sandbox) writeEnvFile(content string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.envFile()), 0o777); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(s.envFile(), []byte(content), 0o666); err != nil {
		s.t.Fatal(err)
	}
}

// readEnvFile returns the user env file's bytes, and whether it exists.
func (s *sandbox) readEnvFile() ([]byte, bool) {
	s.t.Helper()
	data, err := os.ReadFile(s.envFile())
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		s.t.Fatal(err)
	}
	return data, true
}

// result is a finished gomirrorctl run.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// ctl runs gomirrorctl with args in s.
func (s *sandbox) ctl(args ...string) result {
	s.t.Helper()
	return s.exec(ctlBin, args...)
}

// exec runs bin with args in s and returns its result.
func (s *sandbox) exec(bin string, args ...string) result {
	s.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Dir = s.environ(), s.home
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			s.t.Fatalf("running %s: %v", bin, err)
		}
		code = ee.ExitCode()
	}
	return result{code, stdout.String(), stderr.String()}
}

// goEnv runs the real go env -json names... in s.
func (s *sandbox) goEnv(names ...string) map[string]string {
	s.t.Helper()
	r := s.exec(filepath.Join(realGoroot, "bin", "go"), append([]string{"env", "-json"}, names...)...)
	if r.code != 0 {
		s.t.Fatalf("go env -json: %v", r)
	}
	m := map[string]string{}
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		s.t.Fatalf("go env -json: %v\n%s", err, r.stdout)
	}
	return m
}

// mustSucceed fails the test unless r exited 0.
func mustSucceed(t testing.TB, r result, what string) {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("%s: want exit 0, got %v", what, r)
	}
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
