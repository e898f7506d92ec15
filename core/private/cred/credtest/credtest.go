// Package credtest provides an in-memory cred.Keyring for tests, which can
// be told to fail like an OS keyring that is missing or locked.
package credtest

import (
	"maps"
	"sync"

	"github.com/gomirror/gomirror/core/private/cred"
)

// Keyring is an in-memory cred.Keyring. With Err set, every call fails
// with it; a missing secret is a *cred.KeyringError of kind
// cred.ErrNotFound, as from the OS keyring.
type Keyring struct {
	mu      sync.Mutex
	secrets map[[2]string]string
	Err     error
}

// Failing returns the error of a keyring that cannot be reached: no D-Bus
// session bus.
func Failing() error {
	return &cred.KeyringError{Op: "get", Kind: cred.ErrNoSessionBus}
}

// Set stores secret.
func (k *Keyring) Set(service, account, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Err != nil {
		return k.Err
	}
	if k.secrets == nil {
		k.secrets = map[[2]string]string{}
	}
	k.secrets[[2]string{service, account}] = secret
	return nil
}

// Get returns the stored secret.
func (k *Keyring) Get(service, account string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Err != nil {
		return "", k.Err
	}
	s, ok := k.secrets[[2]string{service, account}]
	if !ok {
		return "", &cred.KeyringError{Op: "get", Kind: cred.ErrNotFound}
	}
	return s, nil
}

// Delete removes the secret.
func (k *Keyring) Delete(service, account string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Err != nil {
		return k.Err
	}
	if _, ok := k.secrets[[2]string{service, account}]; !ok {
		return &cred.KeyringError{Op: "delete", Kind: cred.ErrNotFound}
	}
	delete(k.secrets, [2]string{service, account})
	return nil
}

// Secrets returns a copy of what the keyring holds, by service and account.
func (k *Keyring) Secrets() map[[2]string]string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return maps.Clone(k.secrets)
}
