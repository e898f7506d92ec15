// Package history keeps a bounded record of every write Go Mirror makes to
// the user env file (and to shell startup files and the Windows user
// environment variables), with the bytes (or registry value) before and
// after, so a write can be undone exactly.
package history

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
)

// Change is one key a write changed.
type Change struct {
	Key    string `json:"key"`
	Old    string `json:"old"`
	New    string `json:"new"`
	Unset  bool   `json:"unset,omitempty"`
	OldSet bool   `json:"old_set"`
	// Line is set for an edit of a shell startup file: the line number,
	// with Old and New the whole line before and after.
	Line int `json:"line,omitempty"`
}

// Entry is one recorded write.
type Entry struct {
	ID            string    `json:"id"`
	Time          time.Time `json:"time"`
	File          string    `json:"file"`
	Summary       string    `json:"summary"`
	Changes       []Change  `json:"changes"`
	BeforeExisted bool      `json:"before_existed"`
	Before        []byte    `json:"before"`
	After         []byte    `json:"after"`
	Undo          bool      `json:"undo,omitempty"`    // this entry is itself an undo
	UndoOf        string    `json:"undo_of,omitempty"` // the entry it undid
	// Redo marks an undo of an undo: UndoOf is the undo it reverted.
	Redo bool `json:"redo,omitempty"`
	// Source says what made the write (one of the Source constants, or
	// ProfileSource's); empty for entries recorded before it was kept.
	Source string `json:"source,omitempty"`
	// Registry is set for a change of a Windows registry value (a user
	// environment variable) rather than a file: File then names the key,
	// Before and After are empty, and Registry holds the value and its
	// type before and after, so that undo restores both exactly.
	Registry *RegistryChange `json:"registry,omitempty"`
	// Sealed is set, in the file, for an entry that held a secret (see
	// HasSecret): Summary and Changes are then masked, Before and After
	// empty, Registry's values masked, and the real ones sealed here under
	// a key in the OS keyring. The store opens it when it reads the entry;
	// it stays set only when it could not (see Locked).
	Sealed *Sealed `json:"sealed,omitempty"`
	// Locked is set on an entry read from the store that held a secret
	// the keyring cannot give back (no keyring, locked, or the key
	// deleted): the entry lists, masked, but cannot be undone, reverted or
	// redone; Locked is the error to report.
	Locked error `json:"-"`
}

// RegistryChange is a change of one value of a registry key.
type RegistryChange struct {
	Key  string `json:"key"`  // such as HKCU\Environment
	Name string `json:"name"` // the value's name, such as GOPROXY
	// Before and After are the value before and after the change; nil
	// when there was (or is) no such value.
	Before *RegistryValue `json:"before,omitempty"`
	After  *RegistryValue `json:"after,omitempty"`
}

// RegistryValue is a string value of the registry as stored: unexpanded,
// with its type.
type RegistryValue struct {
	Data string `json:"data"`
	Type string `json:"type"` // RegSZ or RegExpandSZ
}

// Registry value types of environment variables.
const (
	RegSZ       = "REG_SZ"        // a plain string
	RegExpandSZ = "REG_EXPAND_SZ" // a string with %VARIABLES% expanded when read
)

// Inverse returns the change that undoes c.
func (c RegistryChange) Inverse() *RegistryChange {
	return &RegistryChange{Key: c.Key, Name: c.Name, Before: c.After, After: c.Before}
}

// Sources of writes.
const (
	SourceAssistant    = "assistant"     // the first-run assistant
	SourceChainBuilder = "chain-builder" // the Mirrors screen's chain builder
	SourceCLI          = "cli"           // gomirrorctl
	SourceFix          = "fix"           // a one-click fix of a diagnosis
	SourceHistory      = "history"       // undo, revert or redo in the History screen
	SourceOverview     = "overview"      // an edit in the Overview
	SourcePrivate      = "private"       // the Private modules screen
	SourceTroubleshoot = "troubleshoot"  // a fix from Troubleshoot
	sourceProfile      = "profile:"
)

// ProfileSource is the source of a write that applied the profile name.
func ProfileSource(name string) string { return sourceProfile + name }

// SourceProfile returns the profile a source names, if it names one.
func SourceProfile(source string) (string, bool) { return strings.CutPrefix(source, sourceProfile) }

// Store is the history kept in a directory of the app's config dir: one
// JSON file per entry, named <ID>.json. IDs sort in the order entries were
// added.
type Store struct {
	Dir string
	Max int // entries kept; DefaultMax if zero
	// Keyring keeps the key that seals entries holding a secret (see
	// HasSecret). Without one such entries cannot be recorded (Add fails
	// with a *KeyringError) or opened (they read with Locked set); entries
	// without secrets never need it.
	Keyring cred.Keyring
}

// DefaultMax is the number of entries kept by default.
const DefaultMax = 100

// ErrNotFound reports that no entry has the ID asked for.
var ErrNotFound error = core.NewError("history.not-found", nil, nil)

// notFound is ErrNotFound for the entry id.
func notFound(id string) error {
	return core.NewError("history.not-found-id", map[string]string{"ID": id}, ErrNotFound)
}

// Add records e under a new ID, later than every ID in the store, and
// returns it with that ID (and Time set to now if it was zero). It then
// deletes the oldest entries beyond the store's maximum; that is best
// effort, since the entry is already recorded. The directory is
// created with mode 0700 and entry files with 0600: they hold the env
// file's contents. Then, with a keyring, it seals any entry an earlier
// version recorded with a secret in plaintext (see sealOld). An entry
// holding a secret is written sealed (see
// Entry.Sealed), with the key from the store's keyring; if the keyring is
// missing or fails, Add fails with a *KeyringError before writing
// anything. The entry returned is always the one given, not sealed.
func (s *Store) Add(e Entry) (Entry, error) {
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	e.Sealed, e.Locked = nil, nil
	if HasSecret(e) {
		if s.Keyring == nil {
			return e, &KeyringError{}
		}
		if _, err := s.key(s.KeyAccount(), true); err != nil {
			return e, &KeyringError{Err: err}
		}
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return e, core.NewError("history.mkdir", nil, err)
	}
	ids, err := s.ids()
	if err != nil {
		return e, err
	}
	id := nextID(e.Time, ids)
	for {
		e.ID = id.String()
		err = s.write(e)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
		id.seq++ // another process took this ID
	}
	if err != nil {
		return e, core.NewError("history.record", nil, err)
	}
	s.prune()
	s.sealOld()
	return e, nil
}

// List returns the entries, newest first. Unreadable or corrupt entry
// files are skipped; [Store.Scan] reports them.
func (s *Store) List() ([]Entry, error) {
	out, _, err := s.Scan()
	return out, err
}

// Damaged is an entry file that cannot be read or decoded: truncated,
// edited by hand, or not readable.
type Damaged struct {
	ID   string
	File string
	Err  error
}

// Scan returns the readable entries and the damaged ones, each newest
// first.
func (s *Store) Scan() ([]Entry, []Damaged, error) {
	ids, err := s.ids()
	if err != nil {
		return nil, nil, err
	}
	var out []Entry
	var bad []Damaged
	keys := keyCache{} // the keyring is asked once per key, not per entry
	for _, id := range slices.Backward(ids) {
		e, err := s.read(id, keys)
		if err != nil {
			bad = append(bad, Damaged{ID: id.String(), File: s.path(id), Err: err})
			continue
		}
		out = append(out, e)
	}
	return out, bad, nil
}

// Remove deletes the entry with the given ID. Go Mirror records a write
// before making it, and removes the record again when the write fails.
func (s *Store) Remove(id string) error {
	parsed, ok := parseID(id)
	if !ok {
		return notFound(id)
	}
	return os.Remove(s.path(parsed))
}

// Get returns the entry with the given ID. For an entry whose secret the
// keyring cannot give back it returns the masked entry and its Locked
// error.
func (s *Store) Get(id string) (Entry, error) {
	parsed, ok := parseID(id)
	if !ok {
		return Entry{}, notFound(id)
	}
	e, err := s.read(parsed, keyCache{})
	if errors.Is(err, fs.ErrNotExist) {
		return Entry{}, notFound(id)
	}
	if err == nil && e.Locked != nil {
		return e, e.Locked
	}
	return e, err
}

// Clear deletes every entry.
func (s *Store) Clear() error {
	ids, err := s.ids()
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := os.Remove(s.path(id)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

func (s *Store) max() int {
	if s.Max <= 0 {
		return DefaultMax
	}
	return s.Max
}

// prune deletes the oldest entry files beyond the maximum. Errors are
// ignored: the next Add tries again.
func (s *Store) prune() {
	ids, _ := s.ids()
	for _, id := range ids[:max(0, len(ids)-s.max())] {
		os.Remove(s.path(id))
	}
}

// ids returns the IDs of the entry files in the directory, oldest first.
// A missing directory holds none.
func (s *Store) ids() ([]id, error) {
	des, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, core.NewError("history.read", nil, err)
	}
	var ids []id
	for _, de := range des {
		name, ok := strings.CutSuffix(de.Name(), ".json")
		if id, valid := parseID(name); ok && valid && de.Type().IsRegular() {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, compareIDs)
	return ids, nil
}

func (s *Store) path(id id) string {
	return filepath.Join(s.Dir, id.String()+".json")
}

// read reads and decodes the entry file of id. The file name is the
// authority for the ID.
func (s *Store) read(id id, keys keyCache) (Entry, error) {
	data, err := os.ReadFile(s.path(id))
	if err != nil {
		return Entry{}, err
	}
	var e Entry
	if len(data) == 0 {
		return Entry{}, core.NewError("history.empty", map[string]string{"ID": id.String()}, nil)
	}
	if err := json.Unmarshal(data, &e); err != nil {
		return Entry{}, core.NewError("history.damaged", map[string]string{"ID": id.String()}, err)
	}
	e.ID = id.String()
	return s.open(e, keys), nil
}

// write creates the entry file for e.ID, failing with fs.ErrExist if it
// exists. It reserves the name with O_EXCL, then replaces the reserved
// empty file atomically with the full entry, so a reader sees either
// nothing usable (skipped as corrupt) or the whole entry.
func (s *Store) write(e Entry) error {
	e, err := s.seal(e)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(e, "", "\t")
	if err != nil {
		return err
	}
	path := filepath.Join(s.Dir, e.ID+".json")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := writeAtomic(path, data); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// writeAtomic replaces path with a synced temp file holding data.
// os.CreateTemp makes the file with mode 0600.
func writeAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".entry-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// id identifies an entry: the Unix time in nanoseconds it was added, and a
// sequence number that orders entries added with the same (or an earlier)
// clock reading.
type id struct {
	nanos int64
	seq   int64
}

const idNanosDigits, idSeqDigits = 19, 6

// String returns the ID as zero-padded "<nanos>-<seq>", so that IDs sort
// as strings in the order they sort as numbers.
func (i id) String() string {
	return fmt.Sprintf("%0*d-%0*d", idNanosDigits, i.nanos, idSeqDigits, i.seq)
}

// parseID parses an ID made by String.
func parseID(s string) (id, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok || len(a) != idNanosDigits || len(b) < idSeqDigits || !digits(a) || !digits(b) {
		return id{}, false
	}
	nanos, err1 := strconv.ParseInt(a, 10, 64)
	seq, err2 := strconv.ParseInt(b, 10, 64)
	return id{nanos, seq}, err1 == nil && err2 == nil
}

// digits reports whether s is all ASCII digits.
func digits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

func compareIDs(a, b id) int {
	return cmp.Or(cmp.Compare(a.nanos, b.nanos), cmp.Compare(a.seq, b.seq))
}

// nextID returns the ID for an entry added at t: t itself, or, if the
// store already has an ID at or after t (same nanosecond, a fake clock, a
// clock set back), the newest ID's time with the next sequence number.
func nextID(t time.Time, oldestFirst []id) id {
	next := id{nanos: max(0, t.UnixNano())}
	if n := len(oldestFirst); n > 0 && compareIDs(next, oldestFirst[n-1]) <= 0 {
		last := oldestFirst[n-1]
		next = id{last.nanos, last.seq + 1}
	}
	return next
}
