package history

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// This file keeps secrets out of the entry files. An entry whose values
// hold user information of a URL (a password or token, as
// core.MaskUserinfo finds it) is written with its summary and changes
// masked and its bytes before and after (or registry values) sealed with
// AES-256-GCM under a key kept only in the OS keyring, one key per
// history directory. Entries without secrets are written as before and
// need no keyring.

// Sealed is the encrypted part of an entry that held a secret: the JSON of
// its summary, changes, bytes before and after and registry change,
// sealed with AES-256-GCM under the key the keyring keeps as Account of
// service cred.Service, with the entry's ID and file as additional data.
type Sealed struct {
	Account string `json:"account"`
	Nonce   []byte `json:"nonce"`
	Data    []byte `json:"data"`
}

// sealedPart is what Sealed.Data holds.
type sealedPart struct {
	Summary  string          `json:"summary"`
	Changes  []Change        `json:"changes"`
	Before   []byte          `json:"before"`
	After    []byte          `json:"after"`
	Registry *RegistryChange `json:"registry,omitempty"`
}

// KeyringError reports that an entry holding a secret could not be
// recorded because the OS keyring, which must keep its key, is missing or
// failed (Err, nil when the store has no keyring). Nothing was written.
type KeyringError struct{ Err error }

func (e *KeyringError) Error() string { return e.Localize(core.English) }

// Localize returns e in l: the keyring's error, or that there is none.
func (e *KeyringError) Localize(l *core.Lang) string {
	if e.Err == nil {
		return l.Error(core.NewError("history.no-keyring", nil, nil))
	}
	return l.Error(e.Err)
}

// Unwrap returns the keyring's error.
func (e *KeyringError) Unwrap() error { return e.Err }

// HasSecret reports whether e holds user information of a URL (a password
// or token) in its bytes, changes, summary or registry values.
func HasSecret(e Entry) bool {
	secret := func(s string) bool { return s != "" && core.MaskUserinfo(s) != s }
	if secret(string(e.Before)) || secret(string(e.After)) || secret(e.Summary) {
		return true
	}
	for _, c := range e.Changes {
		if secret(c.Old) || secret(c.New) {
			return true
		}
	}
	if r := e.Registry; r != nil {
		for _, v := range []*RegistryValue{r.Before, r.After} {
			if v != nil && secret(v.Data) {
				return true
			}
		}
	}
	return false
}

// KeyAccount is the keyring account (of service cred.Service) of the key
// that seals the directory's entries: "history-key:" and a hash of its
// absolute path.
func (s *Store) KeyAccount() string {
	dir, err := filepath.Abs(s.Dir)
	if err != nil {
		dir = s.Dir
	}
	sum := sha256.Sum256([]byte(filepath.Clean(dir)))
	return "history-key:" + hex.EncodeToString(sum[:16])
}

// key returns the key of account, creating it when create and the keyring
// has none.
func (s *Store) key(account string, create bool) ([]byte, error) {
	if s.Keyring == nil {
		return nil, nil
	}
	v, err := s.Keyring.Get(cred.Service, account)
	if err == nil {
		k, derr := base64.StdEncoding.DecodeString(v)
		if derr != nil || len(k) != 32 {
			return nil, core.NewError("history.bad-key", nil, derr)
		}
		return k, nil
	}
	if !create || !errors.Is(err, cred.ErrNotFound) {
		return nil, err
	}
	k := make([]byte, 32)
	rand.Read(k)
	if err := s.Keyring.Set(cred.Service, account, base64.StdEncoding.EncodeToString(k)); err != nil {
		return nil, err
	}
	return k, nil
}

func aad(e Entry) []byte { return []byte(e.ID + "\x00" + e.File) }

// seal returns the entry to write for e: e itself if it holds no secret,
// else e with its secrets sealed and only masked text left.
func (s *Store) seal(e Entry) (Entry, error) {
	e.Sealed, e.Locked = nil, nil
	if !HasSecret(e) {
		return e, nil
	}
	if s.Keyring == nil {
		return e, &KeyringError{}
	}
	account := s.KeyAccount()
	k, err := s.key(account, true)
	if err != nil {
		return e, &KeyringError{Err: err}
	}
	plain, err := json.Marshal(sealedPart{e.Summary, e.Changes, e.Before, e.After, e.Registry})
	if err != nil {
		return e, err
	}
	gcm, err := newGCM(k)
	if err != nil {
		return e, err
	}
	nonce := make([]byte, gcm.NonceSize())
	rand.Read(nonce)
	out := e
	out.Sealed = &Sealed{Account: account, Nonce: nonce, Data: gcm.Seal(nil, nonce, plain, aad(e))}
	out.Summary = core.MaskUserinfo(e.Summary)
	out.Changes = make([]Change, len(e.Changes))
	for i, c := range e.Changes {
		c.Old, c.New = core.MaskUserinfo(c.Old), core.MaskUserinfo(c.New)
		out.Changes[i] = c
	}
	out.Before, out.After = nil, nil
	if r := e.Registry; r != nil {
		m := *r
		m.Before, m.After = maskValue(r.Before), maskValue(r.After)
		out.Registry = &m
	}
	return out, nil
}

func maskValue(v *RegistryValue) *RegistryValue {
	if v == nil {
		return nil
	}
	return &RegistryValue{Data: core.MaskUserinfo(v.Data), Type: v.Type}
}

// keyCache holds the keys (or the keyring's errors) by account while a
// store reads its entries, so that listing a hundred sealed entries asks
// the keyring once, and a locked keyring does not make each wait.
type keyCache map[string]struct {
	key []byte
	err error
}

// open opens a sealed entry read from its file. If the keyring cannot give
// the key, e stays masked, with Locked set.
func (s *Store) open(e Entry, keys keyCache) Entry {
	if e.Sealed == nil {
		return e
	}
	fail := func(err error) Entry {
		if err == nil {
			err = core.NewError("history.no-keyring", nil, nil)
		}
		e.Locked = core.NewError("history.sealed-unavailable", map[string]string{"ID": e.ID}, err)
		return e
	}
	r, ok := keys[e.Sealed.Account]
	if !ok {
		r.key, r.err = s.key(e.Sealed.Account, false)
		keys[e.Sealed.Account] = r
	}
	k, err := r.key, r.err
	if err != nil || k == nil {
		return fail(err)
	}
	gcm, err := newGCM(k)
	if err != nil {
		return fail(err)
	}
	plain, err := gcm.Open(nil, e.Sealed.Nonce, e.Sealed.Data, aad(e))
	if err != nil {
		return fail(core.NewError("history.bad-key", nil, nil))
	}
	var p sealedPart
	if err := json.Unmarshal(plain, &p); err != nil {
		return fail(err)
	}
	e.Summary, e.Changes, e.Before, e.After, e.Registry = p.Summary, p.Changes, p.Before, p.After, p.Registry
	e.Sealed = nil
	return e
}

func newGCM(k []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}

// sealOld rewrites, sealed, the entries that hold a secret in plaintext:
// recorded by a Go Mirror from before sealing, they would otherwise keep
// a password on disk after the user removed it from the env file, for up
// to Max writes. Entries without a secret are left as they are. Best
// effort, like prune: the caller holds the write lock, and each rewrite
// is atomic, so a reader sees the old file or the sealed one.
func (s *Store) sealOld() {
	if s.Keyring == nil {
		return
	}
	ids, _ := s.ids()
	for _, id := range ids {
		data, err := os.ReadFile(s.path(id))
		var e Entry
		if err != nil || json.Unmarshal(data, &e) != nil || e.Sealed != nil || !HasSecret(e) {
			continue
		}
		e.ID = id.String()
		sealed, err := s.seal(e)
		if err != nil {
			return // the keyring failed: try again at the next write
		}
		if out, err := json.MarshalIndent(sealed, "", "\t"); err == nil {
			writeAtomic(s.path(id), out)
		}
	}
}
