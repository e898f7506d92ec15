// Package fakeproxy is a module proxy for tests: it serves the module
// protocol (list, @latest, .info, .mod, .zip and /sumdb/<name>/supported)
// for modules generated in memory, and can misbehave on demand with delays,
// jitter, error statuses, hanging or slow bodies, and HTML where a version
// list belongs. It only ever listens on loopback (httptest).
package fakeproxy

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	modzip "golang.org/x/mod/zip"
)

// Module is one module the proxy serves, with a go.mod per version.
type Module struct {
	Path     string
	Versions []string
	// Mod overrides the go.mod of a version ("module <Path>\n" if absent).
	Mod map[string]string
}

// Behavior says how the proxy misbehaves. The zero value serves promptly.
type Behavior struct {
	Delay    time.Duration // before the response headers
	Jitter   time.Duration // added to Delay on every other request to the same path
	Status   int           // if non-zero, every module request answers this status
	HTML     bool          // answer a login page (200, text/html) to every request
	Hang     bool          // never answer (until the client goes away)
	SlowBody time.Duration // send the body one byte per SlowBody
	SumDB    string        // the checksum database name proxied; "" for none
	Latest   string        // if set, @latest reports this version (a lagging mirror)
}

// Proxy is an http.Handler serving Modules with Behavior.
type Proxy struct {
	mu       sync.Mutex
	modules  map[string]Module
	behavior Behavior
	perPath  map[string]int
	paths    []string
}

// New returns a proxy serving mods.
func New(b Behavior, mods ...Module) *Proxy {
	p := &Proxy{modules: map[string]Module{}, behavior: b, perPath: map[string]int{}}
	for _, m := range mods {
		p.modules[m.Path] = m
	}
	return p
}

// SetBehavior replaces the behaviour for later requests.
func (p *Proxy) SetBehavior(b Behavior) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.behavior = b
}

// Requests returns the paths requested so far, in order.
func (p *Proxy) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.paths...)
}

// ServeHTTP implements http.Handler.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	b := p.behavior
	p.perPath[r.URL.Path]++
	n := p.perPath[r.URL.Path]
	p.paths = append(p.paths, r.URL.Path)
	p.mu.Unlock()

	if b.Hang {
		<-r.Context().Done()
		return
	}
	d := b.Delay
	if n%2 == 0 {
		d += b.Jitter
	}
	if d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	status, ctype, body := p.respond(b, r.URL.Path)
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	writeBody(w, r, body, b.SlowBody)
}

func writeBody(w http.ResponseWriter, r *http.Request, body []byte, slow time.Duration) {
	if slow <= 0 {
		w.Write(body)
		return
	}
	f, _ := w.(http.Flusher)
	for i := range body {
		w.Write(body[i : i+1])
		if f != nil {
			f.Flush()
		}
		select {
		case <-time.After(slow):
		case <-r.Context().Done():
			return
		}
	}
}

// respond computes the status, content type and body for a request path.
func (p *Proxy) respond(b Behavior, urlPath string) (int, string, []byte) {
	const text = "text/plain; charset=utf-8"
	switch {
	case b.HTML:
		return 200, "text/html", []byte("<!DOCTYPE html><html><body>Please log in</body></html>\n")
	case strings.HasPrefix(urlPath, "/sumdb/"):
		if b.SumDB != "" && urlPath == "/sumdb/"+b.SumDB+"/supported" {
			return 200, text, nil
		}
		return 404, text, []byte("not found\n")
	case b.Status != 0:
		return b.Status, text, []byte(http.StatusText(b.Status) + "\n")
	}
	body, ctype, err := p.module(b, strings.TrimPrefix(urlPath, "/"))
	if err != nil {
		return 404, text, []byte("not found: " + err.Error() + "\n")
	}
	return 200, ctype, body
}

// module answers one module-protocol request path (without the leading /).
func (p *Proxy) module(b Behavior, rest string) ([]byte, string, error) {
	var escMod, file string
	if i := strings.Index(rest, "/@v/"); i >= 0 {
		escMod, file = rest[:i], rest[i+len("/@v/"):]
	} else if strings.HasSuffix(rest, "/@latest") {
		escMod, file = strings.TrimSuffix(rest, "/@latest"), "@latest"
	} else {
		return nil, "", fs.ErrNotExist
	}
	modPath, err := module.UnescapePath(escMod)
	if err != nil {
		return nil, "", err
	}
	p.mu.Lock()
	m, ok := p.modules[modPath]
	p.mu.Unlock()
	if !ok {
		return nil, "", fmt.Errorf("no module %s", modPath)
	}
	return m.file(b, file)
}

// file serves list, @latest, or <version>.{info,mod,zip}.
func (m Module) file(b Behavior, file string) ([]byte, string, error) {
	switch file {
	case "list":
		return []byte(strings.Join(m.Versions, "\n") + "\n"), "text/plain; charset=utf-8", nil
	case "@latest":
		v := b.Latest
		if v == "" {
			v = m.latest()
		}
		return info(v), "application/json", nil
	}
	ext := path.Ext(file)
	v, err := module.UnescapeVersion(strings.TrimSuffix(file, ext))
	if err != nil || !m.has(v) {
		return nil, "", fmt.Errorf("no version %s", file)
	}
	switch ext {
	case ".info":
		return info(v), "application/json", nil
	case ".mod":
		return []byte(m.GoMod(v)), "text/plain; charset=utf-8", nil
	case ".zip":
		z, err := m.Zip(v)
		return z, "application/zip", err
	}
	return nil, "", fmt.Errorf("unknown file %s", file)
}

func info(v string) []byte {
	data, _ := json.Marshal(map[string]string{"Version": v, "Time": "2026-01-02T03:04:05Z"})
	return data
}

func (m Module) has(v string) bool {
	for _, x := range m.Versions {
		if x == v {
			return true
		}
	}
	return false
}

func (m Module) latest() string {
	best := ""
	for _, v := range m.Versions {
		if best == "" || semver.Compare(v, best) > 0 {
			best = v
		}
	}
	return best
}

// GoMod returns the go.mod of version v.
func (m Module) GoMod(v string) string {
	if s, ok := m.Mod[v]; ok {
		return s
	}
	return "module " + m.Path + "\n\ngo 1.21\n"
}

// Zip returns the module zip of version v: go.mod and one Go file.
func (m Module) Zip(v string) ([]byte, error) {
	files := []modzip.File{
		memFile{"go.mod", []byte(m.GoMod(v))},
		memFile{"tiny.go", []byte("// Package tiny is a test module.\npackage tiny\n\n// Version is the module version.\nconst Version = \"" + v + "\"\n")},
	}
	var buf bytes.Buffer
	if err := modzip.Create(&buf, module.Version{Path: m.Path, Version: v}, files); err != nil {
		return nil, err
	}
	if _, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// memFile is a module file held in memory.
type memFile struct {
	name string
	data []byte
}

func (f memFile) Path() string                 { return f.name }
func (f memFile) Lstat() (fs.FileInfo, error)  { return memInfo{f}, nil }
func (f memFile) Open() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(f.data)), nil }

type memInfo struct{ f memFile }

func (i memInfo) Name() string       { return path.Base(i.f.name) }
func (i memInfo) Size() int64        { return int64(len(i.f.data)) }
func (i memInfo) Mode() fs.FileMode  { return 0o644 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
