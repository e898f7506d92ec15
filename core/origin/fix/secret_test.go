package fix

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/history"
	"github.com/gomirror/gomirror/core/private/cred/credtest"
)

// TestCommentOutPasswordSealed: commenting out a startup-file line that
// holds a password is recorded sealed (no password in the history's
// files), undone byte for byte, and refused with no keyring, leaving the
// file and the history alone and no backup behind.
func TestCommentOutPasswordSealed(t *testing.T) {
	const before = "export GOPROXY=https://alice:s3cret@old.example.test\n"
	f := rcFile(t, before)
	p, err := CommentOut(f, 1, "GOPROXY")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "history")

	_, err = Apply(p, &history.Store{Dir: dir}, now)
	var ke *history.KeyringError
	if !errors.As(err, &ke) {
		t.Fatalf("Apply with no keyring = %v, want a *history.KeyringError", err)
	}
	if got, _ := os.ReadFile(f); string(got) != before {
		t.Errorf("file after a refused Apply = %q", got)
	}
	if baks, _ := filepath.Glob(f + ".gomirror-*"); len(baks) != 0 {
		t.Errorf("backups left: %v", baks)
	}
	if _, err := os.Stat(dir); err == nil {
		if des, _ := os.ReadDir(dir); len(des) != 0 {
			t.Errorf("history written: %v", des)
		}
	}

	store := &history.Store{Dir: dir, Keyring: &credtest.Keyring{}}
	res, err := Apply(p, store, now)
	if err != nil {
		t.Fatal(err)
	}
	des, _ := os.ReadDir(dir)
	for _, de := range des {
		if data, _ := os.ReadFile(filepath.Join(dir, de.Name())); strings.Contains(string(data), "s3cret") {
			t.Errorf("%s holds the password", de.Name())
		}
	}
	if _, err := Undo(store, res.ID, now); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(f); string(got) != before {
		t.Errorf("file after Undo = %q, want %q", got, before)
	}
}
