// Package goauth serves stored credentials to the go command through its
// GOAUTH command protocol (go help goauth; cmd/go/internal/auth), and
// computes a GOAUTH value that runs the helper.
//
// The go command runs each GOAUTH command once before its first HTTPS
// request, with no arguments and no input, and again after any 4xx response,
// with the URL as the last argument and the response's status line and
// headers on stdin. The command prints blocks of https URL lines, a blank
// line, header lines and a blank line; the go command then sends those
// headers to every URL under the longest matching prefix.
//
// Serve answers the first call with every stored credential, as the netrc
// method does, so servers that never answer 401 (some hide private
// repositories behind a 200 or a redirect) still get them; a retry call
// gets only the credential whose host and path prefix match the URL. Only
// https URLs ever get an answer.
package goauth

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// Source is where Serve finds credentials; *cred.Store is one.
type Source interface {
	All() ([]cred.Credential, error)
	Lookup(rawURL string) (cred.Credential, error)
}

// ErrUsage is returned for a call with more than one argument.
var ErrUsage error = core.NewError("goauth.usage", nil, nil)

// Serve runs one GOAUTH call: args are the arguments after the helper's own
// command words (none on the first call, the URL on a retry), stdin is the
// go command's input and stdout receives the credential blocks. Problems
// that leave other credentials usable are written to stderr in l (English
// if nil). Serve never writes a secret anywhere but stdout.
func Serve(args []string, stdin io.Reader, stdout, stderr io.Writer, src Source, l *core.Lang) error {
	switch len(args) {
	case 0:
		return serveAll(stdout, stderr, src, l)
	case 1:
		if stdin != nil {
			// The response only tells why the request failed; any 4xx
			// deserves the credential, so a malformed one is no reason to
			// refuse. Read it all so the go command never blocks writing.
			_, _ = ParseResponse(stdin)
		}
		return serveURL(args[0], stdout, src)
	}
	return ErrUsage
}

func serveAll(stdout, stderr io.Writer, src Source, l *core.Lang) error {
	cs, err := src.All()
	if err != nil && len(cs) == 0 {
		return err
	}
	if err != nil {
		if l == nil {
			l = core.English
		}
		fmt.Fprintln(stderr, "goauth: "+l.Error(core.NewError("goauth.left-out", nil, err)))
	}
	w := bufio.NewWriter(stdout)
	for _, c := range cs {
		writeBlock(w, []string{"https://" + c.Prefix}, c)
	}
	return w.Flush()
}

func serveURL(raw string, stdout io.Writer, src Source) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.User != nil || u.Host == "" {
		return nil // never answer for http or anything odd
	}
	c, err := src.Lookup(raw)
	if errors.Is(err, cred.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	p, err := cred.ParsePrefix(c.Prefix)
	if err != nil {
		return nil
	}
	w := bufio.NewWriter(stdout)
	writeBlock(w, answerURLs(u, p), c)
	return w.Flush()
}

// answerURLs returns the URL lines that make the go command use the
// credential for u: the prefix (with u's spelling of the host), plus u
// itself when the go command's lookup, which strips "https://" and a
// trailing slash and then cuts at each '/', would not reach the prefix
// (for example when u has a query: "host/repo?go-get=1").
func answerURLs(u *url.URL, p cred.Prefix) []string {
	key := u.Host + p.Path
	lines := []string{"https://" + key}
	reqKey := strings.TrimSuffix(strings.TrimPrefix(u.String(), "https://"), "/")
	if reqKey != key && !strings.HasPrefix(reqKey, key+"/") {
		lines = append(lines, u.String())
	}
	return lines
}

// writeBlock writes one credential set: URL lines, a blank line, the
// Authorization header and a blank line.
func writeBlock(w io.Writer, urls []string, c cred.Credential) {
	for _, u := range urls {
		fmt.Fprintln(w, u)
	}
	fmt.Fprintf(w, "\nAuthorization: %s\n\n", BasicAuth(c.User, c.Secret))
}

// BasicAuth returns the value of an HTTP Basic Authorization header.
func BasicAuth(user string, secret cred.Secret) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+secret.Reveal()))
}

// Response is what the go command writes to a retry call's stdin.
type Response struct {
	Proto      string
	StatusCode int
	Header     http.Header
}

// ParseResponse reads the status line and headers the go command writes on
// a retry call ("HTTP/1.1 401 Unauthorized\n", header lines, a blank line).
func ParseResponse(r io.Reader) (*Response, error) {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil, err
	}
	res, err := http.ReadResponse(bufio.NewReader(strings.NewReader(string(data))), nil)
	if err != nil {
		return nil, core.NewError("goauth.read-response", nil, err)
	}
	res.Body.Close()
	return &Response{Proto: res.Proto, StatusCode: res.StatusCode, Header: res.Header}, nil
}
