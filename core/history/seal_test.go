package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/cred/credtest"
)

// secretEntry is a write that put a password into GOPROXY, in every field
// that can hold one.
func secretEntry() Entry {
	return Entry{
		Time: time.Unix(1700000000, 0), File: "/home/u/.config/go/env", Source: SourceCLI,
		Summary:       "set GOPROXY=https://alice:s3cret@p.example.test",
		Changes:       []Change{{Key: "GOPROXY", Old: "https://old.example.test", OldSet: true, New: "https://alice:s3cret@p.example.test"}},
		BeforeExisted: true,
		Before:        []byte("GOPROXY=https://old.example.test\n"),
		After:         []byte("GOPROXY=https://alice:s3cret@p.example.test\n"),
	}
}

// grepDir fails t if any byte of any file under dir contains s.
func grepDir(t *testing.T, dir, s string) {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		n++
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("%s holds %q:\n%s", path, s, data)
		}
		return nil
	})
	if n == 0 {
		t.Fatalf("no files under %s", dir)
	}
}

func TestSecretEntrySealed(t *testing.T) {
	k := &credtest.Keyring{}
	s := newStore(t, 0)
	s.Keyring = k
	want := secretEntry()
	got, err := s.Add(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.After, want.After) || got.Sealed != nil {
		t.Errorf("Add returned %+v, want the entry as given", got)
	}
	reg := Entry{File: `HKCU\Environment`, Summary: "remove GOPROXY", Changes: []Change{{Key: "GOPROXY", Old: "https://alice:xxxxx@r.example.test", OldSet: true, Unset: true}},
		Registry: &RegistryChange{Key: `HKCU\Environment`, Name: "GOPROXY", Before: &RegistryValue{Data: "https://alice:s3cret@r.example.test", Type: RegSZ}}}
	gotReg, err := s.Add(reg)
	if err != nil {
		t.Fatal(err)
	}
	grepDir(t, s.Dir, "s3cret")

	// One key for the directory, made on first use.
	secrets := k.Secrets()
	if len(secrets) != 1 {
		t.Fatalf("keyring holds %d secrets, want 1 key", len(secrets))
	}
	for sa := range secrets {
		if sa[0] != cred.Service || !strings.HasPrefix(sa[1], "history-key:") {
			t.Errorf("key stored as %q", sa)
		}
	}

	// The file holds the masked summary and changes.
	data, _ := os.ReadFile(filepath.Join(s.Dir, got.ID+".json"))
	var raw Entry
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Sealed == nil || raw.Before != nil || raw.After != nil || raw.Summary != "set GOPROXY=https://alice:xxxxx@p.example.test" ||
		raw.Changes[0].New != "https://alice:xxxxx@p.example.test" {
		t.Errorf("entry file = %s", data)
	}

	// Reading opens it: every consumer sees the real entry.
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	want.ID = got.ID
	if len(es) == 2 && es[1].Time.Equal(want.Time) {
		want.Time = es[1].Time // the same instant, as JSON gives it back
	}
	if len(es) != 2 || !reflect.DeepEqual(es[1], want) {
		t.Errorf("List()[1] =\n%+v\nwant\n%+v", es[1], want)
	}
	if r := es[0]; r.Locked != nil || r.Registry.Before.Data != "https://alice:s3cret@r.example.test" || r.ID != gotReg.ID {
		t.Errorf("registry entry read as %+v", r)
	}
	if g, err := s.Get(got.ID); err != nil || !reflect.DeepEqual(g, want) {
		t.Errorf("Get = %+v, %v", g, err)
	}

	// A nonce per entry.
	data2, _ := os.ReadFile(filepath.Join(s.Dir, gotReg.ID+".json"))
	var raw2 Entry
	json.Unmarshal(data2, &raw2)
	if bytes.Equal(raw.Sealed.Nonce, raw2.Sealed.Nonce) || raw.Sealed.Account != raw2.Sealed.Account {
		t.Errorf("nonces %x, %x; accounts %q, %q", raw.Sealed.Nonce, raw2.Sealed.Nonce, raw.Sealed.Account, raw2.Sealed.Account)
	}
}

func TestSecretRefusedWithoutKeyring(t *testing.T) {
	for name, k := range map[string]cred.Keyring{"none": nil, "failing": &credtest.Keyring{Err: credtest.Failing()}} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t, 0)
			s.Keyring = k
			_, err := s.Add(secretEntry())
			var ke *KeyringError
			if !errors.As(err, &ke) {
				t.Fatalf("Add of a secret = %v, want a *KeyringError", err)
			}
			if k != nil && !errors.Is(err, cred.ErrNoSessionBus) {
				t.Errorf("error %v does not say why", err)
			}
			if _, err := os.Stat(s.Dir); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("history dir made or written: %v", err)
			}
		})
	}
}

func TestSealedEntryWithoutKey(t *testing.T) {
	k := &credtest.Keyring{}
	s := newStore(t, 0)
	s.Keyring = k
	e, err := s.Add(secretEntry())
	if err != nil {
		t.Fatal(err)
	}
	for sa := range k.Secrets() {
		k.Delete(sa[0], sa[1])
	}
	check := func(s *Store) {
		t.Helper()
		es, err := s.List()
		if err != nil || len(es) != 1 {
			t.Fatalf("List = %v, %v", es, err)
		}
		got := es[0]
		if got.Locked == nil || got.Before != nil || got.After != nil || got.Summary != "set GOPROXY=https://alice:xxxxx@p.example.test" {
			t.Errorf("listed %+v, want the masked entry, locked", got)
		}
		msg := got.Locked.Error()
		if !strings.Contains(msg, "password") || !strings.Contains(msg, "keyring") || !strings.Contains(msg, e.ID) || strings.Contains(msg, "s3cret") {
			t.Errorf("Locked = %q", msg)
		}
		if zh := core.NewLang("zh-Hans").Error(got.Locked); !strings.Contains(zh, "密钥环") {
			t.Errorf("Locked in Chinese = %q", zh)
		}
		if _, err := s.Get(e.ID); err == nil || err.Error() != msg {
			t.Errorf("Get = %v, want %q", err, msg)
		}
	}
	check(s)
	check(&Store{Dir: s.Dir}) // no keyring at all

	// With a key again that is not the one: still locked, not garbage.
	if _, err := s.key(s.KeyAccount(), true); err != nil {
		t.Fatal(err)
	}
	check(s)
}

// TestPlainEntryUnchanged: an entry without a secret is written exactly as
// before sealing existed, with no keyring, and an old entry file reads.
func TestPlainEntryUnchanged(t *testing.T) {
	s := newStore(t, 0) // no keyring
	e := Entry{Time: time.Unix(1700000000, 0).UTC(), File: "/home/u/.config/go/env", Summary: "set GOPROXY=https://alice:xxxxx@p.example.test",
		Changes: []Change{{Key: "GOPROXY", New: "https://p.example.test"}}, Before: []byte("GOPROXY=https://alice:xxxxx@p.example.test\n"), After: []byte("GOPROXY=https://p.example.test\n"), BeforeExisted: true}
	got, err := s.Add(e)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(s.Dir, got.ID+".json"))
	// The format of entries before sealing: the same fields, in order.
	old := struct {
		ID            string    `json:"id"`
		Time          time.Time `json:"time"`
		File          string    `json:"file"`
		Summary       string    `json:"summary"`
		Changes       []Change  `json:"changes"`
		BeforeExisted bool      `json:"before_existed"`
		Before        []byte    `json:"before"`
		After         []byte    `json:"after"`
	}{got.ID, e.Time, e.File, e.Summary, e.Changes, true, e.Before, e.After}
	want, _ := json.MarshalIndent(old, "", "\t")
	if !bytes.Equal(data, want) {
		t.Errorf("entry file =\n%s\nwant\n%s", data, want)
	}

	// A file written by an earlier version reads as it did.
	id := "1600000000000000000-000000"
	oldFile := `{"id":"x","time":"2020-09-13T12:26:40Z","file":"/e","summary":"set A=1","changes":[{"key":"A","old":"","new":"1","old_set":false}],"before_existed":false,"before":null,"after":"QT0xCg=="}`
	if err := os.WriteFile(filepath.Join(s.Dir, id+".json"), []byte(oldFile), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := s.Get(id)
	if err != nil || string(r.After) != "A=1\n" || r.Summary != "set A=1" || r.Locked != nil || r.Sealed != nil {
		t.Errorf("old entry read as %+v, %v", r, err)
	}
}

// TestSealedEntryMovedDoesNotOpen: the sealed part is bound to its entry's
// ID and file.
func TestSealedEntryMovedDoesNotOpen(t *testing.T) {
	s := newStore(t, 0)
	s.Keyring = &credtest.Keyring{}
	e, err := s.Add(secretEntry())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(s.Dir, e.ID+".json"))
	moved := "1600000000000000000-000000"
	os.WriteFile(filepath.Join(s.Dir, moved+".json"), data, 0o600)
	if _, err := s.Get(moved); err == nil {
		t.Error("a sealed entry opened under another ID")
	}
}

// countingKeyring counts Get calls.
type countingKeyring struct {
	cred.Keyring
	gets int
}

func (k *countingKeyring) Get(service, account string) (string, error) {
	k.gets++
	return k.Keyring.Get(service, account)
}

// TestListAsksKeyringOnce: listing many sealed entries asks the keyring for
// the key once, also when it fails (a locked keyring must not make every
// entry wait).
func TestListAsksKeyringOnce(t *testing.T) {
	mem := &credtest.Keyring{}
	s := newStore(t, 0)
	s.Keyring = mem
	for range 5 {
		if _, err := s.Add(secretEntry()); err != nil {
			t.Fatal(err)
		}
	}
	for _, fail := range []bool{false, true} {
		if fail {
			mem.Err = credtest.Failing()
		}
		k := &countingKeyring{Keyring: mem}
		r := &Store{Dir: s.Dir, Keyring: k}
		es, err := r.List()
		if err != nil || len(es) != 5 || (es[4].Locked != nil) != fail {
			t.Fatalf("List (failing %v) = %d entries, %v; first locked: %v", fail, len(es), err, es[4].Locked)
		}
		if k.gets != 1 {
			t.Errorf("List (failing %v) asked the keyring %d times, want once", fail, k.gets)
		}
	}
}

// TestOldPlaintextEntrySealed: an entry an earlier version recorded with a
// password in plaintext is sealed at the next write with a keyring, and
// still reads as it was; without a keyring, and for entries without a
// secret, the files are left alone.
func TestOldPlaintextEntrySealed(t *testing.T) {
	s := newStore(t, 0)
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old := secretEntry()
	old.ID = "1600000000000000000-000000"
	oldData, _ := json.MarshalIndent(old, "", "\t")
	plain := Entry{ID: "1600000000000000000-000001", File: "/e", Summary: "set A=1", Before: []byte("A=0\n"), After: []byte("A=1\n")}
	plainData, _ := json.MarshalIndent(plain, "", "\t")
	oldPath, plainPath := filepath.Join(s.Dir, old.ID+".json"), filepath.Join(s.Dir, plain.ID+".json")
	os.WriteFile(oldPath, oldData, 0o600)
	os.WriteFile(plainPath, plainData, 0o600)

	add(t, s, "no keyring", time.Time{}) // no keyring: nothing to seal with
	if data, _ := os.ReadFile(oldPath); !bytes.Equal(data, oldData) {
		t.Errorf("old entry rewritten with no keyring:\n%s", data)
	}
	s.Keyring = &credtest.Keyring{}
	add(t, s, "with keyring", time.Time{})
	grepDir(t, s.Dir, "s3cret")
	if data, _ := os.ReadFile(plainPath); !bytes.Equal(data, plainData) {
		t.Errorf("entry without a secret rewritten:\n%s", data)
	}
	got, err := s.Get(old.ID)
	if err != nil || !bytes.Equal(got.After, old.After) || !bytes.Equal(got.Before, old.Before) || got.Summary != old.Summary {
		t.Errorf("old entry reads as %+v, %v", got, err)
	}
	checkMode(t, oldPath, 0o600)
}
