package verify

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/resolve"
)

func checkModule(mod, version string) error {
	if err := module.Check(mod, version); err != nil {
		return core.NewError("verify.bad-module", map[string]string{"Module": mod + "@" + version}, err)
	}
	return nil
}

// hashesOf returns the zip and go.mod hashes of mod@version in go.sum
// lines.
func hashesOf(lines []string, mod, version string) (zip, gomod string) {
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || f[0] != mod {
			continue
		}
		switch f[1] {
		case version:
			zip = f[2]
		case version + "/go.mod":
			gomod = f[2]
		}
	}
	return zip, gomod
}

// goSumSource reads the go.sum lines of mod@version.
func goSumSource(path, mod, version string) Source {
	s := Source{Kind: KindGoSum, Name: path}
	data, err := os.ReadFile(path)
	if err != nil {
		setError(&s, err)
		return s
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	s.Zip, s.Mod = hashesOf(lines, mod, version)
	if s.Zip == "" && s.Mod == "" {
		s.State = StateMissing
	}
	return s
}

// mirrorURLs returns GOPROXY's proxy URLs, before direct or off, then
// extra ones not among them.
func mirrorURLs(r *resolve.Resolution, extra []string) []string {
	var out []string
	add := func(u string) {
		for _, o := range out {
			if mirrors.SameURL(o, u) {
				return
			}
		}
		out = append(out, strings.TrimSuffix(u, "/"))
	}
	for _, l := range mirrors.ParseChain(r.Value("GOPROXY")) {
		if l.IsKeyword() {
			break
		}
		if strings.HasPrefix(l.Target, "http://") || strings.HasPrefix(l.Target, "https://") {
			add(l.Target)
		}
	}
	for _, u := range extra {
		add(u)
	}
	return out
}

// fetchMirror downloads the .mod and .zip of mod@version from a mirror and
// hashes them as the go command does.
func fetchMirror(ctx context.Context, c *http.Client, cat []mirrors.Mirror, base, mod, version string) Source {
	s := Source{Kind: KindMirror, Name: base, URL: base}
	if m, ok := mirrors.Find(cat, base); ok {
		s.Name = m.Name
	}
	emod, _ := module.EscapePath(mod)
	ever, _ := module.EscapeVersion(version)
	prefix := base + "/" + emod + "/@v/" + ever
	gomod, err := fetch(ctx, c, prefix+".mod")
	if err == nil {
		s.Mod, err = HashMod(gomod)
	}
	if err == nil {
		var z []byte
		if z, err = fetch(ctx, c, prefix+".zip"); err == nil {
			s.Zip, err = HashZip(z)
		}
	}
	setError(&s, err)
	return s
}

func fetch(ctx context.Context, c *http.Client, u string) ([]byte, error) {
	status, body, err := get(ctx, c, u)
	switch {
	case err != nil:
		return nil, err
	case status == 404 || status == 410:
		return nil, &statusError{u, status, fs.ErrNotExist}
	case status != 200:
		return nil, &statusError{u, status, nil}
	}
	return body, nil
}

// setError records err on s: a missing version, or another error.
func setError(s *Source, err error) {
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		s.State, s.Error, s.Err = StateMissing, err.Error(), err
	default:
		s.State, s.Error, s.Err = StateError, err.Error(), err
	}
}

// HashMod is the go.sum hash of a go.mod file's bytes.
func HashMod(data []byte) (string, error) {
	return dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	})
}

// HashZip is the go.sum hash of a module zip held in memory.
func HashZip(z []byte) (string, error) {
	f, err := os.CreateTemp("", "gomirror-verify-*.zip")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(z)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	return dirhash.HashZip(f.Name(), dirhash.Hash1)
}
