package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/goauth"
)

// keyringTimeout bounds each keyring operation: a locked Secret Service may
// wait for an unlock prompt that is never shown.
const keyringTimeout = 20 * time.Second

// checkTimeout bounds "cred test".
const checkTimeout = 30 * time.Second

var credCmd = &command{
	name: "cred",
	args: "set HOST[/PREFIX] --user NAME | list [--json] | rm HOST[/PREFIX] | test HOST[/PREFIX] URL",
	run:  runCred,
}

// credList is the JSON form of "cred list".
type credList struct {
	Credentials []cred.Entry `json:"credentials"`
}

// runCred implements "gomirrorctl cred".
func runCred(c *cli, cmd *command, args []string) int {
	fs := newFlagSet(cmd)
	user := fs.String("user", "", "")
	jsonOut := fs.Bool("json", false, "")
	pos, code, ok := c.parse(cmd, fs, args)
	if !ok {
		return code
	}
	store, err := c.credStore()
	if err != nil {
		return c.fail(cmd, err)
	}
	sub, rest := "", []string(nil)
	if len(pos) > 0 {
		sub, rest = pos[0], pos[1:]
	}
	switch {
	case sub == "set" && len(rest) == 1:
		return c.credSet(cmd, store, rest[0], *user)
	case sub == "list" && len(rest) == 0:
		return c.credList(cmd, store, *jsonOut)
	case sub == "rm" && len(rest) == 1:
		return c.credRemove(cmd, store, rest[0])
	case sub == "test" && len(rest) == 2:
		return c.credTest(cmd, store, rest[0], rest[1])
	}
	fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, say("cred-expected"))
	printCommandUsage(c.stderr, cmd)
	return exitRefused
}

// credStore is the credential store in Go Mirror's configuration directory,
// backed by the OS keyring.
func (c *cli) credStore() (*cred.Store, error) {
	dir, err := c.service().ConfigDir()
	if err != nil {
		return nil, err
	}
	return &cred.Store{Dir: dir, Keyring: cred.OSKeyring{Timeout: keyringTimeout}}, nil
}

// credSet implements "cred set".
func (c *cli) credSet(cmd *command, store *cred.Store, prefix, user string) int {
	if user == "" {
		fmt.Fprintf(c.stderr, "gomirrorctl %s set: %s\n", cmd.name, say("cred-need-user"))
		return exitRefused
	}
	if _, err := cred.ParsePrefix(prefix); err != nil {
		return c.credFail(cmd, err)
	}
	secret, err := readSecret(c.stdin(), c.stderr, say("cred-prompt", "User", user, "Prefix", prefix))
	if err != nil {
		return c.credFail(cmd, err)
	}
	e, err := store.Set(prefix, user, secret, "")
	if err != nil {
		return c.credFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say("cred-stored", "Prefix", e.Prefix, "User", e.User))
	return exitOK
}

// credList implements "cred list".
func (c *cli) credList(cmd *command, store *cred.Store, jsonOut bool) int {
	es, err := store.List()
	if err != nil {
		return c.credFail(cmd, err)
	}
	if es == nil {
		es = []cred.Entry{}
	}
	if jsonOut {
		if err := writeJSON(c.stdout, credList{Credentials: es}); err != nil {
			return c.fail(cmd, err)
		}
		return exitOK
	}
	if len(es) == 0 {
		fmt.Fprintln(c.stdout, say("cred-none"))
		return exitOK
	}
	tw := newTable(c.stdout)
	fmt.Fprintln(tw, header("PREFIX\tUSER\tSECRET\tUPDATED\tORIGIN"))
	for _, e := range es {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Prefix, e.User, cred.Secret(""), e.Updated.Format(time.DateTime), e.Origin)
	}
	tw.Flush()
	return exitOK
}

// credRemove implements "cred rm".
func (c *cli) credRemove(cmd *command, store *cred.Store, prefix string) int {
	if err := store.Delete(prefix); err != nil {
		return c.credFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say("cred-removed", "Prefix", prefix))
	return exitOK
}

// credTest implements "cred test".
func (c *cli) credTest(cmd *command, store *cred.Store, prefix, url string) int {
	cr, err := store.Get(prefix)
	if err != nil {
		return c.credFail(cmd, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
	defer cancel()
	code, err := goauth.Check(ctx, &http.Client{Timeout: checkTimeout}, url, cr)
	if err != nil {
		return c.credFail(cmd, err)
	}
	fmt.Fprintln(c.stdout, say("cred-answered", "URL", url, "Code", strconv.Itoa(code), "Status", http.StatusText(code), "Verdict", checkVerdict(code)))
	if code == http.StatusUnauthorized || code == http.StatusForbidden {
		return exitFailure
	}
	return exitOK
}

// checkVerdict says what a status code means for the credential.
func checkVerdict(code int) string {
	switch {
	case code == http.StatusOK:
		return say("cred-accepted")
	case code == http.StatusNotFound || code == http.StatusGone:
		return say("cred-accepted-nothing-here")
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return say("cred-refused")
	}
	return say("cred-uncertain")
}

// credFail reports a credential error: refused input (a bad prefix, user
// or secret, or a credential that does not exist) exits 2, anything else,
// such as a missing or locked keyring, exits 1.
func (c *cli) credFail(cmd *command, err error) int {
	fmt.Fprintf(c.stderr, "gomirrorctl %s: %s\n", cmd.name, msgs.Error(err))
	for _, refused := range []error{cred.ErrInvalidPrefix, cred.ErrBadUser, cred.ErrEmptySecret, errNoSecret} {
		if errors.Is(err, refused) {
			return exitRefused
		}
	}
	var ke *cred.KeyringError
	if errors.Is(err, cred.ErrNotFound) && !errors.As(err, &ke) {
		return exitRefused
	}
	return exitFailure
}
