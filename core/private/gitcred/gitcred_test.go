package gitcred

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/private/internal/modtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	modtest.Cleanup()
	os.Exit(code)
}

func newStore(t *testing.T) *cred.Store {
	keyring.MockInit()
	s := &cred.Store{Dir: t.TempDir(), Keyring: cred.OSKeyring{}}
	for _, c := range []struct{ prefix, user, secret string }{
		{"git.example.test", "host", "s-host"},
		{"git.example.test/org", "org", "s-org"},
	} {
		if _, err := s.Set(c.prefix, c.user, cred.Secret(c.secret), ""); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func serve(t *testing.T, s Store, action, input string) string {
	t.Helper()
	var out bytes.Buffer
	if err := Serve(action, strings.NewReader(input), &out, s); err != nil {
		t.Fatalf("Serve(%s, %q): %v", action, input, err)
	}
	return out.String()
}

func TestGet(t *testing.T) {
	s := newStore(t)
	for _, tt := range []struct{ in, want string }{
		{"protocol=https\nhost=git.example.test\n\n", "username=host\npassword=s-host\n"},
		{"protocol=https\nhost=git.example.test\npath=org/repo.git\n\n", "username=org\npassword=s-org\n"},
		{"protocol=https\nhost=git.example.test\npath=organ/repo.git\n", "username=host\npassword=s-host\n"},
		{"url=https://git.example.test/org/x\n", "username=org\npassword=s-org\n"},
		{"protocol=https\nhost=git.example.test\nusername=someone\n", ""},
		{"protocol=http\nhost=git.example.test\n", ""},
		{"protocol=https\nhost=other.example.test\n", ""},
		{"capability[]=authtype\nprotocol=https\nhost=GIT.example.test\nwwwauth[]=Basic realm=x\n", "username=host\npassword=s-host\n"},
	} {
		if got := serve(t, s, "get", tt.in); got != tt.want {
			t.Errorf("get %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStoreErase(t *testing.T) {
	s := newStore(t)
	serve(t, s, "store", "protocol=https\nhost=git.example.test\npath=team/repo\nusername=bob\npassword=pw\n")
	if c, err := s.Get("git.example.test/team/repo"); err != nil || c.User != "bob" {
		t.Fatalf("after store: %+v, %v", c.Entry, err)
	}
	serve(t, s, "store", "protocol=http\nhost=plain.example.test\nusername=bob\npassword=pw\n")
	if _, err := s.Get("plain.example.test"); !errors.Is(err, cred.ErrNotFound) {
		t.Fatalf("an http credential was stored: %v", err)
	}
	serve(t, s, "erase", "protocol=https\nhost=git.example.test\npath=org\nusername=org\npassword=wrong\n")
	if _, err := s.Get("git.example.test/org"); err != nil {
		t.Fatalf("erase with another password removed the stored credential: %v", err)
	}
	serve(t, s, "erase", "protocol=https\nhost=git.example.test\npath=org\nusername=org\npassword=s-org\n")
	if _, err := s.Get("git.example.test/org"); !errors.Is(err, cred.ErrNotFound) {
		t.Fatalf("erase of the rejected credential: %v", err)
	}
}

func TestParseRequest(t *testing.T) {
	if _, err := ParseRequest(strings.NewReader("no equals sign\n")); !errors.Is(err, ErrBadInput) {
		t.Errorf("error = %v, want ErrBadInput", err)
	}
}

// FuzzParseRequest checks that any input parses or fails cleanly, and that
// get answers only for https.
func FuzzParseRequest(f *testing.F) {
	f.Add("protocol=https\nhost=git.example.test\npath=org/x\n\n")
	f.Add("url=https://u@git.example.test:8443/org\n")
	f.Add("protocol=http\nhost=git.example.test\n")
	keyring.MockInit()
	s := &cred.Store{Dir: f.TempDir(), Keyring: cred.OSKeyring{}}
	s.Set("git.example.test", "host", "s-host", "")
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ParseRequest(strings.NewReader(in))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Serve("get", strings.NewReader(in), &out, s); err != nil {
			return
		}
		if out.Len() > 0 && q.Protocol != "https" {
			t.Fatalf("answered a %q request: %q", q.Protocol, in)
		}
	})
}

func TestHelperValue(t *testing.T) {
	for exe, want := range map[string]string{
		"/usr/bin/gomirrorctl":             "!/usr/bin/gomirrorctl git-credential",
		"/opt/Go Mirror/gomirrorctl":       "!'/opt/Go Mirror/gomirrorctl' git-credential",
		"/opt/Bob's Mirror/gomirrorctl":    `!'/opt/Bob'\''s Mirror/gomirrorctl' git-credential`,
		`C:\Program Files\gomirrorctl.exe`: `!'C:\Program Files\gomirrorctl.exe' git-credential`,
	} {
		if got := HelperValue(exe); got != want {
			t.Errorf("HelperValue(%q) = %q, want %q", exe, got, want)
		}
	}
}

// TestRealGit sets the helper up with SetupArgs and runs git credential
// fill, approve and reject, which call the helper exactly as a fetch does.
func TestRealGit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a helper and runs git")
	}
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	ctl := modtest.BuildCtl(t, false)
	ctl.Store.Set("git.example.test/org", "alice", "s-alice", "")
	home := t.TempDir()
	env := append(ctl.Env, "HOME="+home, "PATH="+os.Getenv("PATH"), "GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+filepath.Join(home, ".gitconfig"), "GIT_TERMINAL_PROMPT=0", "GIT_ASKPASS=", "SSH_ASKPASS=")
	git := func(stdin string, args ...string) (string, error) {
		cmd := exec.Command(gitBin, args...)
		cmd.Env, cmd.Stdin = env, strings.NewReader(stdin)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	ps, _, _ := ctl.Store.Prefixes()
	for _, args := range SetupArgs(ctl.Exe, ps) {
		if out, err := git("", args...); err != nil {
			t.Fatalf("git %q: %v\n%s", args, err, out)
		}
	}
	out, err := git("protocol=https\nhost=git.example.test\npath=org/repo.git\n\n", "credential", "fill")
	if err != nil || !strings.Contains(out, "username=alice\n") || !strings.Contains(out, "password=s-alice\n") {
		t.Fatalf("git credential fill = %q, %v; want alice", out, err)
	}
	if out, err := git("protocol=https\nhost=git.example.test\npath=other/repo.git\n\n", "credential", "fill"); err == nil {
		t.Fatalf("git credential fill for a path without a credential succeeded: %q", out)
	}
	git("protocol=https\nhost=git.example.test\npath=other/repo.git\nusername=bob\npassword=s-bob\n\n", "credential", "approve")
	if c, err := ctl.Store.Get("git.example.test/other/repo.git"); err != nil || c.User != "bob" {
		t.Fatalf("after approve: %+v, %v", c.Entry, err)
	}
	git("protocol=https\nhost=git.example.test\npath=org\nusername=alice\npassword=s-alice\n\n", "credential", "reject")
	if _, err := ctl.Store.Get("git.example.test/org"); !errors.Is(err, cred.ErrNotFound) {
		t.Fatalf("after reject: %v, want the credential erased", err)
	}
	data, _ := os.ReadFile(filepath.Join(home, ".gitconfig"))
	if strings.Contains(string(data), "s-alice") || !strings.Contains(string(data), "useHttpPath = true") {
		t.Fatalf(".gitconfig = %s", data)
	}
}
