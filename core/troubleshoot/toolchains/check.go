package toolchains

import (
	"context"
	"io"
	"net/http"
	"runtime"
	"strings"
	"time"

	"golang.org/x/mod/module"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors"
	"github.com/gomirror/gomirror/core/resolve"
)

// ModulePath is the module the go command downloads toolchains as.
const ModulePath = "golang.org/toolchain"

// ModuleVersion is the version of ModulePath holding toolchain for
// goos/goarch, e.g. v0.0.1-go1.22.3.linux-amd64.
func ModuleVersion(toolchain, goos, goarch string) string {
	return "v0.0.1-" + toolchain + "." + goos + "-" + goarch
}

// MirrorResult is what one GOPROXY entry answers for the toolchain.
type MirrorResult struct {
	URL    string `json:"url"`
	Name   string `json:"name"`
	Status int    `json:"status,omitempty"` // HTTP status; 0 on a network error
	Has    bool   `json:"has"`
	Error  string `json:"error,omitempty"`
	// Sep is the separator after the entry in GOPROXY.
	Sep mirrors.Sep `json:"sep"`
}

// Availability is the outcome for one wanted toolchain.
type Availability struct {
	Want
	Module  string         `json:"module"` // golang.org/toolchain@v0.0.1-...
	Local   string         `json:"local"`  // the installed go version
	Needed  bool           `json:"needed"` // the installed go is older, so a switch happens
	Mode    string         `json:"mode"`   // local, path or auto, from GOTOOLCHAIN
	Mirrors []MirrorResult `json:"mirrors"`
	// ServedBy is the mirror the go command's walk of GOPROXY downloads it
	// from; "" if none.
	ServedBy string            `json:"served_by,omitempty"`
	Problems []core.Problem    `json:"problems"`
	Set      map[string]string `json:"set,omitempty"`
}

// Options configure Check.
type Options struct {
	GOOS, GOARCH string // runtime's if empty
	Client       *http.Client
	Catalogue    []mirrors.Mirror // names mirrors; mirrors.Builtin() if nil
}

// Check asks every GOPROXY entry of r for the toolchain w asks for, walks
// the list as the go command would, and says whether the download works.
func Check(ctx context.Context, r *resolve.Resolution, w Want, opts Options) Availability {
	opts = withDefaults(opts)
	a := Availability{Want: w, Local: r.Goroot.Version, Mode: mode(r.Value("GOTOOLCHAIN")), Mirrors: []MirrorResult{}}
	a.Module = ModulePath + "@" + ModuleVersion(w.Toolchain, opts.GOOS, opts.GOARCH)
	a.Needed = a.Local == "" || Compare(w.Toolchain, a.Local) > 0
	for _, l := range mirrors.ParseChain(r.Value("GOPROXY")) {
		if l.IsKeyword() {
			break
		}
		a.Mirrors = append(a.Mirrors, ask(ctx, opts, l, w.Toolchain))
	}
	a.walk()
	a.judge(r)
	return a
}

func withDefaults(o Options) Options {
	if o.GOOS == "" {
		o.GOOS, o.GOARCH = runtime.GOOS, runtime.GOARCH
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 20 * time.Second}
	}
	if o.Catalogue == nil {
		o.Catalogue = mirrors.Builtin()
	}
	return o
}

// mode is local, path or auto for a GOTOOLCHAIN value.
func mode(v string) string {
	switch {
	case v == "local" || v == "":
		return "local"
	case v == "path" || strings.HasSuffix(v, "+path"):
		return "path"
	}
	return "auto"
}

// ask requests <proxy>/golang.org/toolchain/@v/<version>.info.
func ask(ctx context.Context, o Options, l mirrors.Link, toolchain string) MirrorResult {
	base := strings.TrimSuffix(l.Target, "/")
	if !strings.Contains(base, "://") {
		base = "https://" + base
	}
	m := MirrorResult{URL: base, Name: base, Sep: l.Sep}
	if c, ok := mirrors.Find(o.Catalogue, base); ok {
		m.Name = c.Name
	}
	v, _ := module.EscapeVersion(ModuleVersion(toolchain, o.GOOS, o.GOARCH))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/"+ModulePath+"/@v/"+v+".info", nil)
	if err == nil {
		var resp *http.Response
		if resp, err = o.Client.Do(req); err == nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
			resp.Body.Close()
			m.Status, m.Has = resp.StatusCode, resp.StatusCode == http.StatusOK
		}
	}
	if err != nil {
		m.Error = err.Error()
	}
	return m
}

// walk finds the mirror the go command would download from: it moves on
// after 404 or 410, and after other errors only past a '|'.
func (a *Availability) walk() {
	for _, m := range a.Mirrors {
		switch {
		case m.Has:
			a.ServedBy = m.Name
			return
		case m.Status == 404 || m.Status == 410 || m.Sep == mirrors.Pipe:
			continue
		}
		return
	}
}
