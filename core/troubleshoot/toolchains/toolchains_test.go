package toolchains_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/troubleshoot/toolchains"
)

func TestWanted(t *testing.T) {
	for _, c := range []struct {
		name, file, data string
		want             string
		line             int
	}{
		{"toolchain line", "go.mod", "module m\n\ngo 1.22.0\n\ntoolchain go1.22.3\n", "go1.22.3", 5},
		{"go line newer", "go.mod", "module m\n\ngo 1.23.1\n\ntoolchain go1.22.3\n", "go1.23.1", 3},
		{"language version", "go.mod", "module m\n\ngo 1.22\n", "go1.22.0", 3},
		{"toolchain default", "go.mod", "module m\n\ngo 1.22.1\ntoolchain default\n", "go1.22.1", 3},
		{"go.work wins", "go.work", "go 1.24.2\n\nuse .\n", "go1.24.2", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n\ngo 1.21.0\n"), 0o666)
			os.WriteFile(filepath.Join(dir, c.file), []byte(c.data), 0o666)
			w, err := toolchains.Wanted(dir)
			if err != nil || w.Toolchain != c.want || w.Line != c.line {
				t.Errorf("Wanted(%q) = %s line %d, %v; want %s line %d", c.data, w.Toolchain, w.Line, err, c.want, c.line)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"go1.22.3", "go1.22.10", -1}, {"go1.22", "go1.22.0", -1}, {"go1.22rc1", "go1.22.0", -1},
		{"go1.23.0", "go1.22.9", 1}, {"go1.21.0", "go1.21.0", 0},
	} {
		if got := toolchains.Compare(c.a, c.b); got != c.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// serve starts a fake mirror; with tc it serves the toolchain module.
func serve(t *testing.T, b mirrortest.Behavior, tc bool) string {
	var mods []mirrortest.Module
	if tc {
		mods = append(mods, mirrortest.Module{Path: toolchains.ModulePath,
			Versions: []string{toolchains.ModuleVersion("go1.99.1", "linux", "amd64")}})
	}
	srv := httptest.NewServer(mirrortest.New(b, mods...))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestCheck(t *testing.T) {
	has, lacks := serve(t, mirrortest.Behavior{}, true), serve(t, mirrortest.Behavior{}, false)
	broken := serve(t, mirrortest.Behavior{Status: 502}, true)
	want := toolchains.Want{Toolchain: "go1.99.1", File: "go.mod", Line: 5, Directive: "toolchain"}
	for _, c := range []struct {
		name, goproxy, gotoolchain string
		code, servedBy             string
		set                        map[string]string
	}{
		{"falls through to the mirror that has it", lacks + "," + has, "auto", "toolchain-served", has, nil},
		{"nobody has it", lacks + ",direct", "auto", "toolchain-not-served", "", nil},
		{"comma stops before it", broken + "," + has, "auto", "toolchain-walk-stops", "", map[string]string{"GOPROXY": broken + "|" + has}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := resolve.Resolve(resolve.Input{Env: []string{"GOENV=off", "PATH=" + os.Getenv("PATH"), "GOPROXY=" + c.goproxy, "GOTOOLCHAIN=" + c.gotoolchain}})
			a := toolchains.Check(context.Background(), r, want, toolchains.Options{GOOS: "linux", GOARCH: "amd64"})
			if a.ServedBy != c.servedBy {
				t.Errorf("ServedBy = %q, want %q", a.ServedBy, c.servedBy)
			}
			if !hasCode(a.Problems, c.code) {
				t.Errorf("problems = %+v, want %s", a.Problems, c.code)
			}
			for k, v := range c.set {
				if a.Set[k] != v {
					t.Errorf("Set[%s] = %q, want %q", k, a.Set[k], v)
				}
			}
		})
	}
}

func TestCheckLocalForbidsDownload(t *testing.T) {
	r := resolve.Resolve(resolve.Input{Env: []string{"GOENV=off", "PATH=" + os.Getenv("PATH"), "GOPROXY=off", "GOTOOLCHAIN=local"}})
	a := toolchains.Check(context.Background(), r, toolchains.Want{Toolchain: "go1.999.0", File: "go.mod", Line: 3}, toolchains.Options{})
	if !a.Needed || !hasCode(a.Problems, "toolchain-no-download") || a.Set["GOTOOLCHAIN"] != "auto" {
		t.Errorf("Check = %+v, want toolchain-no-download with GOTOOLCHAIN=auto", a)
	}
}

func hasCode(ps []core.Problem, code string) bool {
	for _, p := range ps {
		if err := core.CheckRendered(p); err != nil {
			return false
		}
		if p.Code == code {
			return true
		}
	}
	return false
}
