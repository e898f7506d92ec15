package probe

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/sumdb/dirhash"
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
		return errors.New("stopped after 10 redirects")
	}
	if via[0].URL.Scheme == "https" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirected from secure URL %s to insecure URL %s", via[0].URL.Redacted(), req.URL.Redacted())
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
		st.Err = &Error{Class: ClassBadRequest, Step: name, Message: "invalid mirror URL: " + err.Error()}
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
			return badResponse("the version list contains %q, which is not a version%s", clip(line), htmlHint(body))
		}
	}
	return nil
}

// checkInfo accepts a JSON {"Version": ...} with a valid version.
func checkInfo(body []byte) (string, *Error) {
	var info struct{ Version string }
	if err := json.Unmarshal(body, &info); err != nil {
		return "", badResponse("expected version JSON, got %q%s", clip(string(body)), htmlHint(body))
	}
	if !semver.IsValid(info.Version) {
		return "", badResponse("the version JSON names %q, which is not a version", info.Version)
	}
	return info.Version, nil
}

// checkMod accepts a go.mod declaring modPath and returns its go.sum hash.
func checkMod(body []byte, modPath string) (string, *Error) {
	if got := modfile.ModulePath(body); got != modPath {
		return "", badResponse("expected a go.mod for %s, got %q%s", modPath, clip(string(body)), htmlHint(body))
	}
	h, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(body)), nil
	})
	if err != nil {
		return "", badResponse("cannot hash go.mod: %v", err)
	}
	return h, nil
}

func badResponse(format string, args ...any) *Error {
	return &Error{Class: ClassBadResponse, Message: fmt.Sprintf(format, args...)}
}

func htmlHint(body []byte) string {
	b := bytes.ToLower(bytes.TrimSpace(body))
	if bytes.HasPrefix(b, []byte("<!doctype html")) || bytes.HasPrefix(b, []byte("<html")) {
		return " (an HTML page: the URL is probably a web site or a login page, not a module proxy; check the path, e.g. a required /goproxy/ suffix)"
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
