package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
)

// probeModule is the module every fake mirror serves and every probe asks
// for; the fake go.env's checksum database is sum.example.test.
var probeModule = mirrortest.ProbeModule

// fakeMirror starts a fake module proxy on loopback and returns its URL.
// host is "127.0.0.1" or "localhost", so that two mirrors can count as
// different operators.
func fakeMirror(t *testing.T, host string, b mirrortest.Behavior) string {
	t.Helper()
	url, _ := mirrortest.Serve(t, host, b)
	return url
}

// probeArgs are the flags that point a probe at probeModule, quickly.
func probeArgs(extra ...string) []string {
	return append([]string{"--module", probeModule.Path, "--interval", "10ms", "--timeout", "3s"}, extra...)
}

// probeJSON runs probe --json and decodes its output both as a loose map
// (to check field names) and as reports.
func (s *sandbox) probeJSON(args ...string) (result, []map[string]any) {
	s.t.Helper()
	r := s.ctl(append([]string{"probe", "--json"}, probeArgs(args...)...)...)
	var out struct{ Mirrors []map[string]any }
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		s.t.Fatalf("probe --json output is not JSON: %v\n%v", err, r)
	}
	return r, out.Mirrors
}

func TestProbeJSON(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	url := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{SumDB: "sum.example.test", Delay: 5 * time.Millisecond})
	r, ms := s.probeJSON("--mirror", url, "--count", "3")
	mustSucceed(t, r, "probe --json")
	if len(ms) != 1 {
		t.Fatalf("probe --json lists %d mirrors, want 1:\n%s", len(ms), r.stdout)
	}
	m := ms[0]
	for _, k := range []string{"url", "ok", "samples", "failures", "p50_ms", "p95_ms", "jitter_ms", "error", "phases"} {
		if _, ok := m[k]; !ok {
			t.Errorf("probe --json mirror has no %q: %v", k, m)
		}
	}
	phases, _ := m["phases"].(map[string]any)
	for _, k := range []string{"dns_ms", "connect_ms", "tls_ms", "ttfb_ms"} {
		if _, ok := phases[k]; !ok {
			t.Errorf("probe --json phases have no %q: %v", k, phases)
		}
	}
	if m["url"] != url || m["ok"] != true || m["samples"] != 3.0 || m["failures"] != 0.0 || m["error"] != "" || m["sumdb"] != "yes" {
		t.Errorf("probe --json = %v; want url %s, ok, 3 samples, no failure, sumdb yes", m, url)
	}
	if p50, _ := m["p50_ms"].(float64); p50 < 5 {
		t.Errorf("p50_ms = %v, want at least the injected 5 ms", m["p50_ms"])
	}
}

func TestProbeClassifies5xx(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	url := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{Status: 500})
	r, ms := s.probeJSON("--mirror", url, "--count", "2")
	if r.code != 1 {
		t.Errorf("probe of a failing mirror: want exit 1, got %v", r)
	}
	if len(ms) != 1 || ms[0]["error"] != "http-5xx" || ms[0]["ok"] != false || ms[0]["failures"] != 2.0 {
		t.Errorf("probe --json of a 500 mirror = %v, want error http-5xx, 2 failures", ms)
	}
}

// TestProbeIPv4 probes over IPv4 only: a loopback mirror has that family.
func TestProbeIPv4(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	url := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	r, ms := s.probeJSON("--mirror", url, "--count", "1", "--ip", "4")
	mustSucceed(t, r, "probe --ip 4")
	if len(ms) != 1 || ms[0]["network"] != "tcp4" || ms[0]["ok"] != true {
		t.Errorf("probe --ip 4 = %v, want one tcp4 series", ms)
	}
	if r := s.ctl("probe", "--ip", "5"); r.code != 2 {
		t.Errorf("probe --ip 5: want exit 2, got %v", r)
	}
}

func TestProbeText(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	good := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	bad := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{HTML: true})
	r := s.ctl(append([]string{"probe"}, probeArgs("--mirror", good, "--mirror", bad, "--count", "2")...)...)
	mustSucceed(t, r, "probe")
	lines := strings.Split(r.stdout, "\n")
	if !strings.HasPrefix(lines[0], "MIRROR") || !strings.Contains(lines[1], good) || !strings.Contains(lines[2], "bad-response") {
		t.Errorf("probe table does not rank the good mirror first and classify the HTML one:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "[4/4]") {
		t.Errorf("probe progress does not count samples:\n%s", r.stderr)
	}
}

// TestProbeInterrupt stops an endless probe with SIGINT: it prints what
// it measured and exits as usual.
func TestProbeInterrupt(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	url := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	cmd := exec.Command(ctlBin, append([]string{"probe"}, probeArgs("--mirror", url, "--count", "0")...)...)
	cmd.Env = s.environ()
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	var seen string
	for !strings.Contains(seen, "[3]") { // three samples in
		n, err := stderr.Read(buf)
		if err != nil {
			t.Fatalf("probe ended before three samples: %v\n%s", err, seen)
		}
		seen += string(buf[:n])
	}
	cmd.Process.Signal(os.Interrupt)
	rest := make(chan string)
	go func() {
		var b bytes.Buffer
		b.ReadFrom(stderr)
		rest <- b.String()
	}()
	tail := <-rest
	if err := cmd.Wait(); err != nil {
		t.Errorf("probe after SIGINT: %v\nstderr: %s", err, tail)
	}
	if !strings.Contains(tail, "interrupted") || !strings.Contains(stdout.String(), url) {
		t.Errorf("probe after SIGINT: stdout %q, stderr tail %q", stdout.String(), tail)
	}
}

func TestUseWritesChain(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	a := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	b := fakeMirror(t, "localhost", mirrortest.Behavior{})
	r := s.ctl("use", a, b, "--sep", "|")
	mustSucceed(t, r, "use")
	want := a + "|" + b + ",direct"
	if got := s.goEnv("GOPROXY")["GOPROXY"]; got != want {
		t.Errorf("go env GOPROXY after use = %q, want %q", got, want)
	}
	if !strings.Contains(r.stdout, "GOPROXY="+want) || !strings.Contains(r.stdout, "fails in any way") || !strings.Contains(r.stdout, "only if it answers 404 or 410") {
		t.Errorf("use does not explain each link:\n%s", r.stdout)
	}
	mustSucceed(t, s.ctl("undo"), "undo")
	if data, exists := s.readEnvFile(); exists {
		t.Errorf("env file after undo = %q, want it removed again", data)
	}
}

func TestUseRefused(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"localhost"}, {"https://a.example.test", "--sep", ";"}, {}} {
		s := newSandbox(t)
		s.assertRefused(s.ctl(append([]string{"use"}, args...)...), false)
	}
}

// TestUseSuggest probes two fake mirrors of different hosts, neither of
// which proxies the checksum database.
func TestUseSuggest(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	fast := fakeMirror(t, "127.0.0.1", mirrortest.Behavior{})
	slow := fakeMirror(t, "localhost", mirrortest.Behavior{Delay: 40 * time.Millisecond})
	args := append([]string{"use", "--suggest", "--dry-run", slow, fast}, probeArgs()...)
	r := s.ctl(args...)
	mustSucceed(t, r, "use --suggest --dry-run")
	if !strings.Contains(r.stdout, "GOPROXY="+fast+"|"+slow+",direct\n") || !strings.Contains(r.stdout, "GOSUMDB=sum.golang.google.cn") {
		t.Errorf("use --suggest does not suggest the fast mirror first and the China checksum alias:\n%s", r.stdout)
	}
	if _, exists := s.readEnvFile(); exists {
		t.Error("use --dry-run wrote the env file")
	}
	args = append([]string{"use", "--suggest", slow, fast}, probeArgs()...)
	mustSucceed(t, s.ctl(args...), "use --suggest")
	got := s.goEnv("GOPROXY", "GOSUMDB")
	if got["GOPROXY"] != fast+"|"+slow+",direct" || got["GOSUMDB"] != "sum.golang.google.cn" {
		t.Errorf("go env after use --suggest = %v", got)
	}
}

func TestMirrorsAddRemove(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	mustSucceed(t, s.ctl("mirrors", "add", "Company Athens", "https://athens.example.test/"), "mirrors add")
	r := s.ctl("mirrors", "--json")
	mustSucceed(t, r, "mirrors --json")
	var out mirrorsOutput
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	first, last := out.Mirrors[0], out.Mirrors[len(out.Mirrors)-1]
	if first.URL != "https://proxy.example.test" || first.Origin != "toolchain" {
		t.Errorf("first mirror = %+v, want go.env's proxy", first)
	}
	if last.ID != "company-athens" || last.URL != "https://athens.example.test" || last.Origin != "user" {
		t.Errorf("last mirror = %+v, want the added one", last)
	}
	mustSucceed(t, s.ctl("mirrors", "rm", "company-athens"), "mirrors rm")
	if r := s.ctl("mirrors", "rm", "goproxy.cn"); r.code != 2 {
		t.Errorf("removing a built-in mirror: want exit 2, got %v", r)
	}
	if strings.Contains(s.ctl("mirrors").stdout, "athens") {
		t.Error("the removed mirror is still listed")
	}
}
