package probe

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/internal/fakeproxy"
)

func TestSampleOK(t *testing.T) {
	srv, p := serve(t, fakeproxy.Behavior{SumDB: testSumDB})
	s := sampleOnce(t, testOptions(), srv.URL+"/")
	if !s.OK {
		t.Fatalf("sample failed: %v", s.Err)
	}
	if s.Latest != "v1.2.0" || s.Version != "v1.2.0" || !strings.HasPrefix(s.ModHash, "h1:") || s.SumDB != SumDBYes {
		t.Errorf("sample = latest %q version %q hash %q sumdb %q, want v1.2.0 v1.2.0 h1:… yes", s.Latest, s.Version, s.ModHash, s.SumDB)
	}
	want := []string{
		"/example.test/probe/@v/list", "/example.test/probe/@latest",
		"/example.test/probe/@v/v1.2.0.info", "/example.test/probe/@v/v1.2.0.mod",
		"/sumdb/" + testSumDB + "/supported",
	}
	if got := p.Requests(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("requests = %q, want %q", got, want)
	}
	if s.Latency <= 0 || s.Latency != s.Steps[0].Phases.Total || s.Phases.Connect <= 0 {
		t.Errorf("latency %v, phases %+v: want the first request's total, with a connect phase", s.Latency, s.Phases)
	}
}

func TestSampleVersionAndEscaping(t *testing.T) {
	mod := fakeproxy.Module{Path: "example.test/Upper", Versions: []string{"v0.1.0", "v0.2.0"}}
	srv, p := serve(t, fakeproxy.Behavior{}, mod)
	opts := testOptions()
	opts.Module, opts.Version, opts.SumDB = mod.Path, "v0.1.0", ""
	s := sampleOnce(t, opts, srv.URL)
	if !s.OK || s.Version != "v0.1.0" || s.Latest != "v0.2.0" {
		t.Fatalf("sample ok=%t version %q latest %q err %v, want ok v0.1.0 v0.2.0", s.OK, s.Version, s.Latest, s.Err)
	}
	if got := p.Requests()[3]; got != "/example.test/!upper/@v/v0.1.0.mod" {
		t.Errorf("mod request = %q, want the escaped path", got)
	}
}

func TestSumDBNotProxied(t *testing.T) {
	srv, _ := serve(t, fakeproxy.Behavior{})
	s := sampleOnce(t, testOptions(), srv.URL)
	if !s.OK || s.SumDB != SumDBNo {
		t.Errorf("sample ok=%t sumdb=%q err=%v, want ok and sumdb no (404 is not a failure)", s.OK, s.SumDB, s.Err)
	}
}

// TestClassify covers every failure class with a real loopback server.
func TestClassify(t *testing.T) {
	fast := 300 * time.Millisecond
	cases := []struct {
		name  string
		setup func(t *testing.T) (Options, string)
		want  Class
		step  StepName
	}{
		{"404", status(404), ClassHTTP4xx, StepList},
		{"410", status(410), ClassHTTP4xx, StepList},
		{"418", status(418), ClassHTTP4xx, StepList},
		{"500", status(500), ClassHTTP5xx, StepList},
		{"503", status(503), ClassHTTP5xx, StepList},
		{"html", behave(fakeproxy.Behavior{HTML: true}, 0), ClassBadResponse, StepList},
		{"hang", behave(fakeproxy.Behavior{Hang: true}, fast), ClassTimeout, StepList},
		{"slow-body", behave(fakeproxy.Behavior{SlowBody: 100 * time.Millisecond}, fast), ClassTimeout, StepList},
		{"refused", func(t *testing.T) (Options, string) { return testOptions(), "http://" + closedPort(t) }, ClassRefused, StepList},
		{"untrusted-cert", untrustedTLS, ClassTLS, StepList},
		{"tls-to-http", tlsToHTTP, ClassTLS, StepList},
		{"dns", noDNS, ClassDNS, StepList},
		{"proxy-407-http", proxy407("http://mirror.example.test/"), ClassProxyAuth, StepList},
		{"proxy-407-connect", proxy407("https://mirror.example.test/"), ClassProxyAuth, StepList},
		{"sumdb-500", sumdb500, ClassHTTP5xx, StepSumDB},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts, u := c.setup(t)
			s := sampleOnce(t, opts, u)
			if s.OK || s.Err == nil {
				t.Fatalf("sample of %s succeeded, want class %s", c.name, c.want)
			}
			if s.Err.Class != c.want || s.Err.Step != c.step {
				t.Errorf("class = %s at %s (%v), want %s at %s", s.Err.Class, s.Err.Step, s.Err, c.want, c.step)
			}
			if s.Err.Message == "" {
				t.Error("no message for the user")
			}
		})
	}
}

func status(code int) func(t *testing.T) (Options, string) {
	return behave(fakeproxy.Behavior{Status: code}, 0)
}

func behave(b fakeproxy.Behavior, timeout time.Duration) func(t *testing.T) (Options, string) {
	return func(t *testing.T) (Options, string) {
		srv, _ := serve(t, b)
		opts := testOptions()
		if timeout > 0 {
			opts.Timeout = timeout
		}
		return opts, srv.URL
	}
}

func untrustedTLS(t *testing.T) (Options, string) {
	srv, _ := serveTLS(t, fakeproxy.Behavior{})
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake error is expected
	return testOptions(), srv.URL
}

func tlsToHTTP(t *testing.T) (Options, string) {
	srv, _ := serve(t, fakeproxy.Behavior{})
	return testOptions(), strings.Replace(srv.URL, "http://", "https://", 1)
}

// noDNS resolves nothing, without asking any real DNS server.
func noDNS(t *testing.T) (Options, string) {
	opts := testOptions()
	opts.Resolver = &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) {
		return nil, errors.New("no DNS server in tests")
	}}
	return opts, "http://mirror.invalid/"
}

// proxy407 routes the target through a loopback HTTP proxy that wants
// credentials, both for plain requests and for CONNECT.
func proxy407(target string) func(t *testing.T) (Options, string) {
	return func(t *testing.T) (Options, string) {
		px := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Proxy-Authenticate", `Basic realm="corp"`)
			w.WriteHeader(http.StatusProxyAuthRequired)
		}))
		t.Cleanup(px.Close)
		pu, _ := url.Parse(px.URL)
		opts := testOptions()
		opts.Proxy = http.ProxyURL(pu)
		return opts, target
	}
}

func sumdb500(t *testing.T) (Options, string) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/sumdb/") {
			http.Error(w, "boom", 500)
			return
		}
		fakeproxy.New(fakeproxy.Behavior{}, testModule).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return testOptions(), srv.URL
}

func TestBaseURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"goproxy.example.test", "https://goproxy.example.test"},
		{"mirror.example.test/goproxy/", "https://mirror.example.test/goproxy"},
		{"http://127.0.0.1:3000//", "http://127.0.0.1:3000"},
		{"file:///srv/proxy", ""},
		{"localhost", ""},
		{"https://", ""},
	}
	for _, c := range cases {
		got, err := baseURL(c.in)
		if got != c.want || (c.want == "") != (err != nil) {
			t.Errorf("baseURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	s := sampleOnce(t, testOptions(), "file:///srv/proxy")
	if s.OK || s.Err.Class != ClassBadRequest || s.Target.URL != "file:///srv/proxy" {
		t.Errorf("sample of a file URL: %+v, want bad-request echoing the URL", s.Err)
	}
}

func TestBadModBody(t *testing.T) {
	mod := testModule
	mod.Mod = map[string]string{"v1.2.0": "module example.test/other\n"}
	srv, _ := serve(t, fakeproxy.Behavior{}, mod)
	s := sampleOnce(t, testOptions(), srv.URL)
	if s.OK || s.Err.Class != ClassBadResponse || s.Err.Step != StepMod {
		t.Errorf("sample err = %v, want bad-response at mod", s.Err)
	}
}

func TestCancel(t *testing.T) {
	srv, _ := serve(t, fakeproxy.Behavior{Hang: true})
	opts := testOptions()
	opts.Timeout = 10 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	start := time.Now()
	ch := New(opts).Run(ctx, []Target{{URL: srv.URL}, {URL: srv.URL + "/x"}}, Schedule{})
	time.AfterFunc(100*time.Millisecond, cancel)
	n := 0
	for range ch {
		n++
	}
	if n != 0 || time.Since(start) > 2*time.Second {
		t.Errorf("after cancel: %d samples, %v; want none, promptly", n, time.Since(start))
	}
}

func TestScheduleAndWarm(t *testing.T) {
	srv, _ := serve(t, fakeproxy.Behavior{})
	for _, warm := range []bool{false, true} {
		opts := testOptions()
		opts.Warm = warm
		var got []Sample
		for s := range New(opts).Run(context.Background(), []Target{{ID: "a", URL: srv.URL}}, Schedule{Count: 3, Interval: 20 * time.Millisecond}) {
			got = append(got, s)
		}
		if len(got) != 3 || got[2].Round != 3 || got[2].Target.ID != "a" {
			t.Fatalf("warm=%t: %d samples, want 3 rounds", warm, len(got))
		}
		if reused := got[2].Steps[0].Reused; reused != warm {
			t.Errorf("warm=%t: third sample's first request reused a connection: %t", warm, reused)
		}
		if !got[2].Steps[1].Reused {
			t.Errorf("warm=%t: requests within a sample should share a connection", warm)
		}
	}
}

func TestNetworks(t *testing.T) {
	l, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Skip("no IPv6 loopback:", err)
	}
	srv := httptest.NewUnstartedServer(fakeproxy.New(fakeproxy.Behavior{}, testModule))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	defer srv.Close()
	e := New(testOptions())
	if s := e.Sample(context.Background(), Target{URL: srv.URL}, "tcp6"); !s.OK {
		t.Errorf("tcp6 sample of %s failed: %v", srv.URL, s.Err)
	}
	if s := e.Sample(context.Background(), Target{URL: srv.URL}, "tcp4"); s.OK {
		t.Errorf("tcp4 sample of %s succeeded, want a failure", srv.URL)
	}
	opts := testOptions()
	opts.Networks = []string{"tcp4", "tcp6"}
	var nets []string
	for _, s := range New(opts).Probe(context.Background(), []Target{{URL: srv.URL}, {URL: "http://127.0.0.1:1"}}) {
		nets = append(nets, s.Target.URL[7:11]+"/"+s.Network)
	}
	if strings.Join(sorted(nets), " ") != "127./tcp4 [::1/tcp6" {
		t.Errorf("probed %q, want each host over the one family it has", nets)
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestRedirectToHTTPRefused(t *testing.T) {
	plain, _ := serve(t, fakeproxy.Behavior{})
	srv := httptest.NewTLSServer(http.RedirectHandler(plain.URL+"/x", http.StatusFound))
	defer srv.Close()
	opts := testOptions()
	opts.TLSConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig
	s := sampleOnce(t, opts, srv.URL)
	if s.OK || !strings.Contains(s.Err.Message, "insecure URL") {
		t.Errorf("https→http redirect: err %v, want a refusal", s.Err)
	}
}

// TestParallelBound: no more than Options.Parallel mirrors are probed at once.
func TestParallelBound(t *testing.T) {
	var mu sync.Mutex
	active, peak := 0, 0
	fp := fakeproxy.New(fakeproxy.Behavior{Delay: 20 * time.Millisecond}, testModule)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		active++
		peak = max(peak, active)
		mu.Unlock()
		fp.ServeHTTP(w, r)
		mu.Lock()
		active--
		mu.Unlock()
	})
	var targets []Target
	for range 6 {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		targets = append(targets, Target{URL: srv.URL})
	}
	opts := testOptions()
	opts.Parallel, opts.SumDB = 2, ""
	if n := len(New(opts).Probe(context.Background(), targets)); n != 6 {
		t.Fatalf("%d samples, want 6", n)
	}
	if peak != 2 {
		t.Errorf("peak concurrency = %d, want 2", peak)
	}
}

func TestRunNoTargets(t *testing.T) {
	for range New(testOptions()).Run(context.Background(), nil, Schedule{}) {
		t.Error("a sample without targets")
	}
}
