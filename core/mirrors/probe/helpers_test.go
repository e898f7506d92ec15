package probe

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

// testModule is the probe module every fake mirror serves.
var testModule = fakeproxy.Module{Path: "example.test/probe", Versions: []string{"v1.0.0", "v1.1.0", "v1.2.0"}}

// testSumDB is a made-up checksum database name.
const testSumDB = "sum.example.test"

// noProxy never uses an HTTP proxy, whatever the environment says.
func noProxy(*http.Request) (*neturl.URL, error) { return nil, nil }

// serve starts a fake mirror over plain HTTP on loopback.
func serve(t testing.TB, b fakeproxy.Behavior, mods ...fakeproxy.Module) (*httptest.Server, *fakeproxy.Proxy) {
	t.Helper()
	if len(mods) == 0 {
		mods = []fakeproxy.Module{testModule}
	}
	p := fakeproxy.New(b, mods...)
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return srv, p
}

// serveTLS starts a fake mirror over HTTPS on loopback and returns options
// that trust its certificate.
func serveTLS(t testing.TB, b fakeproxy.Behavior) (*httptest.Server, Options) {
	t.Helper()
	srv := httptest.NewTLSServer(fakeproxy.New(b, testModule))
	t.Cleanup(srv.Close)
	opts := testOptions()
	opts.TLSConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig
	return srv, opts
}

// testOptions probes testModule with a short timeout and no proxy.
func testOptions() Options {
	return Options{Module: testModule.Path, SumDB: testSumDB, Timeout: 2 * time.Second, Proxy: noProxy}
}

// closedPort returns a loopback address where nothing listens.
func closedPort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// sampleOnce probes rawURL once with opts.
func sampleOnce(t testing.TB, opts Options, rawURL string) Sample {
	t.Helper()
	return New(opts).Sample(context.Background(), Target{URL: rawURL}, "")
}
