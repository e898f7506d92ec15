package resolve_test

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// memFS is an in-memory core.FS: files with contents, directories, and
// symlinks from one path to another.
type memFS struct {
	files map[string]string
	dirs  map[string]bool
	links map[string]string
}

// newMemFS returns a file system with a Go installation at root: its
// bin/go, pkg/tool and the given go.env.
func newMemFS(root, goenv string) *memFS {
	m := &memFS{files: map[string]string{}, dirs: map[string]bool{}, links: map[string]string{}}
	m.goroot(root, goenv)
	return m
}

// goroot adds a Go installation at root.
func (m *memFS) goroot(root, goenv string) {
	m.dirs[root] = true
	m.dirs[filepath.Join(root, "pkg", "tool")] = true
	m.files[filepath.Join(root, "bin", "go")] = "binary"
	m.files[filepath.Join(root, "bin", "go.exe")] = "binary"
	m.files[filepath.Join(root, "VERSION")] = "go1.99.0\ntime x\n"
	if goenv != "" {
		m.files[filepath.Join(root, "go.env")] = goenv
	}
}

func (m *memFS) resolveLink(name string) string {
	if t, ok := m.links[name]; ok {
		return t
	}
	return name
}

// ReadFile returns a file's contents.
func (m *memFS) ReadFile(name string) ([]byte, error) {
	name = m.resolveLink(name)
	if m.dirs[name] {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	if data, ok := m.files[name]; ok {
		return []byte(data), nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat describes a file or directory, following symlinks.
func (m *memFS) Stat(name string) (fs.FileInfo, error) {
	name = m.resolveLink(name)
	if m.dirs[name] {
		return memInfo{name: filepath.Base(name), mode: fs.ModeDir | 0o755}, nil
	}
	if _, ok := m.files[name]; ok {
		return memInfo{name: filepath.Base(name), mode: 0o755}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// EvalSymlinks resolves a symlink.
func (m *memFS) EvalSymlinks(name string) (string, error) {
	if _, err := m.Stat(name); err != nil {
		return "", err
	}
	return m.resolveLink(name), nil
}

// memInfo is the fs.FileInfo of memFS.
type memInfo struct {
	name string
	mode fs.FileMode
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return 0 }
func (i memInfo) Mode() fs.FileMode  { return i.mode }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.mode.IsDir() }
func (i memInfo) Sys() any           { return nil }

// layer is the part of a core.Layer a chain test compares.
func layer(l core.Layer) string {
	return fmt.Sprintf("%s %s %q %s:%d", l.Source, l.State, l.Value, l.File, l.Line)
}

// checkSetting checks a setting's value, source and chain, layer by layer
// (see layer for the format).
func checkSetting(t *testing.T, r *resolve.Resolution, name, value string, src core.Source, chain ...string) core.Setting {
	t.Helper()
	s, ok := r.Get(name)
	if !ok {
		t.Fatalf("Get(%q) found nothing", name)
	}
	if s.Value != value || s.Source != src {
		t.Errorf("%s = %q from %s, want %q from %s", name, s.Value, s.Source, value, src)
	}
	if len(s.Chain) != len(chain) {
		t.Fatalf("%s has %d layers, want %d: %+v", name, len(s.Chain), len(chain), s.Chain)
	}
	for i, l := range s.Chain {
		if got := layer(l); got != chain[i] {
			t.Errorf("%s layer %d = %s, want %s", name, i, got, chain[i])
		}
		if err := core.CheckNote(l); err != nil {
			t.Errorf("%s layer %d: %v", name, i, err)
		}
	}
	return s
}

// checkNote checks that a layer's note mentions want.
func checkNote(t *testing.T, s core.Setting, i int, want string) {
	t.Helper()
	if !strings.Contains(s.Chain[i].Note, want) {
		t.Errorf("%s layer %d note = %q, want it to mention %q", s.Name, i, s.Chain[i].Note, want)
	}
}

// unixInput is a Linux configuration with go at /go and HOME=/home/u, whose
// user file is /home/u/.config/go/env.
func unixInput(fsys *memFS, env ...string) resolve.Input {
	base := []string{"PATH=/go/bin:/usr/bin", "HOME=/home/u"}
	return resolve.Input{Env: append(base, env...), GOOS: "linux", Cwd: "/work", FS: fsys}
}

const (
	unixUser  = "/home/u/.config/go/env"
	unixGoEnv = "/go/go.env"
)

// TestChainOSShadowsFileAndGoEnv checks that an OS value wins over both files, which are shadowed.
func TestChainOSShadowsFileAndGoEnv(t *testing.T) {
	fsys := newMemFS("/go", "# defaults\nGOPROXY=https://ge.example.test\n")
	fsys.files[unixUser] = "# mine\nGOPROXY=https://file.example.test\n"
	r := resolve.Resolve(unixInput(fsys, "GOPROXY=https://os.example.test"))
	checkSetting(t, r, "GOPROXY", "https://os.example.test", P,
		`process-env wins "https://os.example.test" :0`,
		`env-file shadowed "https://file.example.test" `+unixUser+`:2`,
		`goroot-env shadowed "https://ge.example.test" `+unixGoEnv+`:2`,
		`default unset "" :0`)
}

// TestChainEmptyOSValueCountsAsUnset checks that GOPROXY= in the environment falls through to the file.
func TestChainEmptyOSValueCountsAsUnset(t *testing.T) {
	fsys := newMemFS("/go", "GOPROXY=https://ge.example.test\n")
	fsys.files[unixUser] = "GOPROXY=https://file.example.test\n"
	r := resolve.Resolve(unixInput(fsys, "GOPROXY="))
	s := checkSetting(t, r, "GOPROXY", "https://file.example.test", F,
		`process-env unset "" :0`,
		`env-file wins "https://file.example.test" `+unixUser+`:1`,
		`goroot-env shadowed "https://ge.example.test" `+unixGoEnv+`:1`,
		`default unset "" :0`)
	checkNote(t, s, 0, "empty string")
	if !r.OSEnvPresent("GOPROXY") || r.OSEnv("GOPROXY") != "" {
		t.Errorf("OSEnvPresent, OSEnv = %t, %q; want true, \"\"", r.OSEnvPresent("GOPROXY"), r.OSEnv("GOPROXY"))
	}
}

// TestChainEmptyFileLineHidesGoEnv checks that an empty file line hides go.env.
func TestChainEmptyFileLineHidesGoEnv(t *testing.T) {
	fsys := newMemFS("/go", "GOPROXY=https://ge.example.test\nGOAUTH=off\n")
	fsys.files[unixUser] = "GOPROXY=\nGOAUTH=\n"
	r := resolve.Resolve(unixInput(fsys))
	s := checkSetting(t, r, "GOPROXY", "", F,
		`process-env unset "" :0`,
		`env-file wins "" `+unixUser+`:1`,
		`goroot-env shadowed "https://ge.example.test" `+unixGoEnv+`:1`,
		`default unset "" :0`)
	checkNote(t, s, 2, "even if empty")
	// With a compiled default, the empty line still hides go.env but the
	// default supplies the value.
	checkSetting(t, r, "GOAUTH", "netrc", D,
		`process-env unset "" :0`,
		`env-file shadowed "" `+unixUser+`:2`,
		`goroot-env shadowed "off" `+unixGoEnv+`:2`,
		`default wins "netrc" :0`)
}

// TestChainDuplicates checks that the last duplicate counts in the user file and the first in go.env, with line numbers.
func TestChainDuplicates(t *testing.T) {
	fsys := newMemFS("/go", "GOSUMDB=first.example.test\nGOSUMDB=second.example.test\n")
	fsys.files[unixUser] = "GOPROXY=https://a.example.test\n\n# note\nGOPROXY=https://b.example.test\n"
	r := resolve.Resolve(unixInput(fsys))
	s := checkSetting(t, r, "GOSUMDB", "first.example.test", G,
		`process-env unset "" :0`,
		`env-file unset "" `+unixUser+`:0`,
		`goroot-env wins "first.example.test" `+unixGoEnv+`:1`,
		`default unset "" :0`)
	checkNote(t, s, 2, "first one counts")
	s = checkSetting(t, r, "GOPROXY", "https://b.example.test", F,
		`process-env unset "" :0`,
		`env-file wins "https://b.example.test" `+unixUser+`:4`,
		`goroot-env unset "" `+unixGoEnv+`:0`,
		`default unset "" :0`)
	checkNote(t, s, 1, "last one counts")
}

// TestChainDerivedFromGOPRIVATE checks GONOPROXY and GONOSUMDB following GOPRIVATE.
func TestChainDerivedFromGOPRIVATE(t *testing.T) {
	fsys := newMemFS("/go", "")
	fsys.files[unixUser] = "GOPRIVATE=p.example.test\nGONOSUMDB=\n"
	r := resolve.Resolve(unixInput(fsys, "GONOPROXY=none"))
	checkSetting(t, r, "GONOPROXY", "none", P,
		`process-env wins "none" :0`,
		`env-file unset "" `+unixUser+`:0`,
		`goroot-env unset "" `+unixGoEnv+`:0`,
		`derived shadowed "p.example.test" :0`)
	checkSetting(t, r, "GONOSUMDB", "p.example.test", X,
		`process-env unset "" :0`,
		`env-file shadowed "" `+unixUser+`:2`,
		`goroot-env unset "" `+unixGoEnv+`:0`,
		`derived wins "p.example.test" :0`)
}

// TestChainGOENVOff checks that GOENV=off drops the user file.
func TestChainGOENVOff(t *testing.T) {
	fsys := newMemFS("/go", "GOPROXY=https://ge.example.test\n")
	fsys.files[unixUser] = "GOPROXY=https://file.example.test\n"
	r := resolve.Resolve(unixInput(fsys, "GOENV=off"))
	if r.EnvFile.State != resolve.FileOff {
		t.Errorf("EnvFile.State = %s, want %s", r.EnvFile.State, resolve.FileOff)
	}
	s := checkSetting(t, r, "GOENV", "", P,
		`process-env wins "off" :0`,
		`env-file unset "" :0`,
		`default shadowed "`+unixUser+`" :0`)
	checkNote(t, s, 0, "no user env file")
	s = checkSetting(t, r, "GOPROXY", "https://ge.example.test", G,
		`process-env unset "" :0`,
		`env-file unset "" :0`,
		`goroot-env wins "https://ge.example.test" `+unixGoEnv+`:1`,
		`default unset "" :0`)
	checkNote(t, s, 1, "GOENV=off")
}

// TestChainGOENVLineIgnored checks that a GOENV line in the file is ignored.
func TestChainGOENVLineIgnored(t *testing.T) {
	fsys := newMemFS("/go", "")
	fsys.files[unixUser] = "GOENV=/elsewhere\n"
	r := resolve.Resolve(unixInput(fsys))
	s := checkSetting(t, r, "GOENV", unixUser, D,
		`process-env unset "" :0`,
		`env-file ignored "/elsewhere" `+unixUser+`:1`,
		`default wins "`+unixUser+`" :0`)
	checkNote(t, s, 1, "OS environment")
}

// TestChainRelativeHome checks that a relative HOME leaves GOPATH unset but still derives GOMODCACHE.
func TestChainRelativeHome(t *testing.T) {
	fsys := newMemFS("/go", "")
	in := unixInput(fsys)
	in.Env[1] = "HOME=rel"
	r := resolve.Resolve(in)
	s := checkSetting(t, r, "GOPATH", "", D,
		`process-env unset "" :0`,
		`env-file unset "" rel/.config/go/env:0`,
		`goroot-env unset "" `+unixGoEnv+`:0`,
		`default wins "" :0`)
	checkNote(t, s, 3, `"rel/go"`)
	checkSetting(t, r, "GOMODCACHE", "rel/go/pkg/mod", X,
		`process-env unset "" :0`,
		`env-file unset "" rel/.config/go/env:0`,
		`goroot-env unset "" `+unixGoEnv+`:0`,
		`derived wins "rel/go/pkg/mod" :0`)
}

// TestGorootFromUserFileBeatsOS checks that the user file's GOROOT picks go.env while OS GOROOT is reported.
func TestGorootFromUserFileBeatsOS(t *testing.T) {
	fsys := newMemFS("/go", "GOPROXY=https://real.example.test\n")
	fsys.goroot("/fake", "GOPROXY=https://fake.example.test\n")
	fsys.files[unixUser] = "GOROOT=/fake/\n"
	r := resolve.Resolve(unixInput(fsys, "GOROOT=/go"))
	g := r.Goroot
	if g.Path != "/fake" || g.FoundBy != "env-file" || g.Reported != "/go" || g.Error != "" {
		t.Errorf("Goroot = %q found by %s, reported %q, error %q; want /fake, env-file, /go, none",
			g.Path, g.FoundBy, g.Reported, g.Error)
	}
	if v := r.Value("GOPROXY"); v != "https://fake.example.test" {
		t.Errorf("GOPROXY = %q, want the fake go.env's", v)
	}
	r = resolve.Resolve(unixInput(newMemFS("/go", ""), "GOROOT=/go/"))
	if g := r.Goroot; g.Path != "/go" || g.FoundBy != "process-env" || g.Reported != "/go/" {
		t.Errorf("OS GOROOT=/go/: Goroot = %q found by %s, reported %q; want /go, process-env, /go/", g.Path, g.FoundBy, g.Reported)
	}
}

// TestGorootThroughSymlink checks GOROOT from a go reached through a symlink on Linux and macOS.
func TestGorootThroughSymlink(t *testing.T) {
	fsys := newMemFS("/go", "")
	fsys.links["/lnk/bin/go"] = "/go/bin/go"
	fsys.dirs["/lnk/pkg/tool"] = true // a GOROOT-looking directory around the link
	for goos, want := range map[string]string{"linux": "/go", "darwin": "/lnk"} {
		in := unixInput(fsys)
		in.GOOS, in.Env[0] = goos, "PATH=/lnk/bin"
		g := resolve.Resolve(in).Goroot
		if g.GoBinary != "/lnk/bin/go" || g.Path != want || g.FoundBy != "executable" {
			t.Errorf("%s: Goroot = %q from %q found by %s, want %q from /lnk/bin/go by executable",
				goos, g.Path, g.GoBinary, g.FoundBy, want)
		}
	}
}

// TestNoGoInstalled checks a PATH without go.
func TestNoGoInstalled(t *testing.T) {
	fsys := newMemFS("/go", "GOPROXY=https://ge.example.test\n")
	in := unixInput(fsys)
	in.Env[0] = "PATH=/nowhere:/usr/bin"
	r := resolve.Resolve(in)
	if r.Goroot.Installed() || r.Goroot.Error == "" || r.Goroot.Path != "" {
		t.Errorf("Goroot = %+v, want not installed, no path, an error", r.Goroot)
	}
	checkSetting(t, r, "GOPROXY", "", D,
		`process-env unset "" :0`,
		`env-file unset "" `+unixUser+`:0`,
		`goroot-env unset "" :0`,
		`default wins "" :0`)
}

// TestWindowsRules checks case-insensitive names, %AppData% and %USERPROFILE% on Windows.
// Paths are joined host-natively, so the test builds them with filepath.Join.
func TestWindowsRules(t *testing.T) {
	appData, profile, root := `C:\Users\u\AppData\Roaming`, `C:\Users\u`, `C:\Go`
	fsys := newMemFS(root, "GOPROXY=https://ge.example.test\n")
	user := filepath.Join(appData, "go/env")
	fsys.files[user] = "GOSUMDB=off\n"
	r := resolve.Resolve(resolve.Input{GOOS: "windows", FS: fsys, Env: []string{
		"goproxy=https://lower.example.test", "AppData=" + appData, "UserProfile=" + profile, "GOROOT=" + root,
	}})
	checkSetting(t, r, "GOPROXY", "https://lower.example.test", P,
		`process-env wins "https://lower.example.test" :0`,
		`env-file unset "" `+user+`:0`,
		`goroot-env shadowed "https://ge.example.test" `+filepath.Join(root, "go.env")+`:1`,
		`default unset "" :0`)
	checkSetting(t, r, "GOSUMDB", "off", F,
		`process-env unset "" :0`,
		`env-file wins "off" `+user+`:1`,
		`goroot-env unset "" `+filepath.Join(root, "go.env")+`:0`,
		`default unset "" :0`)
	if got := r.Value("GOENV"); got != user {
		t.Errorf("GOENV = %q, want %q (from %%AppData%%)", got, user)
	}
	gopath := filepath.Join(profile, "go")
	if got := r.Value("GOPATH"); got != gopath {
		t.Errorf("GOPATH = %q, want %q (from %%USERPROFILE%%)", got, gopath)
	}
	if got := r.Value("GOMODCACHE"); got != filepath.Join(gopath, "pkg/mod") {
		t.Errorf("GOMODCACHE = %q, want it under %q", got, gopath)
	}
}

// TestWindowsNoAppData checks Windows without %AppData% or %USERPROFILE%.
func TestWindowsNoAppData(t *testing.T) {
	fsys := newMemFS(`C:\Go`, "")
	r := resolve.Resolve(resolve.Input{GOOS: "windows", FS: fsys, Env: []string{"GOROOT=C:\\Go", "HOME=/home/u"}})
	if r.EnvFile.State != resolve.FileUnavailable || r.Value("GOENV") != "" {
		t.Errorf("EnvFile.State = %s, GOENV = %q; want %s, \"\"", r.EnvFile.State, r.Value("GOENV"), resolve.FileUnavailable)
	}
	if got := r.Value("GOPATH"); got != "" {
		t.Errorf("GOPATH = %q without %%USERPROFILE%%, want \"\" (HOME does not count on Windows)", got)
	}
}

// TestEnvFileStates checks how the user env file is located and read.
func TestEnvFileStates(t *testing.T) {
	fsys := newMemFS("/go", "")
	fsys.dirs["/adir"] = true
	fsys.files["/work/rel.env"] = "GOFLAGS=-mod=mod\n"
	tests := []struct {
		env   []string
		state resolve.FileState
		path  string
	}{
		{nil, resolve.FileMissing, unixUser},
		{[]string{"GOENV=/adir"}, resolve.FileDirectory, "/adir"},
		{[]string{"GOENV=rel.env"}, resolve.FileOK, "rel.env"},
		{[]string{"XDG_CONFIG_HOME=rel"}, resolve.FileUnavailable, ""},
		{[]string{"XDG_CONFIG_HOME=/xdg"}, resolve.FileMissing, "/xdg/go/env"},
	}
	for _, tt := range tests {
		f := resolve.Resolve(unixInput(fsys, tt.env...)).EnvFile
		if f.State != tt.state || f.Path != tt.path {
			t.Errorf("Resolve(%q).EnvFile = %s %q, want %s %q", tt.env, f.State, f.Path, tt.state, tt.path)
		}
	}
}
