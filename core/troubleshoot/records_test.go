package troubleshoot

import (
	"slices"
	"testing"
)

// TestCleanLines: the noise CI systems, Docker, loggers and terminals add
// is removed, and the indentation after it is kept, so that continuation
// lines stay continuations.
func TestCleanLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"#14 182.1 go: example.test/m@v1.0.0: x", "go: example.test/m@v1.0.0: x"},
		{"#9 33.83 \tserver response: not found", "\tserver response: not found"},
		{"#9 [builder 4/5] RUN go mod download", "RUN go mod download"},
		{"14.66 \tfatal: early EOF", "\tfatal: early EOF"},
		{"2024-05-01T10:00:00.1234567Z         downloaded: h1:abc=", "        downloaded: h1:abc="},
		{"   2025-08-18T17:48:55.77+0200 [STG/0] ERR go: go.mod requires go >= 1.23.0", "go: go.mod requires go >= 1.23.0"},
		{"[   47s] go: inconsistent vendoring in /x:", "go: inconsistent vendoring in /x:"},
		{"level=error msg=x", "msg=x"},
		{"[ERROR] go: x", "go: x"},
		{"> go: x", "go: x"},
		{"# output: go: x", "go: x"},
		{"\x1b[31mgo: x\x1b[0m", "go: x"},
		{"go: x\r", "go: x"},
		{"downloading 10%\rdownloading 100%\rgo: x", "go: x"},
		{"        github.com/a/b@v1.0.0: is explicitly required", "        github.com/a/b@v1.0.0: is explicitly required"},
		{"go: v1.22.0 is fine", "go: v1.22.0 is fine"},
	} {
		if got := cleanLines(c.in); len(got) != 1 || got[0] != c.want {
			t.Errorf("cleanLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	got := cleanLines("go: m@v1: reading\nhttps://mirror.example.test/m/@v/v1.info: 403 Forbidden\n")
	if want := []string{"go: m@v1: reading https://mirror.example.test/m/@v/v1.info: 403 Forbidden", ""}; !slices.Equal(got, want) {
		t.Errorf("a wrapped URL: cleanLines = %q, want %q", got, want)
	}
}

// TestNarrowPattern: the narrowest pattern is the repository on hosts that
// many owners share and the host otherwise; * and whole shared or
// public-only hosts are never safe.
func TestNarrowPattern(t *testing.T) {
	for _, c := range []struct {
		mod, want string
		safe      bool
	}{
		{"github.com/acme/secret/sub", "github.com/acme/secret", true},
		{"gitlab.com/acme/team/lib", "gitlab.com/acme/team", true},
		{"git.corp.example.test/team/lib", "git.corp.example.test", true},
		{"gopkg.in/check.v1", "gopkg.in/check.v1", false},
		{"golang.org/x/mod", "golang.org", false},
		{"github.com", "github.com", false},
	} {
		got := narrowPattern(c.mod)
		if got != c.want || safePattern(got) != c.safe {
			t.Errorf("narrowPattern(%q) = %q (safe %t), want %q (safe %t)", c.mod, got, safePattern(got), c.want, c.safe)
		}
	}
	if safePattern("*") || safePattern("*.corp.example.test") || safePattern("a.example.test,b.example.test") {
		t.Error("safePattern accepts a wildcard or a list")
	}
}
