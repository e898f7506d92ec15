package testenv

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	m := New(t, EnvFile("GOPROXY=off\n"), Vars("GOFLAGS=-v"))
	for name, want := range map[string]string{
		filepath.Join(m.Goroot, "go.env"):                           GoEnv,
		filepath.Join(m.Goroot, "VERSION"):                          Version,
		m.EnvFile:                                                   "GOPROXY=off\n",
		filepath.Join(m.Config, "go", "telemetry", "mode"):          "off\n",
		filepath.Join(m.Home, ".config", "go", "telemetry", "mode"): "off\n",
	} {
		if got, err := os.ReadFile(name); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, h := range []string{"proxy.example.test", "sum.example.test"} {
		if !strings.Contains(GoEnv, h) {
			t.Errorf("GoEnv does not name %s:\n%s", h, GoEnv)
		}
	}
	if m.Env[len(m.Env)-1] != "GOFLAGS=-v" || m.FirstWins()[0] != "GOFLAGS=-v" {
		t.Errorf("Env = %q; the extra variable should win", m.Env)
	}
	for _, k := range []string{"HOME=", "USERPROFILE=", "XDG_CONFIG_HOME=", "AppData=", "GOROOT=", "PATH="} {
		if !slices.ContainsFunc(m.Env, func(e string) bool { return strings.HasPrefix(e, k) && strings.HasPrefix(e[len(k):], m.Dir) }) {
			t.Errorf("Env lacks %s under %s: %q", k, m.Dir, m.Env)
		}
	}
}

func TestNewOptions(t *testing.T) {
	m := New(t, NoGoEnv(), NoGo(), GOOS("windows"))
	if _, err := os.Stat(filepath.Join(m.Goroot, "go.env")); !os.IsNotExist(err) {
		t.Errorf("NoGoEnv: go.env exists (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(m.Goroot, "bin", "go.exe")); !os.IsNotExist(err) {
		t.Errorf("NoGo: go.exe exists (%v)", err)
	}
	if slices.ContainsFunc(m.Env, func(e string) bool { return strings.HasPrefix(e, "GOROOT=") }) {
		t.Errorf("NoGo: Env sets GOROOT: %q", m.Env)
	}
}
