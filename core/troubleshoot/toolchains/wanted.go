// Package toolchains checks that the configured mirrors serve the Go
// toolchains a project asks for. With GOTOOLCHAIN=auto (or +auto) the go
// command downloads a newer toolchain as the module golang.org/toolchain at
// version v0.0.1-<toolchain>.<goos>-<goarch>, through GOPROXY like any
// module (cmd/go/internal/toolchain), so a mirror that lacks it breaks
// every go command in that project.
package toolchains

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"

	"github.com/gomirror/gomirror/core"
)

// Want is a toolchain a go.mod or go.work file asks for.
type Want struct {
	Toolchain string `json:"toolchain"` // e.g. go1.22.3
	File      string `json:"file"`
	Line      int    `json:"line"`
	Directive string `json:"directive"` // "toolchain" or "go"
}

// Wanted returns the toolchain the go.work in dir asks for, else the go.mod
// in dir: its toolchain line, or its go line when that is newer or there is
// no toolchain line.
func Wanted(dir string) (Want, error) {
	for _, name := range []string{"go.work", "go.mod"} {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return Want{}, err
		}
		return wantedIn(path, data)
	}
	return Want{}, core.NewError("toolchains.no-modfile", map[string]string{"Dir": dir}, nil)
}

func wantedIn(path string, data []byte) (Want, error) {
	var goLine, tcLine *modfile.Line
	var goV, tcV string
	if strings.HasSuffix(path, "go.work") {
		f, err := modfile.ParseWork(path, data, nil)
		if err != nil {
			return Want{}, err
		}
		goLine, tcLine, goV, tcV = workLines(f)
	} else {
		f, err := modfile.Parse(path, data, nil)
		if err != nil {
			return Want{}, err
		}
		goLine, tcLine, goV, tcV = modLines(f)
	}
	w := Want{File: path}
	if goLine != nil {
		w.Toolchain, w.Line, w.Directive = release("go"+goV), goLine.Start.Line, "go"
	}
	if tcLine != nil && tcV != "default" && (goLine == nil || Compare(tcV, w.Toolchain) > 0) {
		w.Toolchain, w.Line, w.Directive = tcV, tcLine.Start.Line, "toolchain"
	}
	if w.Toolchain == "" {
		return w, core.NewError("toolchains.no-go-line", map[string]string{"Path": path}, nil)
	}
	return w, nil
}

func modLines(f *modfile.File) (goLine, tcLine *modfile.Line, goV, tcV string) {
	if f.Go != nil {
		goLine, goV = f.Go.Syntax, f.Go.Version
	}
	if f.Toolchain != nil {
		tcLine, tcV = f.Toolchain.Syntax, f.Toolchain.Name
	}
	return
}

func workLines(f *modfile.WorkFile) (goLine, tcLine *modfile.Line, goV, tcV string) {
	if f.Go != nil {
		goLine, goV = f.Go.Syntax, f.Go.Version
	}
	if f.Toolchain != nil {
		tcLine, tcV = f.Toolchain.Syntax, f.Toolchain.Name
	}
	return
}

// release turns a language version such as go1.21 into its first release,
// go1.21.0, the oldest toolchain that satisfies it.
func release(t string) string {
	v := strings.TrimPrefix(t, "go")
	if strings.Count(v, ".") != 1 || strings.Trim(v, "0123456789.") != "" {
		return t
	}
	return t + ".0"
}

// Compare compares two toolchain names such as go1.21.0, go1.22rc1 or
// go1.21 (a language version, older than go1.21.0).
func Compare(a, b string) int {
	return semver.Compare(semverOf(a), semverOf(b))
}

// semverOf turns go1.22.3 into v1.22.3, go1.22rc1 into v1.22.0-rc1, and
// the language version go1.21 into v1.21.0-0 (before every 1.21 release).
func semverOf(t string) string {
	v := strings.TrimPrefix(t, "go")
	v, _, _ = strings.Cut(v, "-") // drop a custom suffix such as -bigcorp
	pre := ""
	for _, tag := range []string{"rc", "beta", "alpha"} {
		if i := strings.Index(v, tag); i > 0 {
			v, pre = v[:i], "-"+v[i:]
		}
	}
	if strings.Count(v, ".") == 1 {
		v += ".0"
		if pre == "" {
			pre = "-0"
		}
	}
	return "v" + v + pre
}
