// Package rpckeyring lends a keyring to another process over a private
// socket. Tests use it to give helper binaries go-keyring's in-memory mock,
// which lives only in the test process, instead of the user's keyring and
// without writing any secret to a file.
package rpckeyring

import (
	"errors"
	"net"
	"net/rpc"

	"github.com/gomirror/gomirror/core/private/cred"
)

// EnvVar names the environment variable that carries the socket path.
const EnvVar = "GOMIRROR_TEST_KEYRING"

// Keyring is the RPC service; its methods follow net/rpc's rules.
type Keyring struct{ k cred.Keyring }

// Args are the arguments of every call.
type Args struct{ Service, Account, Secret string }

// Get returns the secret.
func (s *Keyring) Get(a Args, reply *string) (err error) {
	*reply, err = s.k.Get(a.Service, a.Account)
	return plain(err)
}

// Set stores the secret.
func (s *Keyring) Set(a Args, _ *struct{}) error {
	return plain(s.k.Set(a.Service, a.Account, a.Secret))
}

// Delete removes the secret.
func (s *Keyring) Delete(a Args, _ *struct{}) error { return plain(s.k.Delete(a.Service, a.Account)) }

func plain(err error) error {
	if errors.Is(err, cred.ErrNotFound) {
		return cred.ErrNotFound
	}
	return err
}

// Serve serves k on ln until ln is closed.
func Serve(ln net.Listener, k cred.Keyring) {
	srv := rpc.NewServer()
	srv.RegisterName("Keyring", &Keyring{k})
	srv.Accept(ln)
}

// Client is a cred.Keyring served by Serve in another process.
type Client struct{ c *rpc.Client }

// Dial connects to the unix socket at path.
func Dial(path string) (*Client, error) {
	c, err := rpc.Dial("unix", path)
	return &Client{c}, err
}

// Close closes the connection.
func (c *Client) Close() error { return c.c.Close() }

// Get returns the secret.
func (c *Client) Get(service, account string) (string, error) {
	var s string
	err := c.c.Call("Keyring.Get", Args{service, account, ""}, &s)
	return s, kind(err)
}

// Set stores the secret.
func (c *Client) Set(service, account, secret string) error {
	return kind(c.c.Call("Keyring.Set", Args{service, account, secret}, &struct{}{}))
}

// Delete removes the secret.
func (c *Client) Delete(service, account string) error {
	return kind(c.c.Call("Keyring.Delete", Args{service, account, ""}, &struct{}{}))
}

func kind(err error) error {
	if err != nil && err.Error() == cred.ErrNotFound.Error() {
		return &cred.KeyringError{Kind: cred.ErrNotFound}
	}
	return err
}
