// Package mirrortest serves fake module mirrors on loopback for tests
// outside core/mirrors (the CLI's and the UI's): it re-exports the
// internal fake proxy, which serves the module protocol for modules made
// in memory and misbehaves on demand.
package mirrortest

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

// Module is a module a fake mirror serves.
type Module = fakeproxy.Module

// Behavior says how a fake mirror misbehaves; the zero value serves
// promptly.
type Behavior = fakeproxy.Behavior

// Proxy is a fake mirror's handler.
type Proxy = fakeproxy.Proxy

// ProbeModule is a small module for probes: pass its Path as the probe
// module.
var ProbeModule = Module{Path: "example.test/probe", Versions: []string{"v1.0.0", "v1.1.0"}}

// New returns a fake mirror's handler serving mods.
func New(b Behavior, mods ...Module) *Proxy { return fakeproxy.New(b, mods...) }

// Serve starts a fake mirror serving ProbeModule over HTTP on loopback,
// closed when the test ends, and returns its URL with host in place of
// 127.0.0.1 ("localhost" makes a second host, i.e. another operator).
func Serve(t testing.TB, host string, b Behavior) (string, *Proxy) {
	t.Helper()
	p := New(b, ProbeModule)
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return strings.Replace(srv.URL, "127.0.0.1", host, 1), p
}
