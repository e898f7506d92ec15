package netrc

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/private/cred"
)

// Import stores the effective entries of es whose machine is listed in
// machines (every entry if machines is nil) in store, each under the prefix
// host[:port], noting path as its origin. It stops at the first error and
// returns what was stored until then.
func Import(store *cred.Store, path string, es []Entry, machines []string) ([]cred.Entry, error) {
	var done []cred.Entry
	for _, e := range Effective(es) {
		if machines != nil && !slices.Contains(machines, e.Machine) {
			continue
		}
		ce, err := store.Set(e.Machine, e.Login, e.Password, "imported from "+path)
		if err != nil {
			return done, core.NewError("netrc.import", map[string]string{"Machine": e.Machine}, err)
		}
		done = append(done, ce)
	}
	return done, nil
}

// ErrNotMigrated is returned by Remove for a machine whose credential is not
// in the store with the same user and secret.
var ErrNotMigrated error = core.NewError("netrc.not-migrated", nil, nil)

// ErrNoBackup is returned by Undo when there is nothing to undo.
var ErrNoBackup error = core.NewError("netrc.no-backup", nil, nil)

// ErrChanged is returned by Undo when the file changed after Remove.
var ErrChanged error = core.NewError("netrc.changed", nil, nil)

// backup is what Remove keeps in the keyring for Undo.
type backup struct {
	Original string `json:"original"`
	Written  string `json:"written_sha256"`
}

func backupAccount(abs string) string { return "netrc-backup:" + abs }

// Remove deletes every entry for the given machines (shadowed duplicates
// too) from the .netrc file at path. Each machine's credential must already
// be in store with the same login and password. The original file is kept
// in the store's keyring for Undo, never on disk; the file is replaced
// atomically, keeping its mode, and only if it did not change meanwhile.
func Remove(store *cred.Store, path string, machines []string) (removed int, err error) {
	abs, data, err := read(path)
	if err != nil {
		return 0, err
	}
	es := Parse(data)
	if err := checkMigrated(store, Effective(es), machines); err != nil {
		return 0, err
	}
	var cut []Entry
	for _, e := range es {
		if slices.Contains(machines, e.Machine) {
			cut = append(cut, e)
		}
	}
	if len(cut) == 0 {
		return 0, nil
	}
	out := cutEntries(data, cut)
	if err := saveBackup(store.Keyring, abs, data, out); err != nil {
		return 0, err
	}
	if err := envfile.WriteAtomic(abs, []byte(out), []byte(data), true); err != nil {
		store.Keyring.Delete(cred.Service, backupAccount(abs))
		return 0, core.NewError("netrc.rewrite", map[string]string{"Path": abs}, err)
	}
	return len(cut), nil
}

func read(path string) (string, string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", err
	}
	data, err := os.ReadFile(abs)
	return abs, string(data), err
}

func checkMigrated(store *cred.Store, es []Entry, machines []string) error {
	for _, m := range machines {
		i := slices.IndexFunc(es, func(e Entry) bool { return e.Machine == m })
		if i < 0 {
			continue
		}
		c, err := store.Get(m)
		if errors.Is(err, cred.ErrNotFound) || err == nil && (c.User != es[i].Login || c.Secret != es[i].Password) {
			return core.NewError("netrc.machine-not-migrated", map[string]string{"Machine": m}, ErrNotMigrated)
		}
		if err != nil {
			return core.NewError("netrc.check", map[string]string{"Machine": m}, err)
		}
	}
	return nil
}

// cutEntries removes the entries' blocks from data.
func cutEntries(data string, cut []Entry) string {
	sort.Slice(cut, func(i, j int) bool { return cut[i].Start > cut[j].Start })
	for _, e := range cut {
		data = data[:e.Start] + data[e.End:]
	}
	return data
}

func saveBackup(k cred.Keyring, abs, original, written string) error {
	sum := sha256.Sum256([]byte(written))
	b, _ := json.Marshal(backup{Original: original, Written: hex.EncodeToString(sum[:])})
	if err := k.Set(cred.Service, backupAccount(abs), string(b)); err != nil {
		return core.NewError("netrc.save-backup", map[string]string{"Path": abs}, err)
	}
	return nil
}

// Undo restores the file as it was before the last Remove, if it has not
// changed since, and forgets the backup.
func Undo(k cred.Keyring, path string) error {
	abs, data, err := read(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	raw, err := k.Get(cred.Service, backupAccount(abs))
	if errors.Is(err, cred.ErrNotFound) {
		return core.NewError("netrc.no-backup-for", map[string]string{"Path": abs}, ErrNoBackup)
	}
	if err != nil {
		return err
	}
	var b backup
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		return core.NewError("netrc.backup-damaged", map[string]string{"Path": abs}, nil)
	}
	sum := sha256.Sum256([]byte(data))
	if hex.EncodeToString(sum[:]) != b.Written {
		return core.NewError("netrc.changed-since", map[string]string{"Path": abs}, ErrChanged)
	}
	if err := envfile.WriteAtomic(abs, []byte(b.Original), []byte(data), true); err != nil {
		return core.NewError("file.restore", map[string]string{"Path": abs}, err)
	}
	return k.Delete(cred.Service, backupAccount(abs))
}
