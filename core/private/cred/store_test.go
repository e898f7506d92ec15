package cred

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

const testSecret = Secret("s3cr3t-token-value")

func newMockStore(t *testing.T) *Store {
	t.Helper()
	keyring.MockInit()
	return &Store{Dir: t.TempDir(), Keyring: OSKeyring{}, Now: func() time.Time { return time.Unix(1700000000, 0) }}
}

func TestStoreSetGetDelete(t *testing.T) {
	s := newMockStore(t)
	if _, err := s.Set("https://git.example.test/org/", "alice", testSecret, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Set("git.example.test", "bob", "other", ""); err != nil {
		t.Fatal(err)
	}
	c, err := s.Lookup("https://git.example.test/org/repo/@v/list")
	if err != nil || c.User != "alice" || c.Secret != testSecret || c.Prefix != "git.example.test/org" {
		t.Fatalf("Lookup = %+v, %v; want alice at git.example.test/org", c.Entry, err)
	}
	if c, err := s.Lookup("https://git.example.test/x"); err != nil || c.User != "bob" {
		t.Fatalf("Lookup(host) = %+v, %v; want bob", c.Entry, err)
	}
	if _, err := s.Lookup("http://git.example.test/org/repo"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Lookup(http) error = %v, want ErrNotFound", err)
	}
	es, _ := s.List()
	if len(es) != 2 || es[0].Prefix != "git.example.test" {
		t.Fatalf("List = %+v", es)
	}
	if err := s.Delete("git.example.test/org"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("git.example.test/org"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := s.Delete("git.example.test/org"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: %v, want ErrNotFound", err)
	}
}

func TestIndexHasNoSecret(t *testing.T) {
	s := newMockStore(t)
	if _, err := s.Set("git.example.test", "alice", testSecret, ""); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(s.Dir, IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), testSecret.Reveal()) {
		t.Fatal("the index contains the secret")
	}
	var idx index
	if err := json.Unmarshal(data, &idx); err != nil || len(idx.Credentials) != 1 {
		t.Fatalf("index = %s, %v", data, err)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	c := Credential{Entry: Entry{Prefix: "git.example.test", User: "alice"}, Secret: testSecret}
	js, _ := json.Marshal(c)
	for _, out := range []string{fmt.Sprint(c), fmt.Sprintf("%+v %#v %s %q %x", c, c, c.Secret, c.Secret, c.Secret), string(js)} {
		if strings.Contains(out, testSecret.Reveal()) || strings.Contains(out, fmt.Sprintf("%x", testSecret.Reveal())) {
			t.Fatalf("secret printed: %s", out)
		}
	}
}

func TestSetRefuses(t *testing.T) {
	s := newMockStore(t)
	for _, tt := range []struct {
		prefix, user string
		secret       Secret
		want         error
	}{
		{"http://git.example.test", "a", "x", ErrInvalidPrefix},
		{"git.example.test", "a:b", "x", ErrBadUser},
		{"git.example.test", "", "x", ErrBadUser},
		{"git.example.test", "a", "", ErrEmptySecret},
	} {
		if _, err := s.Set(tt.prefix, tt.user, tt.secret, ""); !errors.Is(err, tt.want) {
			t.Errorf("Set(%q, %q) error = %v, want %v", tt.prefix, tt.user, err, tt.want)
		}
	}
	if es, _ := s.List(); len(es) != 0 {
		t.Fatalf("refused Set wrote %v", es)
	}
}

// TestKeyringErrors checks that every way the keyring can be missing or
// locked gives its own sentinel error and that nothing is written to the
// index.
func TestKeyringErrors(t *testing.T) {
	for msg, want := range map[string]error{
		`exec: "dbus-launch": executable file not found in $PATH`:                         ErrNoSessionBus,
		"dial unix /run/user/1/bus: connect: no such file or directory":                   ErrNoSessionBus,
		"The name org.freedesktop.secrets was not provided by any .service files":         ErrNoSecretSvc,
		"failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'":  ErrLocked,
		"failed to unlock correct collection '/org/freedesktop/secrets/collection/login'": ErrLocked,
		"security: SecKeychainItemCopyContent: User interaction is not allowed.":          ErrLocked,
		"something else entirely":              ErrKeyringFailure,
		keyring.ErrUnsupportedPlatform.Error(): ErrKeyringFailure,
	} {
		keyring.MockInitWithError(errors.New(msg))
		s := &Store{Dir: t.TempDir(), Keyring: OSKeyring{}}
		_, err := s.Set("git.example.test", "alice", testSecret, "")
		if !errors.Is(err, want) {
			t.Errorf("keyring error %q: Set error = %v, want %v", msg, err, want)
		}
		if _, statErr := os.Stat(filepath.Join(s.Dir, IndexFile)); statErr == nil {
			t.Errorf("keyring error %q: the index was written", msg)
		}
	}
	for _, e := range []error{keyring.ErrUnsupportedPlatform, keyring.ErrSetDataTooBig} {
		keyring.MockInitWithError(e)
		if err := (OSKeyring{}).Set(Service, "x", "y"); !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrTooBig) {
			t.Errorf("keyring error %v: got %v", e, err)
		}
	}
}

func TestKeyringTimeout(t *testing.T) {
	k := OSKeyring{Timeout: 10 * time.Millisecond}
	err := k.do("get", func() error { time.Sleep(time.Second); return nil })
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error = %v, want ErrTimeout", err)
	}
}

// TestRealKeyring runs against the OS keyring. Run it only in a throwaway
// session, e.g.:
//
//	env -u DISPLAY XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- sh -c \
//	  'echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//	   GOMIRROR_REAL_KEYRING=1 go test ./core/private/...'
func TestRealKeyring(t *testing.T) {
	if os.Getenv("GOMIRROR_REAL_KEYRING") != "1" {
		t.Skip("set GOMIRROR_REAL_KEYRING=1 in a throwaway keyring session to run")
	}
	if !isolated(t) {
		return
	}
	s := &Store{Dir: t.TempDir(), Keyring: OSKeyring{Timeout: 20 * time.Second}}
	prefix := fmt.Sprintf("real-%d.example.test/org", time.Now().UnixNano())
	if _, err := s.Set(prefix, "alice", testSecret, ""); err != nil {
		t.Fatal(err)
	}
	defer s.Delete(prefix)
	c, err := s.Lookup("https://" + prefix + "/repo")
	if err != nil || c.Secret != testSecret {
		t.Fatalf("Lookup = %v, %v", c, err)
	}
	if err := s.Delete(prefix); err != nil {
		t.Fatal(err)
	}
	if _, err := (OSKeyring{}).Get(Service, prefix); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
}

// TestRealKeyringFailure checks the error of a keyring that is missing or
// locked for real. GOMIRROR_KEYRING_EXPECT names the expected kind; CI sets
// up each situation (always without DISPLAY, where a locked keyring would
// open a prompt and hang):
//
//	# no-bus
//	env -u DISPLAY DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent GOMIRROR_KEYRING_EXPECT=no-bus go test -run RealKeyringFailure ./core/private/cred
//	# no-secret-service: a bus that cannot activate gnome-keyring
//	env -u DISPLAY dbus-run-session --config-file=core/private/cred/testdata/no-secret-service.conf -- \
//	  env GOMIRROR_KEYRING_EXPECT=no-secret-service go test -run RealKeyringFailure ./core/private/cred
//	# locked: gnome-keyring started but never unlocked
//	env -u DISPLAY XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d) dbus-run-session -- sh -c \
//	  'gnome-keyring-daemon --components=secrets >/dev/null;
//	   GOMIRROR_KEYRING_EXPECT=locked go test -run RealKeyringFailure ./core/private/cred'
func TestRealKeyringFailure(t *testing.T) {
	kinds := map[string]error{"no-bus": ErrNoSessionBus, "no-secret-service": ErrNoSecretSvc, "locked": ErrLocked}
	want, ok := kinds[os.Getenv("GOMIRROR_KEYRING_EXPECT")]
	if !ok {
		t.Skip("set GOMIRROR_KEYRING_EXPECT to no-bus, no-secret-service or locked in a matching session to run")
	}
	if !isolated(t) {
		return
	}
	s := &Store{Dir: t.TempDir(), Keyring: OSKeyring{Timeout: 20 * time.Second}}
	_, err := s.Set("failure.example.test", "alice", testSecret, "")
	if !errors.Is(err, want) {
		t.Fatalf("Set error = %v, want %v", err, want)
	}
	t.Logf("error shown to the user: %v", err)
	if strings.Contains(err.Error(), testSecret.Reveal()) {
		t.Fatal("the error contains the secret")
	}
}

// isolated reruns the calling test alone in a child process, where no other
// test has replaced go-keyring's OS provider with its mock (MockInit cannot
// be undone), and reports whether the caller is that child.
func isolated(t *testing.T) bool {
	if os.Getenv("GOMIRROR_KEYRING_CHILD") == "1" {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "GOMIRROR_KEYRING_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s in a child process: %v\n%s", t.Name(), err, out)
	}
	t.Logf("%s", out)
	return false
}
