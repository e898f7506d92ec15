package resolve_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/internal/testenv"
)

// The differential tests run the real go command of this installation.
const (
	realGoroot = "/usr/local/go"
	realGo     = realGoroot + "/bin/go"
	basePATH   = realGoroot + "/bin:/usr/bin:/bin"
	noGoEnv    = "\x00no go.env" // a fake GOROOT without go.env
)

// Source abbreviations for the expectation tables.
const (
	P = core.SourceProcessEnv
	F = core.SourceEnvFile
	G = core.SourceGorootEnv
	D = core.SourceDefault
	X = core.SourceDerived
)

// diffVars are the names asked of go env: the managed settings plus GOROOT,
// which is compared with Goroot.Reported.
var diffVars = append(core.VarNames(), "GOROOT")

// goCase is one configuration run through both the real go command and
// Resolve. In every string "$T" stands for the case's temporary directory.
type goCase struct {
	name  string
	env   []string          // OS environment on top of PATH and HOME=$T/home
	unset []string          // base variables (PATH, HOME) to leave out
	files map[string]string // path under $T → content
	dirs  []string          // directories under $T to create
	roots map[string]string // fake GOROOTs under $T → go.env content, or noGoEnv
	link  string            // directory under $T whose "go" symlinks the real go; it leads PATH and is run
	bin   string            // go binary to run, under $T; realGo if empty
	cwd   string            // working directory under $T; "work" if empty
	setup func(t *testing.T, dir string)
	// want holds the expected sources that differ from the untouched
	// installation's; wantVal holds expected values, checked besides go's.
	want    map[string]core.Source
	wantVal map[string]string
	// wantFn, if set, computes all expected sources from go's values.
	wantFn  func(got map[string]string) map[string]core.Source
	wantErr string // go must fail with this text, which Resolve must report
}

// realGoEnv is the parsed go.env of the real installation, read at run time
// so that no test file names the default proxy or checksum database.
func realGoEnv(t testing.TB) map[string]envfile.Entry {
	data, err := os.ReadFile(filepath.Join(realGoroot, "go.env"))
	if err != nil {
		t.Fatalf("reading the real go.env: %v", err)
	}
	return envfile.Index(envfile.Parse(data), false)
}

// baseSources are the sources of an untouched installation: nothing set,
// the real go.env in effect.
func baseSources(t testing.TB) map[string]core.Source {
	m := map[string]core.Source{
		"GOPRIVATE": D, "GONOPROXY": X, "GONOSUMDB": X, "GOINSECURE": D, "GOAUTH": D,
		"GOFLAGS": D, "GOVCS": D, "GOENV": D, "GOPATH": D, "GOMODCACHE": X,
	}
	ge := realGoEnv(t)
	for _, k := range []string{"GOPROXY", "GOSUMDB", "GOTOOLCHAIN"} {
		m[k] = D
		if ge[k].Value != "" {
			m[k] = G
		}
	}
	return m
}

// requireGo skips when the real go command is not available.
func requireGo(t testing.TB) {
	if _, err := os.Stat(realGo); err != nil {
		t.Skipf("no go command at %s: %v", realGo, err)
	}
}

// runCase builds the configuration of c in a temporary directory, runs both
// sides and compares them.
func runCase(t *testing.T, c goCase) {
	t.Parallel()
	dir := t.TempDir()
	x := func(s string) string { return strings.ReplaceAll(s, "$T", dir) }
	c.build(t, dir, x)
	env, bin, cwd := c.environ(dir, x), realGo, filepath.Join(dir, "work")
	if c.cwd != "" {
		cwd = filepath.Join(dir, c.cwd)
	}
	if c.link != "" {
		bin = filepath.Join(dir, c.link, "go")
	}
	if c.bin != "" {
		bin = filepath.Join(dir, c.bin)
	}
	quietTelemetry(t, env, cwd)
	got, stderr := runGoEnv(t, bin, cwd, env)
	r := resolve.Resolve(resolve.Input{Env: env, Cwd: cwd, FS: core.OSFS{}})
	var bad []string
	if c.wantErr != "" || got == nil {
		bad = checkGoError(c, x, stderr, r)
	} else {
		bad = compare(c, x, got, r, baseSources(t))
	}
	if len(bad) > 0 {
		t.Errorf("%s\nconfiguration:\n%s", strings.Join(bad, "\n"), describe(c, dir, env, cwd, bin))
	}
}

// build creates the files, directories, fake GOROOTs and links of c.
func (c goCase) build(t *testing.T, dir string, x func(string) string) {
	mkdir(t, filepath.Join(dir, "work"))
	mkdir(t, filepath.Join(dir, "home"))
	for _, d := range c.dirs {
		mkdir(t, filepath.Join(dir, d))
	}
	for root, goenv := range c.roots {
		fakeGoroot(t, filepath.Join(dir, root), x(goenv))
	}
	for name, content := range c.files {
		p := filepath.Join(dir, name)
		mkdir(t, filepath.Dir(p))
		if err := os.WriteFile(p, []byte(x(content)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if c.link != "" {
		mkdir(t, filepath.Join(dir, c.link))
		if err := os.Symlink(realGo, filepath.Join(dir, c.link, "go")); err != nil {
			t.Fatal(err)
		}
	}
	if c.setup != nil {
		c.setup(t, dir)
	}
}

// environ is the exact process environment of c.
func (c goCase) environ(dir string, x func(string) string) []string {
	path := basePATH
	if c.link != "" {
		path = filepath.Join(dir, c.link) + ":/usr/bin:/bin"
	}
	base := []string{"PATH=" + path, "HOME=" + filepath.Join(dir, "home")}
	var env []string
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(c.unset, k) && !hasKey(c.env, k) {
			env = append(env, kv)
		}
	}
	for _, kv := range c.env {
		env = append(env, x(kv))
	}
	return env
}

// quietTelemetry turns telemetry off in the case's configuration directory.
// Otherwise go starts a detached telemetry child that may still write there
// when the test removes its temporary directory.
func quietTelemetry(t *testing.T, env []string, cwd string) {
	r := resolve.Resolve(resolve.Input{Env: env, Cwd: cwd})
	dir, err := r.UserConfigDir()
	if err != nil {
		return // no configuration directory: telemetry is off anyway
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(cwd, dir)
	}
	testenv.QuietTelemetry(t, dir)
}

func hasKey(env []string, key string) bool {
	for _, kv := range env {
		if k, _, _ := strings.Cut(kv, "="); k == key {
			return true
		}
	}
	return false
}

// fakeGoroot makes dir a GOROOT whose entries link to the real one, except
// go.env, which holds goenv (or is absent for noGoEnv).
func fakeGoroot(t *testing.T, dir, goenv string) {
	testenv.LinkGoroot(t, realGoroot, dir)
	if goenv == noGoEnv {
		return
	}
	if err := os.WriteFile(filepath.Join(dir, "go.env"), []byte(goenv), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

// runGoEnv runs go env -json for diffVars. It returns the values, or nil
// and the standard error when go fails.
//
// A binary the test just copied can fail to start with "text file busy"
// while a process forked meanwhile by a parallel test still holds the
// copy's write descriptor (golang.org/issue/22315); it is run again then.
func runGoEnv(t testing.TB, bin, cwd string, env []string) (map[string]string, string) {
	var stdout, stderr bytes.Buffer
	for attempt := 0; ; attempt++ {
		stdout.Reset()
		stderr.Reset()
		cmd := exec.Command(bin, append([]string{"env", "-json"}, diffVars...)...)
		cmd.Dir, cmd.Env = cwd, env
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if errors.Is(err, syscall.ETXTBSY) && attempt < 20 {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		if err != nil {
			return nil, fmt.Sprintf("%v: %s", err, stderr.String())
		}
		break
	}
	got := map[string]string{}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("go env -json printed %q: %v", stdout.String(), err)
	}
	return got, stderr.String()
}

// compare checks values against go's and sources against the expectations.
func compare(c goCase, x func(string) string, got map[string]string, r *resolve.Resolution, base map[string]core.Source) []string {
	var bad []string
	for _, name := range core.VarNames() {
		s, _ := r.Get(name)
		if s.Value != got[name] {
			bad = append(bad, fmt.Sprintf("case %s: %s = %q, go says %q", c.name, name, s.Value, got[name]))
		}
		if want, ok := c.wantVal[name]; ok && s.Value != x(want) {
			bad = append(bad, fmt.Sprintf("case %s: %s = %q, want %q", c.name, name, s.Value, x(want)))
		}
		want := base[name]
		if w, ok := c.want[name]; ok {
			want = w
		}
		if c.wantFn != nil {
			want = c.wantFn(got)[name]
		}
		if s.Source != want {
			bad = append(bad, fmt.Sprintf("case %s: source of %s = %s, want %s", c.name, name, s.Source, want))
		}
		bad = append(bad, checkChain(c.name, s)...)
	}
	if r.Goroot.Reported != got["GOROOT"] {
		bad = append(bad, fmt.Sprintf("case %s: GOROOT = %q, go says %q", c.name, r.Goroot.Reported, got["GOROOT"]))
	}
	if want, ok := c.wantVal["GOROOT"]; ok && r.Goroot.Reported != x(want) {
		bad = append(bad, fmt.Sprintf("case %s: GOROOT = %q, want %q", c.name, r.Goroot.Reported, x(want)))
	}
	return bad
}

// checkChain checks that a setting's chain agrees with its value and source:
// at most one layer wins, and it supplies the value. The one exception is
// GOENV=off, whose winning layer holds "off" while go env prints "".
func checkChain(name string, s core.Setting) []string {
	var bad []string
	wins := 0
	for _, l := range s.Chain {
		if l.State != core.StateWins {
			continue
		}
		wins++
		off := s.Name == "GOENV" && l.Value == "off" && s.Value == ""
		if l.Source != s.Source || l.Value != s.Value && !off {
			bad = append(bad, fmt.Sprintf("case %s: %s wins with %s %q, setting says %s %q",
				name, s.Name, l.Source, l.Value, s.Source, s.Value))
		}
	}
	if wins > 1 {
		bad = append(bad, fmt.Sprintf("case %s: %s has %d winning layers", name, s.Name, wins))
	}
	return bad
}

// checkGoError checks a case where go fails: the failure must be expected
// and Resolve must report the same error.
func checkGoError(c goCase, x func(string) string, stderr string, r *resolve.Resolution) []string {
	switch {
	case c.wantErr == "":
		return []string{fmt.Sprintf("case %s: go failed: %s", c.name, stderr)}
	case !strings.Contains(stderr, x(c.wantErr)):
		return []string{fmt.Sprintf("case %s: go says %q, want it to contain %q", c.name, stderr, x(c.wantErr))}
	case !strings.Contains(stderr, "go: "+r.Goroot.Error):
		return []string{fmt.Sprintf("case %s: Goroot.Error = %q, go says %q", c.name, r.Goroot.Error, stderr)}
	}
	return nil
}

// describe prints a configuration for a failure report.
func describe(c goCase, dir string, env []string, cwd, bin string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  T    = %s\n  go   = %s\n  cwd  = %s\n", dir, bin, cwd)
	for _, kv := range env {
		fmt.Fprintf(&b, "  env  %q\n", kv)
	}
	names := make([]string, 0, len(c.files))
	for n := range c.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  file $T/%s: %q\n", n, c.files[n])
	}
	for root, goenv := range c.roots {
		fmt.Fprintf(&b, "  goroot $T/%s go.env: %q\n", root, goenv)
	}
	return b.String()
}

// TestDiffGoEnv runs the hand-written configurations of the spec's §9 and
// the GOENV, GOROOT, GOPATH and file-format edge cases.
func TestDiffGoEnv(t *testing.T) {
	requireGo(t)
	if runtime.GOOS != "linux" {
		t.Skip("the configurations use Unix paths and Linux's os.Executable")
	}
	for _, c := range handCases() {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}
