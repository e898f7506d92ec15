package netrc

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/gomirror/gomirror/core/private/cred"
)

// brief renders entries as "machine login password[!shadowed]".
func brief(es []Entry) []string {
	var out []string
	for _, e := range es {
		s := e.Machine + " " + e.Login + " " + e.Password.Reveal()
		if e.Shadowed {
			s += "!"
		}
		out = append(out, s)
	}
	return out
}

var parseTests = []struct {
	name, data string
	want       []string
}{
	{"lines", "machine a.test\n  login u\n  password p\n", []string{"a.test u p"}},
	{"one line", "machine a.test login u password p machine b.test login v password q\n", []string{"a.test u p", "b.test v q"}},
	{"earlier wins", "machine a.test login u password p\nmachine a.test login v password q\n", []string{"a.test u p", "a.test v q!"}},
	{"port", "machine 127.0.0.1:8443 login u password p\n", []string{"127.0.0.1:8443 u p"}},
	{"macdef", "macdef init\nmachine x.test login no password no\n\nmachine a.test login u password p\n", []string{"a.test u p"}},
	{"default alone stops", "machine a.test login u password p\ndefault\nmachine b.test login v password q\n", []string{"a.test u p"}},
	{"default with tokens does not stop", "machine a.test login u password p\ndefault login anon password x\nmachine b.test login v password q\n", []string{"a.test u p", "b.test v q"}},
	{"default alone stops before the machine", "default\nmachine a.test login v password q\n", nil},
	{"default with tokens does not stop before the machine", "default login anon password x\nmachine a.test login v password q\n", []string{"a.test v q"}},
	{"incomplete", "machine a.test login u\nmachine b.test password q\n", nil},
	{"crlf", "machine a.test\r\nlogin u\r\npassword p\r\n", []string{"a.test u p"}},
	{"odd pairing", "x machine a.test login u password p\n", nil},
	{"account", "machine a.test login u account acct password p\n", []string{"a.test u p"}},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		es := Parse(tt.data)
		if got := brief(es); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Parse = %q, want %q", tt.name, got, tt.want)
		}
		for _, e := range es {
			if !strings.HasPrefix(tt.data[e.Start:e.End], "machine") {
				t.Errorf("%s: entry %s spans %q", tt.name, e.Machine, tt.data[e.Start:e.End])
			}
		}
	}
}

func TestSecretsNeverPrint(t *testing.T) {
	es := Parse("machine a.test login u password hunter2\n")
	if s := fmt.Sprintf("%v %+v %#v", es, es, es[0]); strings.Contains(s, "hunter2") {
		t.Fatalf("password printed: %s", s)
	}
}

// FuzzRemove checks Parse on any input and that cutting a machine's blocks
// removes exactly that machine's entries and leaves the others as they
// were.
func FuzzRemove(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.data, 0)
	}
	f.Fuzz(func(t *testing.T, data string, pick int) {
		es := Parse(data)
		for _, e := range es {
			if e.Start < 0 || e.Start >= e.End || e.End > len(data) || !strings.HasPrefix(data[e.Start:], "machine") {
				t.Fatalf("bad span %d..%d in %q", e.Start, e.End, data)
			}
		}
		if len(es) == 0 {
			return
		}
		m := es[(pick%len(es)+len(es))%len(es)].Machine
		var cut, keep []Entry
		for _, e := range es {
			if e.Machine == m {
				cut = append(cut, e)
			} else {
				keep = append(keep, e)
			}
		}
		got := Parse(cutEntries(data, cut))
		for i := range got {
			got[i].Shadowed = false
		}
		for i := range keep {
			keep[i].Shadowed = false
		}
		if !slices.Equal(brief(got), brief(keep)) {
			t.Fatalf("removing %s from %q left %q, want %q", m, data, brief(got), brief(keep))
		}
	})
}

func TestPath(t *testing.T) {
	env := func(kv ...string) Env {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	none := func(string) bool { return false }
	all := func(string) bool { return true }
	for _, tt := range []struct {
		env    Env
		goos   string
		exists func(string) bool
		want   string
	}{
		{env("NETRC", "/x/netrc", "HOME", "/home/u"), "linux", none, "/x/netrc"},
		{env("HOME", "/home/u"), "linux", none, "/home/u/.netrc"},
		{env("USERPROFILE", `C:\Users\u`), "windows", all, `C:\Users\u\_netrc`},
		{env("USERPROFILE", `C:\Users\u`), "windows", none, `C:\Users\u\.netrc`},
	} {
		if got, err := Path(tt.env, tt.goos, tt.exists); got != tt.want || err != nil {
			t.Errorf("Path(%s) = %q, %v; want %q", tt.goos, got, err, tt.want)
		}
	}
	if _, err := Path(env(), "linux", none); !errors.Is(err, ErrNoHome) {
		t.Errorf("Path without HOME: %v, want ErrNoHome", err)
	}
}

const sample = `# work
machine git.example.test
  login alice
  password tok-alice

machine proxy.example.test:8443 login bob password tok-bob
machine git.example.test login old password tok-old
macdef init
  cd /pub

machine keep.example.test login carol password tok-carol
`

func TestMigrate(t *testing.T) {
	keyring.MockInit()
	store := &cred.Store{Dir: t.TempDir(), Keyring: cred.OSKeyring{}}
	path := filepath.Join(t.TempDir(), ".netrc")
	if err := os.WriteFile(path, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	migrate := []string{"git.example.test", "proxy.example.test:8443"}
	if _, err := Remove(store, path, migrate); !errors.Is(err, ErrNotMigrated) {
		t.Fatalf("Remove before Import: %v, want ErrNotMigrated", err)
	}
	got, err := Import(store, path, Parse(sample), migrate)
	if err != nil || len(got) != 2 || got[0].User != "alice" || !strings.Contains(got[0].Origin, path) {
		t.Fatalf("Import = %+v, %v", got, err)
	}
	n, err := Remove(store, path, migrate)
	if err != nil || n != 3 {
		t.Fatalf("Remove = %d, %v; want 3 blocks (with the shadowed duplicate)", n, err)
	}
	data, _ := os.ReadFile(path)
	if es := brief(Parse(string(data))); !slices.Equal(es, []string{"keep.example.test carol tok-carol"}) || !strings.Contains(string(data), "macdef init\n  cd /pub") {
		t.Fatalf("after Remove the file is %q", data)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", st.Mode().Perm())
	}
	checkNoBackupFile(t, filepath.Dir(path))
	if err := Undo(store.Keyring, path); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != sample {
		t.Fatalf("after Undo the file is %q", data)
	}
	if err := Undo(store.Keyring, path); !errors.Is(err, ErrNoBackup) {
		t.Fatalf("second Undo: %v, want ErrNoBackup", err)
	}
}

func TestUndoRefusesChangedFile(t *testing.T) {
	keyring.MockInit()
	store := &cred.Store{Dir: t.TempDir(), Keyring: cred.OSKeyring{}}
	path := filepath.Join(t.TempDir(), ".netrc")
	os.WriteFile(path, []byte(sample), 0o600)
	Import(store, path, Parse(sample), nil)
	if _, err := Remove(store, path, []string{"keep.example.test"}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("machine new.test login x password y\n"), 0o600)
	if err := Undo(store.Keyring, path); !errors.Is(err, ErrChanged) {
		t.Fatalf("Undo of a changed file: %v, want ErrChanged", err)
	}
}

// checkNoBackupFile fails if Remove left any other file next to .netrc.
func checkNoBackupFile(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("files next to .netrc: %v; the backup must stay in the keyring", ents)
	}
}
