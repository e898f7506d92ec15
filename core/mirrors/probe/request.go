package probe

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/sumdb/dirhash"

	"github.com/gomirror/gomirror/core"
)

// maxBody bounds what a probe reads from one response.
const maxBody = 1 << 20

// client makes the requests of one sample.
type client struct {
	e    *Engine
	hc   *http.Client
	base string // the mirror URL without trailing slashes
}

// checkRedirect follows redirects as the go command does, refusing a
// redirect from https to http.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return core.NewError("probe.redirects", nil, nil)
	}
	if via[0].URL.Scheme == "https" && req.URL.Scheme != "https" {
		return core.NewError("probe.insecure-redirect", map[string]string{"From": via[0].URL.Redacted(), "To": req.URL.Redacted()}, nil)
	}
	return nil
}

// timeline collects httptrace events of one request.
type timeline struct {
	start, dnsStart, dnsDone, connStart, connDone time.Time
	tlsStart, tlsDone, wrote, firstByte, end      time.Time
	reused, tlsFailed                             bool
}

// tracer records a timeline from httptrace callbacks. The callbacks may
// run on the transport's dial goroutine even after the request has returned
// (a dial that outlives a cancelled request), so every access is locked.
type tracer struct {
	mu sync.Mutex
	tl timeline
}

// at runs f on the timeline under the lock.
func (tr *tracer) at(f func(tl *timeline)) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	f(&tr.tl)
}

// snapshot returns a copy of the timeline so far.
func (tr *tracer) snapshot() timeline {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.tl
}

func (tr *tracer) trace() *httptrace.ClientTrace {
	now := func(field func(tl *timeline) *time.Time) func() {
		return func() { tr.at(func(tl *timeline) { *field(tl) = time.Now() }) }
	}
	return &httptrace.ClientTrace{
		DNSStart:          func(httptrace.DNSStartInfo) { now(func(tl *timeline) *time.Time { return &tl.dnsStart })() },
		DNSDone:           func(httptrace.DNSDoneInfo) { now(func(tl *timeline) *time.Time { return &tl.dnsDone })() },
		ConnectStart:      func(string, string) { tr.at(func(tl *timeline) { setOnce(&tl.connStart) }) },
		ConnectDone:       func(string, string, error) { now(func(tl *timeline) *time.Time { return &tl.connDone })() },
		TLSHandshakeStart: func() { now(func(tl *timeline) *time.Time { return &tl.tlsStart })() },
		TLSHandshakeDone: func(_ tls.ConnectionState, err error) {
			tr.at(func(tl *timeline) { tl.tlsDone, tl.tlsFailed = time.Now(), err != nil })
		},
		GotConn:              func(i httptrace.GotConnInfo) { tr.at(func(tl *timeline) { tl.reused = i.Reused }) },
		WroteRequest:         func(httptrace.WroteRequestInfo) { now(func(tl *timeline) *time.Time { return &tl.wrote })() },
		GotFirstResponseByte: now(func(tl *timeline) *time.Time { return &tl.firstByte }),
	}
}

func setOnce(t *time.Time) {
	if t.IsZero() {
		*t = time.Now()
	}
}

// between returns b-a, or 0 if either is unknown.
func between(a, b time.Time) time.Duration {
	if a.IsZero() || b.IsZero() || b.Before(a) {
		return 0
	}
	return b.Sub(a)
}

func (tl *timeline) phases() Phases {
	return Phases{
		DNS:      between(tl.dnsStart, tl.dnsDone),
		Connect:  between(tl.connStart, tl.connDone),
		TLS:      between(tl.tlsStart, tl.tlsDone),
		Wait:     between(tl.wrote, tl.firstByte),
		Transfer: between(tl.firstByte, tl.end),
		TTFB:     between(tl.start, tl.firstByte),
		Total:    between(tl.start, tl.end),
	}
}

// do makes one GET request with its own timeout, reads the body, and
// validates it with check (if non-nil) when the status is 200.
func (c *client) do(ctx context.Context, name StepName, url string, check func([]byte) *Error) Step {
	st := Step{Name: name, URL: url}
	ctx, cancel := context.WithTimeout(ctx, c.e.opts.Timeout)
	defer cancel()
	tr := &tracer{}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, tr.trace()), "GET", url, nil)
	if err != nil {
		st.Err = (&Error{Class: ClassBadRequest, Step: name}).detail("probe.invalid-url", map[string]string{"Cause": err.Error()})
		return st
	}
	tr.at(func(tl *timeline) { tl.start = time.Now() })
	body, status, err := c.get(req)
	tr.at(func(tl *timeline) { tl.end = time.Now() })
	snap := tr.snapshot()
	tl := &snap
	st.Status, st.Reused, st.Phases = status, tl.reused, tl.phases()
	switch {
	case err != nil:
		st.Err = classify(ctx, name, tl, err)
	case status != http.StatusOK:
		st.Err = statusError(name, status, body)
	case check != nil:
		if st.Err = check(body); st.Err != nil {
			st.Err.Step = name
		}
	}
	return st
}

// get sends req and reads at most maxBody bytes of the response.
func (c *client) get(req *http.Request) ([]byte, int, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	return body, resp.StatusCode, err
}

// checkList accepts a version list: one valid semantic version per line.
func checkList(body []byte) *Error {
	for _, line := range strings.Split(string(body), "\n") {
		f := strings.Fields(line) // the go command reads the first field
		if len(f) == 0 {
			continue
		}
		if !semver.IsValid(f[0]) {
			return badResponse("probe.bad-list", map[string]string{"Line": clip(line), "HTML": htmlHint(body)})
		}
	}
	return nil
}

// checkInfo accepts a JSON {"Version": ...} with a valid version.
func checkInfo(body []byte) (string, *Error) {
	var info struct{ Version string }
	if err := json.Unmarshal(body, &info); err != nil {
		return "", badResponse("probe.bad-info", map[string]string{"Body": clip(string(body)), "HTML": htmlHint(body)})
	}
	if !semver.IsValid(info.Version) {
		return "", badResponse("probe.bad-info-version", map[string]string{"Version": info.Version})
	}
	return info.Version, nil
}

// checkMod accepts a go.mod declaring modPath and returns its go.sum hash.
func checkMod(body []byte, modPath string) (string, *Error) {
	if got := modfile.ModulePath(body); got != modPath {
		return "", badResponse("probe.bad-mod", map[string]string{"Module": modPath, "Body": clip(string(body)), "HTML": htmlHint(body)})
	}
	h, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(body)), nil
	})
	if err != nil {
		return "", badResponse("probe.hash-mod", map[string]string{"Cause": err.Error()})
	}
	return h, nil
}

// badResponse is a 200 answer that is not what the module protocol says:
// the text code with args.
func badResponse(code string, args map[string]string) *Error {
	return (&Error{Class: ClassBadResponse}).detail(code, args)
}

// htmlHint is the HTML argument of a text about body: "yes" if body is an
// HTML page (the mirror URL is probably a web site), else "".
func htmlHint(body []byte) string {
	b := bytes.ToLower(bytes.TrimSpace(body))
	if bytes.HasPrefix(b, []byte("<!doctype html")) || bytes.HasPrefix(b, []byte("<html")) {
		return "yes"
	}
	return ""
}

// clip shortens s for an error message.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
