// Package gitcred serves the credential store to git through git's
// credential-helper protocol (gitcredentials(7), git-credential(1)), so
// that direct fetches of private repositories use the same keyring entries
// as the GOAUTH helper. git runs "HELPER get|store|erase" with key=value
// lines on stdin, ended by a blank line or end of input.
package gitcred

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// HelperArg is the argument that selects the git helper in gomirrorctl.
const HelperArg = "git-credential"

// Store is the part of *cred.Store the helper uses.
type Store interface {
	Prefixes() ([]cred.Prefix, []cred.Entry, error)
	Get(prefix string) (cred.Credential, error)
	Set(prefix, user string, secret cred.Secret, origin string) (cred.Entry, error)
	Delete(prefix string) error
}

// Request is what git sends: the attributes this helper uses.
type Request struct {
	Protocol string
	Host     string // with ":port" if any
	Path     string // without a leading '/'; only with credential.useHttpPath
	Username string
	Password cred.Secret
}

// ErrBadInput is wrapped by errors of ParseRequest.
var ErrBadInput error = core.NewError("gitcred.bad-input", nil, nil)

// ParseRequest reads key=value lines up to a blank line or the end. Unknown
// keys (capability[], wwwauth[], ...) are ignored; a url= attribute is
// broken into its parts, as git does.
func ParseRequest(r io.Reader) (Request, error) {
	var q Request
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			break
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return Request{}, core.NewError("gitcred.no-equals", nil, ErrBadInput)
		}
		if err := q.set(k, v); err != nil {
			return Request{}, err
		}
	}
	return q, sc.Err()
}

func (q *Request) set(k, v string) error {
	switch k {
	case "protocol":
		q.Protocol = v
	case "host":
		q.Host = v
	case "path":
		q.Path = strings.TrimPrefix(v, "/")
	case "username":
		q.Username = v
	case "password":
		q.Password = cred.Secret(v)
	case "url":
		u, err := url.Parse(v)
		if err != nil {
			return core.NewError("gitcred.bad-url", nil, ErrBadInput)
		}
		q.Protocol, q.Host, q.Path = u.Scheme, u.Host, strings.TrimPrefix(u.Path, "/")
		if u.User != nil {
			q.Username = u.User.Username()
		}
	}
	return nil
}

// prefix returns host[/path] as a credential prefix.
func (q Request) prefix() string {
	if q.Path == "" {
		return q.Host
	}
	return q.Host + "/" + q.Path
}

// Serve runs one helper action ("get", "store" or "erase"). It only ever
// acts on https requests; unknown actions are ignored, as git expects of
// helpers.
func Serve(action string, stdin io.Reader, stdout io.Writer, s Store) error {
	q, err := ParseRequest(stdin)
	if err != nil {
		return err
	}
	if q.Protocol != "https" || q.Host == "" || strings.ContainsAny(q.Host, "/@") {
		return nil
	}
	switch action {
	case "get":
		return get(q, stdout, s)
	case "store":
		return store(q, s)
	case "erase":
		return erase(q, s)
	}
	return nil
}

// get answers with the credential for the host and, when git sends a path,
// the longest matching path prefix. Without a path only host-wide
// credentials apply.
func get(q Request, w io.Writer, s Store) error {
	ps, es, err := s.Prefixes()
	if err != nil {
		return err
	}
	best := -1
	if q.Path == "" {
		for i, p := range ps {
			if p.Path == "" && strings.EqualFold(p.Host, q.Host) {
				best = i
			}
		}
	} else {
		best = cred.Longest(ps, "https://"+q.prefix())
	}
	if best < 0 || q.Username != "" && q.Username != es[best].User {
		return nil
	}
	c, err := s.Get(es[best].Prefix)
	if errors.Is(err, cred.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if strings.ContainsAny(c.User+c.Secret.Reveal(), "\n\x00") {
		return core.NewError("gitcred.line-break", map[string]string{"Prefix": c.Prefix}, nil)
	}
	_, err = fmt.Fprintf(w, "username=%s\npassword=%s\n", c.User, c.Secret.Reveal())
	return err
}

// store saves a credential git has just used successfully, unless the same
// one is already stored.
func store(q Request, s Store) error {
	if q.Username == "" || q.Password == "" {
		return nil
	}
	if c, err := s.Get(q.prefix()); err == nil && c.User == q.Username && c.Secret == q.Password {
		return nil
	}
	_, err := s.Set(q.prefix(), q.Username, q.Password, "stored by git")
	return err
}

// erase removes the credential git reports as rejected, but only if it is
// the one stored: same prefix, and the same user and secret when git sends
// them.
func erase(q Request, s Store) error {
	c, err := s.Get(q.prefix())
	if errors.Is(err, cred.ErrNotFound) || errors.Is(err, cred.ErrInvalidPrefix) {
		return nil
	}
	if err != nil {
		return err
	}
	if q.Username != "" && q.Username != c.User || q.Password != "" && q.Password != c.Secret {
		return nil
	}
	return s.Delete(c.Prefix)
}

// HelperValue returns the value of git's credential.helper setting that runs
// "EXE git-credential": a shell snippet ("!" prefix) with the path quoted
// for sh, so that paths with spaces work (git runs helpers through the
// shell, Git for Windows' sh included).
func HelperValue(exe string) string {
	return "!" + core.ShellQuote(exe) + " " + HelperArg
}

// SetupArgs returns the git commands (argv after "git") that make git use
// the helper for each host that has a stored credential, scoped to that
// host, and send paths for hosts whose credentials have a path prefix.
func SetupArgs(exe string, prefixes []cred.Prefix) [][]string {
	var out [][]string
	done := map[string]bool{}
	for _, p := range prefixes {
		key := "credential.https://" + p.Host
		if !done[p.Host] {
			done[p.Host] = true
			out = append(out, []string{"config", "--global", "--replace-all", key + ".helper", HelperValue(exe), "gomirrorctl"})
		}
		if p.Path != "" && !done[p.Host+"/path"] {
			done[p.Host+"/path"] = true
			out = append(out, []string{"config", "--global", key + ".useHttpPath", "true"})
		}
	}
	return out
}

// CommandLine returns the git command with args (argv after "git") as it
// is typed in a POSIX shell.
func CommandLine(args []string) string {
	return core.ShellLine(append([]string{"git"}, args...)...)
}

// RunSetup runs the git commands of SetupArgs in order with the
// environment env, first calling before, if not nil, with each command's
// CommandLine. It stops at the first command that fails.
func RunSetup(env []string, cmds [][]string, before func(line string)) error {
	for _, args := range cmds {
		if before != nil {
			before(CommandLine(args))
		}
		git := exec.Command("git", args...)
		git.Env = env
		core.HideConsole(git)
		if out, err := git.CombinedOutput(); err != nil {
			return core.NewError("gitcred.git-failed", map[string]string{
				"Command": strings.Join(args[:min(2, len(args))], " "), "Output": strings.TrimSpace(string(out))}, err)
		}
	}
	return nil
}
