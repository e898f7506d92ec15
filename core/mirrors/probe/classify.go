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
	Message string   `json:"message"`
}

func (e *Error) Error() string {
	if e.Step == "" {
		return string(e.Class) + ": " + e.Message
	}
	return fmt.Sprintf("%s (%s): %s", e.Step, e.Class, e.Message)
}

// statusError classifies a non-200 answer.
func statusError(step StepName, status int, body []byte) *Error {
	e := &Error{Step: step, Status: status, Class: ClassHTTP4xx}
	text := fmt.Sprintf("%d %s", status, http.StatusText(status))
	switch {
	case status == http.StatusProxyAuthRequired:
		e.Class, e.Message = ClassProxyAuth, text+": the HTTP proxy (HTTPS_PROXY/HTTP_PROXY) wants credentials; put them in the proxy URL or use a proxy that does not need them"
	case status >= 500:
		e.Class, e.Message = ClassHTTP5xx, text+": the mirror is failing or overloaded; try again later or put another mirror first"
	case status == http.StatusNotFound || status == http.StatusGone:
		e.Message = text + ": the mirror does not have the probe module; check the mirror URL's path" + htmlHint(body)
	case status == 418:
		e.Message = text + ": the mirror refuses this URL (some operators answer 418 at a retired address); check the operator's current URL"
	default:
		e.Message = text + ": the mirror refused the request"
	}
	return e
}

// classify turns a transport error into an Error. ctx is the request's
// context (with its timeout); tl tells which phase the request reached.
func classify(ctx context.Context, step StepName, tl *timeline, err error) *Error {
	e := &Error{Step: step, Class: classOf(ctx, tl, err)}
	e.Message = advice(e.Class, err)
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

// advice is the user-facing message for a class.
func advice(c Class, err error) string {
	var hint string
	switch c {
	case ClassDNS:
		hint = "the host name does not resolve; check the spelling, your DNS, or your VPN"
	case ClassTimeout:
		hint = "no complete answer in time; the mirror may be blocked or overloaded from your network"
	case ClassRefused:
		hint = "nothing accepts connections at that address; check the host and port"
	case ClassProxyAuth:
		hint = "the HTTP proxy (HTTPS_PROXY) wants credentials; put them in the proxy URL or use a proxy that does not need them"
	case ClassTLS:
		hint = "the secure connection failed; a firewall or proxy may intercept it, or the certificate is not trusted"
	default:
		hint = "the connection failed"
	}
	return hint + " (" + err.Error() + ")"
}
