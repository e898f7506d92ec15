// Package testenv makes the throwaway machine that Go Mirror's tests run
// in: a fake GOROOT whose go.env names only *.example.test hosts, and a
// HOME, XDG_CONFIG_HOME, USERPROFILE and AppData of its own, with the go
// command's telemetry off, so that no test reads or writes the real user's
// files or starts a telemetry process that outlives it.
//
//	m := testenv.New(t, testenv.EnvFile("GOPROXY=https://a.example.test\n"))
//	r := resolve.Resolve(resolve.Input{Env: m.FirstWins(), GOOS: "linux", Cwd: m.Dir})
package testenv

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// GoEnv is the default go.env of the fake GOROOT: made-up hosts only.
const GoEnv = "# test go.env\nGOPROXY=https://proxy.example.test,direct\nGOSUMDB=sum.example.test\nGOTOOLCHAIN=auto\n"

// Version is the VERSION file of a fake GOROOT without a real go.
const Version = "go1.26.8\ntime 2026-01-01T00:00:00Z\n"

// Machine is a throwaway machine under one temporary directory.
type Machine struct {
	Dir     string // the temporary directory holding the rest
	Goroot  string // the fake GOROOT
	Home    string // HOME and USERPROFILE
	Config  string // XDG_CONFIG_HOME and AppData: os.UserConfigDir()
	EnvFile string // the user env file, Config/go/env (its directory exists)
	// Env is the OS environment, KEY=VALUE, later entries winning as in a
	// shell and in exec.Cmd.Env.
	Env []string
}

// options are what the Options set.
type options struct {
	goEnv    *string
	noGoEnv  bool
	noGo     bool
	realRoot string
	goos     string
	envFile  string
	vars     []string
}

// An Option changes the machine New makes.
type Option func(*options)

// WithGoEnv sets the fake GOROOT's go.env.
func WithGoEnv(content string) Option { return func(o *options) { o.goEnv = &content } }

// NoGoEnv leaves go.env out of the fake GOROOT.
func NoGoEnv() Option { return func(o *options) { o.noGoEnv = true } }

// NoGo leaves the go binary out of the fake GOROOT and GOROOT out of the
// environment.
func NoGo() Option { return func(o *options) { o.noGo = true } }

// RealGo makes the fake GOROOT a copy of the real installation at goroot
// (its entries as symbolic links) but for go.env, so that differential
// tests can run the real go command against the made-up hosts.
func RealGo(goroot string) Option { return func(o *options) { o.realRoot = goroot } }

// GOOS names the stub go binary for goos (go.exe on windows).
func GOOS(goos string) Option { return func(o *options) { o.goos = goos } }

// EnvFile writes content to the user env file.
func EnvFile(content string) Option { return func(o *options) { o.envFile = content } }

// Vars appends KEY=VALUE entries to the environment; they win over the
// machine's own.
func Vars(kv ...string) Option { return func(o *options) { o.vars = append(o.vars, kv...) } }

// New makes a machine in t.TempDir().
func New(t testing.TB, opts ...Option) *Machine {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	dir := t.TempDir()
	m := &Machine{Dir: dir, Goroot: filepath.Join(dir, "goroot"), Home: filepath.Join(dir, "home"), Config: filepath.Join(dir, "config")}
	m.EnvFile = filepath.Join(m.Config, "go", "env")
	Mkdir(t, m.Home, filepath.Dir(m.EnvFile))
	m.goroot(t, o)
	quietTelemetry(t, m)
	if o.envFile != "" {
		Write(t, m.EnvFile, o.envFile)
	}
	m.Env = []string{"HOME=" + m.Home, "USERPROFILE=" + m.Home, "XDG_CONFIG_HOME=" + m.Config, "AppData=" + m.Config,
		"PATH=" + filepath.Join(m.Goroot, "bin")}
	if !o.noGo {
		m.Env = append(m.Env, "GOROOT="+m.Goroot)
	}
	m.Env = append(m.Env, o.vars...)
	return m
}

// goroot makes the fake GOROOT.
func (m *Machine) goroot(t testing.TB, o options) {
	t.Helper()
	goEnv := GoEnv
	if o.goEnv != nil {
		goEnv = *o.goEnv
	}
	if o.realRoot != "" {
		LinkGoroot(t, o.realRoot, m.Goroot)
	} else {
		Mkdir(t, filepath.Join(m.Goroot, "pkg", "tool"), filepath.Join(m.Goroot, "bin"))
		Write(t, filepath.Join(m.Goroot, "VERSION"), Version)
		if !o.noGo {
			exe := "go"
			if o.goos == "windows" {
				exe = "go.exe"
			}
			writeMode(t, filepath.Join(m.Goroot, "bin", exe), "#!/bin/sh\n", 0o755)
		}
	}
	if !o.noGoEnv {
		Write(t, filepath.Join(m.Goroot, "go.env"), goEnv)
	}
}

// LinkGoroot makes fake a GOROOT whose entries link to those of the real
// installation at real, except go.env, which it leaves for the caller.
func LinkGoroot(t testing.TB, real, fake string) {
	t.Helper()
	Mkdir(t, fake)
	entries, err := os.ReadDir(real)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "go.env" {
			continue
		}
		if err := os.Symlink(filepath.Join(real, e.Name()), filepath.Join(fake, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
}

// quietTelemetry turns the go command's telemetry off in every place
// os.UserConfigDir may point to on this machine: otherwise a real go may
// start a background process still writing there when the test removes it.
func quietTelemetry(t testing.TB, m *Machine) {
	t.Helper()
	for _, cfg := range []string{m.Config, filepath.Join(m.Home, ".config"), filepath.Join(m.Home, "Library", "Application Support")} {
		QuietTelemetry(t, cfg)
	}
}

// QuietTelemetry writes "off" as the telemetry mode of the go command whose
// user configuration directory is configDir.
func QuietTelemetry(t testing.TB, configDir string) {
	t.Helper()
	Write(t, filepath.Join(configDir, "go", "telemetry", "mode"), "off\n")
}

// FirstWins returns Env with the first mention of a key winning, the order
// resolve.Input.Env reads.
func (m *Machine) FirstWins() []string {
	env := slices.Clone(m.Env)
	slices.Reverse(env)
	return env
}

// Mkdir makes each directory and its parents.
func Mkdir(t testing.TB, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// Write writes a file with mode 0644, making its directory.
func Write(t testing.TB, name, content string) { writeMode(t, name, content, 0o644) }

func writeMode(t testing.TB, name, content string, mode os.FileMode) {
	t.Helper()
	Mkdir(t, filepath.Dir(name))
	if err := os.WriteFile(name, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}
