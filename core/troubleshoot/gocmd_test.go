package troubleshoot_test

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
	"github.com/gomirror/gomirror/core/troubleshoot"
	"github.com/gomirror/gomirror/core/troubleshoot/internal/gotest"
)

// goCase is one real go command failure: the env file, the OS environment,
// the command, and the finding it must produce.
type goCase struct {
	name    string
	file    func(w *gotest.World) []string // env file lines
	os      func(w *gotest.World) []string // extra OS variables
	setup   func(w *gotest.World)
	args    []string
	timeout time.Duration
	code    string // the finding expected
	v       string // its Var
	layer   core.Source
	set     map[string]string // its suggested Set, if any
	unset   []string
	// offline marks a case that needs a resolver answering "no such
	// host"; it is skipped where DNS lookups hang instead.
	offline bool
}

var modArgs = []string{"mod", "download", gotest.Mod.Path + "@v1.0.0"}

func proxies(w *gotest.World, bs ...mirrortest.Behavior) []string {
	var urls []string
	for _, b := range bs {
		urls = append(urls, gotest.Proxy(w.T, b, gotest.Mod, gotest.Private))
	}
	return urls
}

func goCases() []goCase {
	ok, status := mirrortest.Behavior{}, func(n int) mirrortest.Behavior { return mirrortest.Behavior{Status: n} }
	return []goCase{{
		name: "404 with comma falls through to success",
		file: func(w *gotest.World) []string {
			u := proxies(w, status(404), ok)
			return []string{"GOPROXY=" + u[0] + "," + u[1], "GOSUMDB=" + w.GOSUMDB()}
		},
		args: modArgs, code: "proxy-fell-through", v: "GOPROXY", layer: core.SourceEnvFile,
	}, {
		name: "500 with comma stops the chain",
		file: func(w *gotest.World) []string {
			u := proxies(w, status(500), ok)
			return []string{"GOSUMDB=" + w.GOSUMDB(), "GOPROXY=" + u[0] + "," + u[1]}
		},
		args: modArgs, code: "fail-http-status", v: "GOPROXY", layer: core.SourceEnvFile,
		set: map[string]string{"GOPROXY": "@stop"},
	}, {
		name: "connection refused",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + closedURL(w.T), "GOSUMDB=" + w.GOSUMDB()}
		},
		args: modArgs, code: "fail-refused", v: "GOPROXY", layer: core.SourceEnvFile,
	}, {
		name: "DNS failure for a .test host",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=http://mirror.nonexistent.test,direct", "GOSUMDB=" + w.GOSUMDB()}
		},
		args: modArgs, timeout: 10 * time.Second, code: "fail-dns", v: "GOPROXY", layer: core.SourceEnvFile,
		set: map[string]string{"GOPROXY": "http://mirror.nonexistent.test|direct"}, offline: true,
	}, {
		name: "hanging proxy stopped by the timeout",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + proxies(w, mirrortest.Behavior{Hang: true})[0], "GOSUMDB=" + w.GOSUMDB()}
		},
		args: modArgs, timeout: 3 * time.Second, code: "fail-killed", v: "GOPROXY", layer: core.SourceEnvFile,
	}, {
		name: "GOPROXY=off",
		file: func(w *gotest.World) []string { return []string{"GOPROXY=off"} },
		args: modArgs, code: "fail-goproxy-off", v: "GOPROXY", layer: core.SourceEnvFile, unset: []string{"GOPROXY"},
	}, {
		name: "invalid GOPROXY entry",
		file: func(w *gotest.World) []string { return []string{"# mirrors", "GOPROXY=mirror.example.test|mirror"} },
		args: modArgs, code: "fail-goproxy-invalid", v: "GOPROXY", layer: core.SourceEnvFile,
		set: map[string]string{"GOPROXY": "mirror.example.test|https://mirror"},
	}, {
		name: "missing GOSUMDB",
		file: func(w *gotest.World) []string { return []string{"GOPROXY=" + proxies(w, ok)[0], "GOSUMDB="} },
		args: modArgs, code: "fail-gosumdb-invalid", v: "GOSUMDB", layer: core.SourceEnvFile, unset: []string{"GOSUMDB"},
	}, {
		name: "go.sum line altered",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + proxies(w, ok)[0], "GOSUMDB=" + w.GOSUMDB()}
		},
		setup: func(w *gotest.World) {
			w.WriteFile("go.mod", "module work.example.test/main\n\ngo 1.21\n\nrequire example.test/m v1.0.0\n")
			sum, _ := gotest.SumLines(gotest.Mod, "v1.0.0")
			w.WriteFile("go.sum", strings.Replace(string(sum), "h1:", "h1:AAAA", 1))
		},
		args: []string{"mod", "download", gotest.Mod.Path}, code: "fail-checksum-gosum",
	}, {
		name: "tampered mirror against the checksum database",
		file: func(w *gotest.World) []string {
			evil := mirrortest.Module{Path: gotest.Mod.Path, Versions: gotest.Mod.Versions,
				Mod: map[string]string{"v1.0.0": "module example.test/m\n\ngo 1.21\n// evil\n"}}
			return []string{"GOPROXY=" + gotest.Proxy(w.T, ok, evil), "GOSUMDB=" + w.GOSUMDB()}
		},
		args: modArgs, code: "fail-checksum-sumdb", v: "GOPROXY", layer: core.SourceEnvFile,
	}, {
		name: "checksum database 404 for a private path",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + proxies(w, ok)[0], "GOSUMDB=" + w.GOSUMDB()}
		},
		args: []string{"mod", "download", gotest.Private.Path + "@v1.0.0"},
		code: "fail-sumdb-private", v: "GOPRIVATE", layer: core.SourceDefault,
		set: map[string]string{"GOPRIVATE": "git.corp.example.test"},
	}, {
		name: "checksum database 410 Gone for a private path",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + proxies(w, ok)[0], "GONOSUMDB=other.example.test", "GOSUMDB=" + w.VKey + " " + gone(w)}
		},
		args: []string{"mod", "download", gotest.Private.Path + "@v1.0.0"},
		code: "fail-sumdb-private", v: "GONOSUMDB", layer: core.SourceEnvFile,
		set: map[string]string{"GONOSUMDB": "other.example.test,git.corp.example.test"},
	}, {
		name: "401 from the proxy",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + proxies(w, status(401))[0], "GOSUMDB=" + w.GOSUMDB()}
		},
		args: modArgs, code: "fail-auth", v: "GOPROXY", layer: core.SourceEnvFile,
	}, {
		name: "407 from the network proxy",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=https://mirror.example.test", "GOSUMDB=" + w.GOSUMDB()}
		},
		os:   func(w *gotest.World) []string { return []string{"HTTPS_PROXY=" + proxy407(w.T)} },
		args: modArgs, code: "fail-proxy-auth", v: "HTTPS_PROXY",
	}, {
		name: "-mod=vendor in GOFLAGS",
		file: func(w *gotest.World) []string { return []string{"GOFLAGS=-mod=vendor"} },
		setup: func(w *gotest.World) {
			w.WriteFile("go.mod", "module work.example.test/main\n\ngo 1.21\n\nrequire example.test/m v1.0.0\n")
			w.WriteFile("main.go", "package main\n\nimport _ \"example.test/m\"\n\nfunc main() {}\n")
		},
		args: []string{"build", "."}, code: "fail-mod-vendor", v: "GOFLAGS", layer: core.SourceEnvFile, unset: []string{"GOFLAGS"},
	}, {
		name: "toolchain not served by the mirror",
		file: func(w *gotest.World) []string {
			return []string{"GOPROXY=" + proxies(w, ok)[0], "GOSUMDB=" + w.GOSUMDB(), "GOTOOLCHAIN=go1.999.0"}
		},
		os:   func(w *gotest.World) []string { return []string{"GOTOOLCHAIN="} },
		args: modArgs, code: "fail-toolchain-unavailable", v: "GOTOOLCHAIN", layer: core.SourceEnvFile,
	}}
}

// TestRunRealFailures runs the go command into each failure and checks
// that its output is classified with the right setting, layer and fix.
func TestRunRealFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	for _, c := range goCases() {
		t.Run(c.name, func(t *testing.T) {
			w := gotest.New(t)
			w.WriteEnv(c.file(w)...)
			if c.setup != nil {
				c.setup(w)
			}
			var extra []string
			if c.os != nil {
				extra = c.os(w)
			}
			env := w.Env(extra...)
			r := w.Resolve(env)
			rep, err := troubleshoot.Run(context.Background(), r, troubleshoot.Command{
				Args: c.args, Dir: w.Work, Env: env, Trace: true, Timeout: orDefault(c.timeout)})
			if err != nil {
				t.Fatal(err)
			}
			f, ok := find(rep.Findings, c.code)
			if !ok && c.offline && rep.TimedOut {
				t.Skip("DNS lookups hang here instead of failing")
			}
			if !ok {
				t.Fatalf("no %s finding; got %v\noutput:\n%s", c.code, codes(rep.Findings), rep.Output)
			}
			checkFinding(t, r, f, c)
		})
	}
}

func checkFinding(t *testing.T, r interface{ Value(string) string }, f troubleshoot.Finding, c goCase) {
	t.Helper()
	if err := core.CheckRendered(f.Problem); err != nil {
		t.Error(err)
	}
	if f.Var != c.v {
		t.Errorf("Var = %q, want %q (%s)", f.Var, c.v, f.Message)
	}
	if c.layer != "" && (f.Layer == nil || f.Layer.Source != c.layer) {
		t.Errorf("Layer = %+v, want source %s", f.Layer, c.layer)
	}
	if c.layer == core.SourceEnvFile && (f.File == "" || f.Line == 0) {
		t.Errorf("File, Line = %q, %d; want the env file's line", f.File, f.Line)
	}
	for k, v := range c.set {
		if v == "@stop" {
			v = strings.Replace(r.Value("GOPROXY"), ",", "|", 1)
		}
		if f.Set[k] != v {
			t.Errorf("Set[%s] = %q, want %q", k, f.Set[k], v)
		}
	}
	if strings.Join(f.Unset, ",") != strings.Join(c.unset, ",") {
		t.Errorf("Unset = %q, want %q", f.Unset, c.unset)
	}
	if f.Message == "" || f.Fix == "" || len(f.Lines) == 0 {
		t.Errorf("finding lacks text or lines: %+v", f)
	}
	t.Logf("%s: %s\n  fix: %s", f.Code, f.Message, f.Fix)
}

func orDefault(d time.Duration) time.Duration {
	if d == 0 {
		return 60 * time.Second
	}
	return d
}

func find(fs []troubleshoot.Finding, code string) (troubleshoot.Finding, bool) {
	for _, f := range fs {
		if f.Code == code {
			return f, true
		}
	}
	return troubleshoot.Finding{}, false
}

func codes(fs []troubleshoot.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// closedURL returns an http URL on loopback where nothing listens.
func closedURL(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// gone serves a checksum database that answers 410 Gone to every lookup,
// as older public databases did for private paths.
func gone(w *gotest.World) string {
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		http.Error(rw, "not found: "+strings.TrimPrefix(r.URL.Path, "/lookup/"), http.StatusGone)
	}))
	w.T.Cleanup(srv.Close)
	return srv.URL
}

// proxy407 serves a network proxy that answers every request, CONNECT
// included, with 407 Proxy Authentication Required.
func proxy407(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go answer407(c)
		}
	}()
	return "http://" + ln.Addr().String()
}

func answer407(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
		return
	}
	c.Write([]byte("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
}
