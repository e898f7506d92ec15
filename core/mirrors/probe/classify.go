package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"

	"github.com/gomirror/gomirror/core"
)

// Class is the kind of a failure. The strings are part of the CLI's JSON
// output and must not change.
type Class string

// Failure classes.
const (
	ClassDNS         Class = "dns"          // the host name did not resolve
	ClassRefused     Class = "refused"      // nothing listens at the address
	ClassTimeout     Class = "timeout"      // no complete answer within the timeout
	ClassTLS         Class = "tls"          // the TLS handshake or certificate failed
	ClassProxyAuth   Class = "proxy-auth"   // the HTTP proxy wants credentials (407)
	ClassHTTP4xx     Class = "http-4xx"     // the mirror answered 4xx (not found, forbidden…)
	ClassHTTP5xx     Class = "http-5xx"     // the mirror answered 5xx (down, overloaded)
	ClassBadResponse Class = "bad-response" // 200, but not what the module protocol says
	ClassNetwork     Class = "network"      // another connection failure (reset, unreachable)
	ClassBadRequest  Class = "bad-request"  // the probe itself is malformed (bad URL or module)
)

// Error is a classified probe failure with a message a person can act on.
type Error struct {
	Class   Class    `json:"class"`
	Step    StepName `json:"step,omitempty"`
	Status  int      `json:"status,omitempty"`
	Message string   `json:"message"` // Detail in English
	// Detail is Message as a core text (code and arguments), so that the
	// GUI and the CLI show it in the user's language (see Text).
	Detail core.Text `json:"-"`
}

// badRequest is a probe that cannot be made: the text code with args.
func badRequest(code string, args map[string]string) *Error {
	return (&Error{Class: ClassBadRequest}).detail(code, args)
}

// Text returns e's message in l (its Message for an Error made without a
// Detail).
func (e *Error) Text(l *core.Lang) string {
	if e.Detail.Code == "" {
		return e.Message
	}
	return l.Text(e.Detail, e.Message)
}

// Localize returns e in l, as Error does in English.
func (e *Error) Localize(l *core.Lang) string {
	if e.Step == "" {
		return string(e.Class) + ": " + e.Text(l)
	}
	return fmt.Sprintf("%s (%s): %s", e.Step, e.Class, e.Text(l))
}

// detail sets e's Detail and its English Message.
func (e *Error) detail(code string, args map[string]string) *Error {
	e.Detail = core.NewText(code, args)
	e.Message = e.Detail.String()
	return e
}

// Error returns e in English: its step, class and Message.
func (e *Error) Error() string { return e.Localize(core.English) }

// statusError classifies a non-200 answer.
func statusError(step StepName, status int, body []byte) *Error {
	e := &Error{Step: step, Status: status, Class: ClassHTTP4xx}
	args := map[string]string{"Status": fmt.Sprintf("%d %s", status, http.StatusText(status))}
	switch {
	case status == http.StatusProxyAuthRequired:
		e.Class = ClassProxyAuth
		e.detail("probe.status-proxy-auth", args)
	case status >= 500:
		e.Class = ClassHTTP5xx
		e.detail("probe.status-5xx", args)
	case status == http.StatusNotFound || status == http.StatusGone:
		if htmlHint(body) != "" {
			args["HTML"] = "yes"
		}
		e.detail("probe.status-not-found", args)
	case status == 418:
		e.detail("probe.status-418", args)
	default:
		e.detail("probe.status-refused", args)
	}
	return e
}

// classify turns a transport error into an Error. ctx is the request's
// context (with its timeout); tl tells which phase the request reached.
func classify(ctx context.Context, step StepName, tl *timeline, err error) *Error {
	e := &Error{Step: step, Class: classOf(ctx, tl, err)}
	e.advise(err)
	return e
}

func classOf(ctx context.Context, tl *timeline, err error) Class {
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr) && !dnsErr.IsTimeout:
		return ClassDNS
	case isTimeout(ctx, err):
		return ClassTimeout
	case errors.Is(err, syscall.ECONNREFUSED):
		return ClassRefused
	case strings.Contains(err.Error(), http.StatusText(http.StatusProxyAuthRequired)):
		return ClassProxyAuth // the proxy refused CONNECT with 407
	case isTLS(err) || tl.tlsFailed || (!tl.tlsStart.IsZero() && tl.tlsDone.IsZero()):
		return ClassTLS
	}
	return ClassNetwork
}

func isTimeout(ctx context.Context, err error) bool {
	var ne net.Error
	return ctx.Err() == context.DeadlineExceeded || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout())
}

func isTLS(err error) bool {
	var (
		verr  *tls.CertificateVerificationError
		rerr  tls.RecordHeaderError
		aerr  tls.AlertError
		uaerr x509.UnknownAuthorityError
		herr  x509.HostnameError
	)
	return errors.As(err, &verr) || errors.As(err, &rerr) || errors.As(err, &aerr) ||
		errors.As(err, &uaerr) || errors.As(err, &herr)
}

// adviceCodes are the texts of the transport failure classes.
var adviceCodes = map[Class]string{
	ClassDNS: "probe.dns", ClassTimeout: "probe.timeout", ClassRefused: "probe.refused",
	ClassProxyAuth: "probe.proxy-auth", ClassTLS: "probe.tls",
}

// advise sets the user-facing message for e's class, ending with err.
func (e *Error) advise(err error) {
	code, ok := adviceCodes[e.Class]
	if !ok {
		code = "probe.network"
	}
	e.detail(code, map[string]string{"Cause": err.Error()})
}
