package probe

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/gomirror/gomirror/core"
)

// expand turns targets into the (target, network) pairs to probe: one per
// requested address family the target's host has. A target reached through
// an HTTP proxy, or whose host cannot be resolved, is probed once over
// "tcp" (its failure, if any, is then measured and classified).
func (e *Engine) expand(ctx context.Context, targets []Target) []probeKey {
	var keys []probeKey
	for _, t := range targets {
		nets := []string{"tcp"}
		if len(e.opts.Networks) > 0 && !e.proxied(t.URL) {
			if fams := e.families(ctx, t.URL); len(fams) > 0 {
				nets = fams
			}
		}
		for _, n := range nets {
			keys = append(keys, probeKey{t, n})
		}
	}
	return keys
}

// proxied reports whether requests to rawURL go through an HTTP proxy.
func (e *Engine) proxied(rawURL string) bool {
	req, err := http.NewRequest("GET", rawURL, nil)
	if err != nil {
		return false
	}
	u, err := e.opts.Proxy(req)
	return err == nil && u != nil
}

// families returns the requested networks that rawURL's host has addresses
// for, in the order of Options.Networks.
func (e *Engine) families(ctx context.Context, rawURL string) []string {
	ctx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	have, err := Families(ctx, e.opts.Resolver, rawURL)
	if err != nil {
		return nil
	}
	var out []string
	for _, want := range e.opts.Networks {
		for _, h := range have {
			if h == want {
				out = append(out, want)
			}
		}
	}
	return out
}

// Families reports which address families ("tcp4", "tcp6") the host of
// rawURL resolves to, using r (net.DefaultResolver if nil).
func Families(ctx context.Context, r *net.Resolver, rawURL string) ([]string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	host := u.Hostname()
	if host == "" {
		return nil, core.NewError("probe.no-host", map[string]string{"URL": rawURL}, nil)
	}
	if r == nil {
		r = net.DefaultResolver
	}
	ips, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	var v4, v6 bool
	for _, ip := range ips {
		if ip.Unmap().Is4() {
			v4 = true
		} else {
			v6 = true
		}
	}
	var out []string
	if v4 {
		out = append(out, "tcp4")
	}
	if v6 {
		out = append(out, "tcp6")
	}
	return out, nil
}

// transport returns the transport for one sample: a fresh one that the
// caller closes, or in warm mode the key's kept one (close is then a no-op).
func (e *Engine) transport(k Key) (t *http.Transport, done func()) {
	if !e.opts.Warm {
		t = e.newTransport(k.Network)
		return t, t.CloseIdleConnections
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if t = e.warm[k]; t == nil {
		t = e.newTransport(k.Network)
		e.warm[k] = t
	}
	return t, func() {}
}

// newTransport is http.DefaultTransport's configuration, dialing network.
func (e *Engine) newTransport(network string) *http.Transport {
	d := &net.Dialer{Timeout: e.opts.Timeout, KeepAlive: 30 * time.Second, Resolver: e.opts.Resolver}
	t := &http.Transport{
		Proxy: e.opts.Proxy,
		DialContext: func(ctx context.Context, _, addr string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   e.opts.Timeout,
		ExpectContinueTimeout: time.Second,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
	}
	if e.opts.TLSConfig != nil {
		t.TLSClientConfig = e.opts.TLSConfig.Clone()
	}
	return t
}

func (e *Engine) closeWarm() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for k, t := range e.warm {
		t.CloseIdleConnections()
		delete(e.warm, k)
	}
}
