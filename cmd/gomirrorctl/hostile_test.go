package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsAreMasked: a password typed into GOPROXY or a credential
// argument is not echoed by set, history or cred.
func TestSecretsAreMasked(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, keyringEnv()...) // never the user's keyring
	for _, r := range []result{
		s.ctl("set", "GOPROXY=https://alice:S3CRET@proxy.example.test,direct"),
		s.ctl("history"),
		s.ctl("history", "--json"),
		s.ctl("set", "--json", "GOPROXY=https://bob:S3CRET@proxy.example.test"),
		s.ctl("cred", "set", "alice:S3CRET@git.example.test", "--user", "alice"),
	} {
		if strings.Contains(r.stdout+r.stderr, "S3CRET") {
			t.Errorf("the secret was shown:\n%v", r)
		}
	}
}

// TestLongSecretRefused: a secret over 64 KiB is refused, not cut short.
func TestLongSecretRefused(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	r := s.ctlIn(strings.Repeat("a", 70_000)+"\n", "cred", "set", "git.example.test", "--user", "a")
	if r.code == 0 || !strings.Contains(r.stderr, "longer than 64 KiB") {
		t.Errorf("cred set of a 70 kB secret: %v", r)
	}
}

// TestRefusalsSayWhatIsWrong: bad arguments exit 2 with a message that
// names the real problem.
func TestRefusalsSayWhatIsWrong(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"probe", "--mirror", "notaurl", "--count", "1"}, 2, "neither a mirror of the catalogue"},
		{[]string{"verify", "bad@@arg"}, 2, "not a module version"},
		{[]string{"profile", "export", "Mainland China"}, 0, "[profiles."},
		{[]string{"set", "GOFLAGS=-badflag"}, 2, "unknown flag -badflag"},
		{[]string{"set", "GOFLAGS=-mod=bogus"}, 2, "-mod=bogus"},
		{[]string{"set", "GOPROXY=https://:8443"}, 2, "has no host name"},
		{[]string{"set", "GOPROXY=https://a.example.test\nGOSUMDB=off"}, 2, "GOPROXY=https://a.example.test."},
	} {
		r := s.ctl(tt.args...)
		if r.code != tt.code || !strings.Contains(r.stdout+r.stderr, tt.want) {
			t.Errorf("gomirrorctl %q: want exit %d with %q, got %v", tt.args, tt.code, tt.want, r)
		}
	}
	imp := filepath.Join(s.home, "p.toml")
	os.WriteFile(imp, []byte("[profiles.Bad.set]\nGOFLAGS = \"-badflag\"\n"), 0o600)
	if r := s.ctl("profile", "import", imp); r.code != 2 || !strings.Contains(r.stderr, "-badflag") {
		t.Errorf("profile import of GOFLAGS=-badflag: %v", r)
	}
	loop := filepath.Join(s.home, "loop")
	os.Symlink(loop, loop)
	s.extra = []string{"GOENV=" + loop}
	if r := s.ctl("doctor"); !strings.Contains(r.stdout, "symbolic link that leads back to itself") {
		t.Errorf("doctor with a symlink loop as GOENV: %v", r)
	}
}
