package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/assets"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/service"
)

// TestMain keeps the tests away from the real user's files (Fyne writes
// caches under HOME) and pins the language to English, so the markup
// snapshot does not depend on the machine's locale.
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	home, err := os.MkdirTemp("", "gomirror-ui-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(home)
	for k, v := range map[string]string{
		"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, ".config"),
		"XDG_CACHE_HOME": filepath.Join(home, ".cache"), "XDG_DATA_HOME": filepath.Join(home, ".local/share"),
		"LANGUAGE": "en", "LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8",
	} {
		os.Setenv(k, v)
	}
	if err := assets.LoadTranslations(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// fixture is a throwaway Go installation, user config directory and env
// file, with a service that sees only them.
type fixture struct {
	t       *testing.T
	dir     string
	goroot  string
	envFile string
	env     []string
	svc     *service.Service
}

// fakeGoEnv is the fake installation's $GOROOT/go.env.
const fakeGoEnv = "# fake go.env\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=local\n"

// newFixture makes the fixture; osEnv adds KEY=VALUE pairs to the process
// environment the service resolves against, or replaces HOME,
// XDG_CONFIG_HOME or PATH.
func newFixture(t *testing.T, osEnv ...string) *fixture {
	t.Helper()
	dir := t.TempDir()
	f := &fixture{t: t, dir: dir, goroot: filepath.Join(dir, "goroot")}
	f.envFile = filepath.Join(dir, "config", "go", "env")
	f.write(filepath.Join(f.goroot, "go.env"), fakeGoEnv, 0o644)
	f.write(filepath.Join(f.goroot, "VERSION"), "go1.26.8\ntime 2026-01-01T00:00:00Z\n", 0o644)
	f.write(filepath.Join(f.goroot, "bin", "go"), "#!/bin/sh\nexit 1\n", 0o755)
	f.write(filepath.Join(f.goroot, "pkg", "tool", "README"), "tools\n", 0o644)
	// The first mention of a key wins, so osEnv can replace these.
	f.env = append(osEnv,
		"HOME="+filepath.Join(dir, "home"),
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"PATH="+filepath.Join(f.goroot, "bin"),
	)
	f.svc = service.New(service.Options{Env: f.env, Cwd: dir, ConfigDir: filepath.Join(dir, "gomirror")})
	return f
}

func (f *fixture) write(name, content string, mode os.FileMode) {
	f.t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), mode); err != nil {
		f.t.Fatal(err)
	}
}

// writeEnvFile sets the user env file's content.
func (f *fixture) writeEnvFile(content string) { f.write(f.envFile, content, 0o644) }

// readEnvFile returns the user env file's content.
func (f *fixture) readEnvFile() string {
	f.t.Helper()
	data, err := os.ReadFile(f.envFile)
	if err != nil {
		f.t.Fatal(err)
	}
	return string(data)
}

// newUI builds the app in a test window, with every service call made
// synchronously, and loads the settings.
func (f *fixture) newUI() (*UI, fyne.Window) {
	f.t.Helper()
	a := test.NewTempApp(f.t)
	w := test.NewTempWindow(f.t, nil)
	u := newUI(a, w, f.svc, inline)
	u.profiles.checkChain = loopbackCheck
	u.notice.after = func(func(), time.Duration) {} // the notice stays: no timer outlives the test
	w.Resize(fyne.NewSize(1000, 760))
	u.Reload()
	return u, w
}

// settingItemText returns the name, value and source the overview's list
// shows for the setting called name.
func settingItemText(t *testing.T, w fyne.Window, name string) (value, source string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Content()) {
		if it, ok := o.(*settingItem); ok && it.name.Text == name {
			return it.value.Text, it.source.Text
		}
	}
	t.Fatalf("the settings list shows no row for %s", name)
	return "", ""
}

// labelsContain reports whether some label shown under o contains text.
func labelsContain(o fyne.CanvasObject, text string) bool {
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// loopbackCheck is the Profiles screen's proxy check in tests: it probes
// only loopback proxies and calls a GOPROXY with any other not measured,
// so that no request leaves the machine.
func loopbackCheck(ctx context.Context, r *resolve.Resolution, goproxy string) mirrors.ChainReach {
	for _, u := range mirrors.ChainURLs(goproxy) {
		if !isLoopback(mirrors.Mirror{URL: u}) {
			return mirrors.ChainReach{Reach: mirrors.ReachUnknown}
		}
	}
	opts := mirrors.ProbeOptions(r)
	opts.Module, opts.Timeout = mirrortest.ProbeModule.Path, mirrors.CheckTimeout
	return mirrors.ProbeChain(ctx, opts, goproxy)
}
