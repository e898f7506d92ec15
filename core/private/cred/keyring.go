package cred

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/gomirror/gomirror/core"
)

// Keyring is the small part of an OS keyring Go Mirror needs. Secrets are
// addressed by a service name and an account name.
type Keyring interface {
	Set(service, account, secret string) error
	Get(service, account string) (string, error)
	Delete(service, account string) error
}

// Sentinel errors. Errors from a Keyring wrap one of them (test with
// errors.Is) and carry a message a person can act on.
var (
	ErrNotFound       error = core.NewError("cred.not-found", nil, nil)
	ErrNoSessionBus   error = core.NewError("cred.no-session-bus", nil, nil)
	ErrNoSecretSvc    error = core.NewError("cred.no-secret-service", nil, nil)
	ErrLocked         error = core.NewError("cred.locked", nil, nil)
	ErrTimeout        error = core.NewError("cred.timeout", nil, nil)
	ErrTooBig         error = core.NewError("cred.too-big", nil, nil)
	ErrUnsupported    error = core.NewError("cred.unsupported", nil, nil)
	ErrKeyringFailure error = core.NewError("cred.keyring-failure", nil, nil)
)

// KeyringError is an error of the OS keyring, classified by Kind (one of
// the sentinel errors) and keeping the keyring's own error for the log.
type KeyringError struct {
	Op   string // "set", "get" or "delete"
	Kind error
	Err  error
}

func (e *KeyringError) Error() string { return e.Localize(core.English) }

// Localize returns e in l: its kind in l, then the keyring's own error as
// it is.
func (e *KeyringError) Localize(l *core.Lang) string {
	if e.Err == nil {
		return l.Error(e.Kind)
	}
	return fmt.Sprintf("%s (keyring %s: %v)", l.Error(e.Kind), e.Op, e.Err)
}

// Unwrap returns the kind and the keyring's error.
func (e *KeyringError) Unwrap() []error { return []error{e.Kind, e.Err} }

// OSKeyring is the OS keyring (macOS Keychain, Windows Credential Manager,
// or the Secret Service on Linux and BSD) through
// github.com/zalando/go-keyring, with its errors classified. In tests, call
// keyring.MockInit first to replace it with an in-memory store.
type OSKeyring struct {
	// Timeout bounds each operation; zero means no limit. A Secret Service
	// whose keyring is locked may wait for a prompt that is never answered.
	Timeout time.Duration
}

// Set stores secret.
func (k OSKeyring) Set(service, account, secret string) error {
	return k.do("set", func() error { return keyring.Set(service, account, secret) })
}

// Get returns the stored secret.
func (k OSKeyring) Get(service, account string) (string, error) {
	var s string
	err := k.do("get", func() (err error) { s, err = keyring.Get(service, account); return err })
	return s, err
}

// Delete removes the secret.
func (k OSKeyring) Delete(service, account string) error {
	return k.do("delete", func() error { return keyring.Delete(service, account) })
}

func (k OSKeyring) do(op string, f func() error) error {
	if k.Timeout <= 0 {
		return classifyFor(runtime.GOOS, op, f())
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	t := time.NewTimer(k.Timeout)
	defer t.Stop()
	select {
	case err := <-done:
		return classifyFor(runtime.GOOS, op, err)
	case <-t.C:
		return &KeyringError{Op: op, Kind: ErrTimeout}
	}
}

// classifyFor maps go-keyring's, the Keychain's and D-Bus's errors on goos
// to the sentinel errors.
func classifyFor(goos, op string, err error) error {
	if err == nil {
		return nil
	}
	if goos == "darwin" && keychainLocked(err) {
		return &KeyringError{Op: op, Kind: ErrLocked, Err: err}
	}
	kind := ErrKeyringFailure
	switch msg := err.Error(); {
	case errors.Is(err, keyring.ErrNotFound):
		kind = ErrNotFound
	case errors.Is(err, keyring.ErrSetDataTooBig):
		kind = ErrTooBig
	case errors.Is(err, keyring.ErrUnsupportedPlatform):
		kind = ErrUnsupported
	case containsAny(msg, "org.freedesktop.secrets was not provided", "ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"):
		kind = ErrNoSecretSvc
	case containsAny(msg, "dbus-launch", "DBUS_SESSION_BUS_ADDRESS", "connect: no such file", "connect: connection refused", "autolaunch"):
		kind = ErrNoSessionBus
	case containsAny(msg, "failed to unlock", "is locked", "User interaction is not allowed", "user canceled", "Dismissed"):
		kind = ErrLocked
	}
	if kind == ErrNotFound {
		return &KeyringError{Op: op, Kind: kind}
	}
	return &KeyringError{Op: op, Kind: kind, Err: err}
}

// keychainLocked reports an error of macOS's security tool (which go-keyring
// runs, keeping only its exit status: the OSStatus truncated to a byte) for
// a keychain that would not open: 36, errSecInteractionNotAllowed (-25308),
// a locked keychain that cannot show its unlock dialog, as in an ssh
// session or a LaunchAgent; 51, errSecAuthFailed (-25293), "The user name
// or passphrase you entered is not correct."; 128, errSecUserCanceled
// (-128), the unlock dialog dismissed.
func keychainLocked(err error) bool {
	var exit interface{ ExitCode() int }
	if errors.As(err, &exit) {
		switch exit.ExitCode() {
		case 36, 51, 128:
			return true
		}
		return false
	}
	switch err.Error() {
	case "exit status 36", "exit status 51", "exit status 128":
		return true
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Secret is a password or token. It prints as a mask with every fmt verb
// and marshals to JSON as a mask, so it cannot leak into logs by accident;
// Reveal returns the real value.
type Secret string

const mask = "********"

// String returns a mask.
func (Secret) String() string { return mask }

// GoString returns a mask.
func (Secret) GoString() string { return mask }

// Format prints a mask for every verb.
func (Secret) Format(f fmt.State, _ rune) { f.Write([]byte(mask)) }

// MarshalJSON returns a mask.
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + mask + `"`), nil }

// Reveal returns the secret itself. Call it only to hand the secret to the
// keyring or to put it in an HTTP header.
func (s Secret) Reveal() string { return string(s) }
