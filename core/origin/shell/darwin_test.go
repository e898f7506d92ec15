package shell

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/gomirror/gomirror/core/origin"
)

// TestFindDsclRecorded runs the macOS login shell lookup on dscl's real
// answers, kept in testdata/darwin with their sources (README.md there).
// A failing dscl exits with a status and writes its error to standard
// error, so the lookup falls back to /etc/passwd, then /bin/sh.
func TestFindDsclRecorded(t *testing.T) {
	cases := []struct {
		file string
		exit int // dscl's exit status
		want Shell
	}{
		{"dscl-usershell.out", 0, Shell{"/bin/bash", origin.Bash, "dscl"}},
		{"dscl-search-twice.out", 0, Shell{"/bin/bash", origin.Bash, "dscl"}},
		{"dscl-next-line.out", 0, Shell{"/usr/local/bin/fish", origin.Fish, "dscl"}},
		{"dscl-no-such-key.out", 0, Shell{"/bin/sh", origin.Sh, "default"}},
		{"dscl-record-not-found.err", 56, Shell{"/bin/sh", origin.Sh, "default"}},
		{"dscl-permission.err", 40, Shell{"/bin/sh", origin.Sh, "default"}},
	}
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join("testdata/darwin", c.file))
		if err != nil {
			t.Fatal(err)
		}
		output := func(name string, args ...string) ([]byte, error) {
			if c.exit != 0 { // what exec.Cmd.Output returns: stdout, and the exit error
				return nil, exitError(t, c.exit)
			}
			return data, nil
		}
		f := Finder{Env: []string{}, GOOS: "darwin", Username: "ann", Output: output,
			ReadFile: func(string) ([]byte, error) { return nil, errors.New("macOS has no passwd entry for ann") }}
		if got, err := f.Find(); err != nil || got != c.want {
			t.Errorf("%s: Find() = %+v, %v; want %+v", c.file, got, err, c.want)
		}
	}
}

// exitError is a real *exec.ExitError with the given status.
func exitError(t *testing.T, status int) error {
	t.Helper()
	err := exec.Command("sh", "-c", "exit "+strconv.Itoa(status)).Run()
	if err == nil {
		t.Fatalf("sh -c 'exit %d' succeeded", status)
	}
	return err
}
