package history

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"
)

func newStore(t *testing.T, max int) *Store {
	t.Helper()
	return &Store{Dir: filepath.Join(t.TempDir(), "gomirror", "history"), Max: max}
}

// add adds an entry with the given summary and time, failing the test on
// error.
func add(t *testing.T, s *Store, summary string, at time.Time) Entry {
	t.Helper()
	e, err := s.Add(Entry{Time: at, Summary: summary, Before: []byte("A=1\n"), After: []byte("A=2\n"), BeforeExisted: true})
	if err != nil {
		t.Fatalf("Add(%q): %v", summary, err)
	}
	return e
}

// summaries lists the store and returns the entries' summaries.
func summaries(t *testing.T, s *Store) []string {
	t.Helper()
	es, err := s.List()
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Summary)
	}
	return out
}

func TestListEmpty(t *testing.T) {
	s := newStore(t, 0)
	if es, err := s.List(); err != nil || len(es) != 0 {
		t.Errorf("List of a missing directory = %v, %v, want nothing", es, err)
	}
}

func TestAddList(t *testing.T) {
	s := newStore(t, 0)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	tests := []struct {
		summary string
		at      time.Time
	}{
		{"first", t0},
		{"second", t0.Add(time.Second)},
		{"same nanosecond", t0.Add(time.Second)},
		{"clock set back", t0.Add(-time.Hour)},
		{"later", t0.Add(time.Hour)},
	}
	var ids []string
	for _, tt := range tests {
		e := add(t, s, tt.summary, tt.at)
		if !e.Time.Equal(tt.at) {
			t.Errorf("Add(%q).Time = %v, want %v", tt.summary, e.Time, tt.at)
		}
		ids = append(ids, e.ID)
	}
	if !sort.StringsAreSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("Add IDs = %q, want distinct and increasing", ids)
	}
	want := []string{"later", "clock set back", "same nanosecond", "second", "first"}
	if got := summaries(t, s); !slices.Equal(got, want) {
		t.Errorf("List summaries = %q, want %q", got, want)
	}
}

func TestAddSetsTime(t *testing.T) {
	s := newStore(t, 0)
	e, err := s.Add(Entry{Summary: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Time.IsZero() || time.Since(e.Time) > time.Minute {
		t.Errorf("Add(zero Time).Time = %v, want now", e.Time)
	}
}

func TestGet(t *testing.T) {
	s := newStore(t, 0)
	e := add(t, s, "one", time.Unix(100, 0))
	got, err := s.Get(e.ID)
	if err != nil {
		t.Fatalf("Get(%q): %v", e.ID, err)
	}
	if got.ID != e.ID || got.Summary != "one" || string(got.Before) != "A=1\n" || string(got.After) != "A=2\n" || !got.BeforeExisted {
		t.Errorf("Get(%q) = %+v, want %+v", e.ID, got, e)
	}
	for _, id := range []string{"", "../x", "0000000000000000100-000009", "abc"} {
		if _, err := s.Get(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get(%q) = %v, want ErrNotFound", id, err)
		}
	}
}

func TestMax(t *testing.T) {
	s := newStore(t, 3)
	t0 := time.Unix(1000, 0)
	for i := range 5 {
		add(t, s, strconv.Itoa(i), t0.Add(time.Duration(i)))
	}
	if got, want := summaries(t, s), []string{"4", "3", "2"}; !slices.Equal(got, want) {
		t.Errorf("List after 5 adds with Max 3 = %q, want %q", got, want)
	}
	if n := len(entryFiles(t, s)); n != 3 {
		t.Errorf("directory holds %d entry files, want 3", n)
	}
}

func TestDefaultMax(t *testing.T) {
	s := newStore(t, 0)
	t0 := time.Unix(1000, 0)
	for i := range DefaultMax + 2 {
		add(t, s, strconv.Itoa(i), t0)
	}
	got := summaries(t, s)
	if len(got) != DefaultMax || got[0] != strconv.Itoa(DefaultMax+1) || got[DefaultMax-1] != "2" {
		t.Errorf("List after %d adds = %d entries from %q to %q, want %d from %d to 2",
			DefaultMax+2, len(got), got[0], got[len(got)-1], DefaultMax, DefaultMax+1)
	}
}

// entryFiles returns the names in the store's directory.
func entryFiles(t *testing.T, s *Store) []string {
	t.Helper()
	des, err := os.ReadDir(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

func TestCorruptSkipped(t *testing.T) {
	s := newStore(t, 0)
	a := add(t, s, "a", time.Unix(1, 0))
	b := add(t, s, "b", time.Unix(2, 0))
	add(t, s, "c", time.Unix(3, 0))
	if err := os.WriteFile(filepath.Join(s.Dir, b.ID+".json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir, "0000000000000000004-000000.json"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"notes.txt", "x.json", ".entry-1.tmp"} {
		if err := os.WriteFile(filepath.Join(s.Dir, name), []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := summaries(t, s), []string{"c", "a"}; !slices.Equal(got, want) {
		t.Errorf("List with corrupt entries = %q, want %q", got, want)
	}
	if _, err := s.Get(b.ID); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("Get(corrupt %q) = %v, want a decoding error", b.ID, err)
	}
	if e, err := s.Get(a.ID); err != nil || e.Summary != "a" {
		t.Errorf("Get(%q) = %+v, %v, want a", a.ID, e, err)
	}
}

func TestModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	s := newStore(t, 0)
	e := add(t, s, "a", time.Unix(1, 0))
	checkMode(t, s.Dir, 0o700)
	checkMode(t, filepath.Join(s.Dir, e.ID+".json"), 0o600)
	if got := entryFiles(t, s); !slices.Equal(got, []string{e.ID + ".json"}) {
		t.Errorf("directory holds %q, want only the entry", got)
	}
}

func checkMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", path, got, want)
	}
}

func TestClear(t *testing.T) {
	s := newStore(t, 0)
	add(t, s, "a", time.Unix(1, 0))
	add(t, s, "b", time.Unix(2, 0))
	if err := s.Clear(); err != nil {
		t.Fatal(err)
	}
	if got := summaries(t, s); len(got) != 0 {
		t.Errorf("List after Clear = %q, want nothing", got)
	}
}

var idTests = []struct {
	s    string
	ok   bool
	want id
}{
	{"0000000000000000001-000002", true, id{1, 2}},
	{"1767323045000000006-000000", true, id{1767323045000000006, 0}},
	{"0000000000000000001-1000000", true, id{1, 1000000}},
	{"000000000000000001-000002", false, id{}},
	{"0000000000000000001-00002", false, id{}},
	{"+000000000000000001-000002", false, id{}},
	{"0000000000000000001_000002", false, id{}},
	{"../../../etc/passwd", false, id{}},
}

func TestParseID(t *testing.T) {
	for _, tt := range idTests {
		got, ok := parseID(tt.s)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseID(%q) = %v, %t, want %v, %t", tt.s, got, ok, tt.want, tt.ok)
		}
		if ok && got.String() != tt.s && got.seq < 1000000 {
			t.Errorf("parseID(%q).String() = %q", tt.s, got.String())
		}
	}
}

// A registry entry keeps the value and its type before and after through
// the store, and its Inverse swaps them.
func TestRegistryEntryRoundTrip(t *testing.T) {
	s := newStore(t, 0)
	before := &RegistryValue{Data: `-modfile=%USERPROFILE%\go.mod`, Type: RegExpandSZ}
	e, err := s.Add(Entry{Time: time.Unix(1, 0), File: `HKCU\Environment`, Summary: "remove GOFLAGS",
		Changes:  []Change{{Key: "GOFLAGS", Old: before.Data, OldSet: true, Unset: true}},
		Registry: &RegistryChange{Key: `HKCU\Environment`, Name: "GOFLAGS", Before: before}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := got.Registry
	if c == nil || c.Key != `HKCU\Environment` || c.Name != "GOFLAGS" || c.Before == nil || *c.Before != *before || c.After != nil {
		t.Fatalf("stored registry change = %+v, want %+v", c, e.Registry)
	}
	if got.Before != nil || got.After != nil {
		t.Errorf("a registry entry stored file bytes %q %q", got.Before, got.After)
	}
	inv := c.Inverse()
	if inv.Before != nil || inv.After == nil || *inv.After != *before || inv.Name != "GOFLAGS" {
		t.Errorf("Inverse() = %+v", inv)
	}
	plain := add(t, s, "a file write", time.Unix(2, 0))
	if got, _ := s.Get(plain.ID); got.Registry != nil {
		t.Errorf("a file entry came back with a registry change %+v", got.Registry)
	}
}
