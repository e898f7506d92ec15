// Package cred keeps credentials for private module hosts: per host and
// optional path prefix, a user name and a secret (token or password). The
// secret lives only in the OS keyring; Go Mirror's own index, a JSON file in
// its configuration directory, records which credentials exist without any
// secret. There is never a plaintext fallback: when the keyring is missing
// or locked, operations fail with an error saying so.
package cred

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
)

// Service is the keyring service name of every secret Go Mirror stores; the
// account is the prefix ("git.example.test/org").
const Service = "gomirror"

// IndexFile is the name of the index in the configuration directory.
const IndexFile = "credentials.json"

// Entry describes one stored credential, without its secret.
type Entry struct {
	Prefix  string    `json:"prefix"` // Prefix.String()
	User    string    `json:"user"`
	Origin  string    `json:"origin,omitempty"` // e.g. "imported from /home/me/.netrc"
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Credential is an entry with its secret.
type Credential struct {
	Entry
	Secret Secret `json:"secret"`
}

// Store is the credential store: the index in Dir and the secrets in
// Keyring.
type Store struct {
	Dir     string // Go Mirror's configuration directory
	Keyring Keyring
	Now     func() time.Time // time.Now if nil
}

// ErrBadUser is returned for a user name HTTP Basic authentication cannot
// carry.
var ErrBadUser error = core.NewError("cred.bad-user", nil, nil)

// ErrEmptySecret is returned when the secret is empty.
var ErrEmptySecret error = core.NewError("cred.empty-secret", nil, nil)

type index struct {
	Version     int     `json:"version"`
	Credentials []Entry `json:"credentials"`
}

// List returns the stored credentials, sorted by prefix.
func (s *Store) List() ([]Entry, error) {
	idx, _, _, err := s.read()
	return idx.Credentials, err
}

// Prefixes returns the parsed prefixes of the stored credentials, in List
// order.
func (s *Store) Prefixes() ([]Prefix, []Entry, error) {
	es, err := s.List()
	if err != nil {
		return nil, nil, err
	}
	ps := make([]Prefix, 0, len(es))
	kept := es[:0:0]
	for _, e := range es {
		if p, err := ParsePrefix(e.Prefix); err == nil {
			ps, kept = append(ps, p), append(kept, e)
		}
	}
	return ps, kept, nil
}

// Set stores or replaces the credential for prefix. The secret goes to the
// keyring first; the index is updated only when that succeeded.
func (s *Store) Set(prefix, user string, secret Secret, origin string) (Entry, error) {
	p, err := ParsePrefix(prefix)
	if err != nil {
		return Entry{}, err
	}
	if err := checkUser(user); err != nil {
		return Entry{}, err
	}
	if secret == "" {
		return Entry{}, ErrEmptySecret
	}
	if err := s.Keyring.Set(Service, p.String(), secret.Reveal()); err != nil {
		return Entry{}, core.NewError("cred.store", map[string]string{"Prefix": p.String()}, err)
	}
	var e Entry
	err = s.update(func(idx *index) {
		now := s.now()
		e = Entry{Prefix: p.String(), User: user, Origin: origin, Created: now, Updated: now}
		if i := find(idx, e.Prefix); i >= 0 {
			e.Created = idx.Credentials[i].Created
			idx.Credentials[i] = e
			return
		}
		idx.Credentials = append(idx.Credentials, e)
	})
	return e, err
}

func checkUser(user string) error {
	if user == "" || strings.ContainsFunc(user, func(r rune) bool { return r == ':' || r < ' ' || r == 0x7f }) {
		return ErrBadUser
	}
	return nil
}

// Get returns the credential stored for exactly prefix.
func (s *Store) Get(prefix string) (Credential, error) {
	p, err := ParsePrefix(prefix)
	if err != nil {
		return Credential{}, err
	}
	idx, _, _, err := s.read()
	if err != nil {
		return Credential{}, err
	}
	i := find(&idx, p.String())
	if i < 0 {
		return Credential{}, core.NewError("cred.not-found-for", map[string]string{"Prefix": p.String()}, ErrNotFound)
	}
	return s.reveal(idx.Credentials[i])
}

// reveal reads e's secret from the keyring.
func (s *Store) reveal(e Entry) (Credential, error) {
	secret, err := s.Keyring.Get(Service, e.Prefix)
	if errors.Is(err, ErrNotFound) {
		return Credential{}, core.NewError("cred.index-lists", map[string]string{"Prefix": e.Prefix}, ErrNotFound)
	}
	if err != nil {
		return Credential{}, core.NewError("cred.read", map[string]string{"Prefix": e.Prefix}, err)
	}
	return Credential{Entry: e, Secret: Secret(secret)}, nil
}

// Lookup returns the credential whose prefix matches the https URL raw with
// the longest path, or an error wrapping ErrNotFound.
func (s *Store) Lookup(raw string) (Credential, error) {
	ps, es, err := s.Prefixes()
	if err != nil {
		return Credential{}, err
	}
	i := Longest(ps, raw)
	if i < 0 {
		return Credential{}, core.NewError("cred.not-found-url", nil, ErrNotFound)
	}
	return s.reveal(es[i])
}

// Delete removes the credential for prefix from the keyring and the index.
// A secret already missing from the keyring is not an error.
func (s *Store) Delete(prefix string) error {
	p, err := ParsePrefix(prefix)
	if err != nil {
		return err
	}
	idx, _, _, err := s.read()
	if err != nil {
		return err
	}
	if find(&idx, p.String()) < 0 {
		return core.NewError("cred.not-found-for", map[string]string{"Prefix": p.String()}, ErrNotFound)
	}
	if err := s.Keyring.Delete(Service, p.String()); err != nil && !errors.Is(err, ErrNotFound) {
		return core.NewError("cred.remove", map[string]string{"Prefix": p.String()}, err)
	}
	return s.update(func(idx *index) {
		if i := find(idx, p.String()); i >= 0 {
			idx.Credentials = slices.Delete(idx.Credentials, i, i+1)
		}
	})
}

func find(idx *index, prefix string) int {
	return slices.IndexFunc(idx.Credentials, func(e Entry) bool { return e.Prefix == prefix })
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func (s *Store) path() string { return filepath.Join(s.Dir, IndexFile) }

// read returns the index and the bytes it was read from.
func (s *Store) read() (idx index, data []byte, existed bool, err error) {
	if s.Dir == "" {
		return idx, nil, false, core.NewError("cred.no-config-dir", nil, nil)
	}
	data, err = os.ReadFile(s.path())
	if errors.Is(err, fs.ErrNotExist) {
		return index{Version: 1}, nil, false, nil
	}
	if err != nil {
		return idx, nil, false, core.NewError("cred.index-read", nil, err)
	}
	if err := json.Unmarshal(data, &idx); err != nil {
		return idx, nil, false, core.NewError("cred.index-damaged", map[string]string{"Path": s.path(), "Reason": err.Error()}, nil)
	}
	return idx, data, true, nil
}

// update applies f to the index and writes it atomically, refusing if the
// file changed since it was read.
func (s *Store) update(f func(*index)) error {
	idx, base, existed, err := s.read()
	if err != nil {
		return err
	}
	f(&idx)
	idx.Version = 1
	slices.SortFunc(idx.Credentials, func(a, b Entry) int { return strings.Compare(a.Prefix, b.Prefix) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(idx); err != nil {
		return err
	}
	if err := envfile.WriteAtomic(s.path(), buf.Bytes(), base, existed); err != nil {
		return core.NewError("cred.index-write", map[string]string{"Path": s.path()}, err)
	}
	return nil
}

// All returns every stored credential with its secret. An entry whose
// secret cannot be read is left out and reported in the joined error, so a
// caller can still use the others.
func (s *Store) All() ([]Credential, error) {
	es, err := s.List()
	if err != nil {
		return nil, err
	}
	var out []Credential
	var errs []error
	for _, e := range es {
		c, err := s.reveal(e)
		if err != nil {
			errs = append(errs, err)
			if !errors.Is(err, ErrNotFound) {
				break // the keyring itself failed; asking again will not help
			}
			continue
		}
		out = append(out, c)
	}
	return out, errors.Join(errs...)
}
