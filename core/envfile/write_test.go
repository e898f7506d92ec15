package envfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// dirNames returns the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

// checkOnly fails unless dir holds exactly names: no temp file left behind.
func checkOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	if got := dirNames(t, dir); !slices.Equal(got, names) {
		t.Errorf("directory holds %q, want %q", got, names)
	}
}

func checkFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", filepath.Base(path), got, want)
	}
}

func checkMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), got, want)
	}
}

func TestWriteAtomicNewFile(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "config", "go")
	path := filepath.Join(dir, "env")
	if err := WriteAtomic(path, []byte("GOPROXY=off\n"), nil, false); err != nil {
		t.Fatalf("WriteAtomic: %v", err)
	}
	checkFile(t, path, "GOPROXY=off\n")
	checkMode(t, path, 0o644)
	checkOnly(t, dir, "env")
}

func TestWriteAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "env")
	if err := os.WriteFile(path, []byte("A=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(path, []byte("A=2\n"), []byte("A=1\n"), true); err != nil {
		t.Fatalf("WriteAtomic: %v", err)
	}
	checkFile(t, path, "A=2\n")
	checkMode(t, path, 0o600)
	checkOnly(t, dir, "env")
}

// changedTests are files that no longer match what the caller read.
var changedTests = []struct {
	name        string
	onDisk      *string // nil: no file
	base        string
	baseExisted bool
}{
	{"content changed", ptr("A=2\n"), "A=1\n", true},
	{"file created", ptr(""), "", false},
	{"file removed", nil, "A=1\n", true},
	{"emptied", ptr(""), "A=1\n", true},
	{"final newline added", ptr("A=1\n"), "A=1", true},
}

func ptr(s string) *string { return &s }

func TestWriteAtomicChanged(t *testing.T) {
	for _, tt := range changedTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "env")
			var want []string
			if tt.onDisk != nil {
				if err := os.WriteFile(path, []byte(*tt.onDisk), 0o644); err != nil {
					t.Fatal(err)
				}
				want = []string{"env"}
			}
			err := WriteAtomic(path, []byte("NEW=1\n"), []byte(tt.base), tt.baseExisted)
			if !errors.Is(err, ErrChanged) {
				t.Fatalf("WriteAtomic = %v, want ErrChanged", err)
			}
			checkOnly(t, dir, want...)
			if tt.onDisk != nil {
				checkFile(t, path, *tt.onDisk)
			}
		})
	}
}

// TestWriteAtomicChangedLate changes the file after the temp file is
// written, just before the final check.
func TestWriteAtomicChangedLate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "env")
	if err := os.WriteFile(path, []byte("A=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	setHook(t, func() {
		if err := os.WriteFile(path, []byte("A=1\nB=2\n"), 0o644); err != nil {
			t.Error(err)
		}
	})
	err := WriteAtomic(path, []byte("A=3\n"), []byte("A=1\n"), true)
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("WriteAtomic = %v, want ErrChanged", err)
	}
	checkFile(t, path, "A=1\nB=2\n")
	checkOnly(t, dir, "env")
}

func setHook(t *testing.T, f func()) {
	testHookBeforeCheck = f
	t.Cleanup(func() { testHookBeforeCheck = nil })
}

func TestWriteAtomicDirectory(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "env")
	if err := os.Mkdir(path, 0o777); err != nil {
		t.Fatal(err)
	}
	err := WriteAtomic(path, []byte("A=1\n"), nil, false)
	if err == nil || errors.Is(err, ErrChanged) {
		t.Fatalf("WriteAtomic over a directory = %v, want a read error", err)
	}
	checkOnly(t, dir, "env")
}

// TestWriteAtomicUnwritableDir checks the error path where the temp file
// cannot be created.
func TestWriteAtomicUnwritableDir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions that bind the user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "env")
	if err := os.WriteFile(path, []byte("A=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if err := WriteAtomic(path, []byte("A=2\n"), []byte("A=1\n"), true); err == nil {
		t.Fatal("WriteAtomic in a read-only directory succeeded")
	}
	checkFile(t, path, "A=1\n")
	checkOnly(t, dir, "env")
}

// TestWriteAtomicSymlink checks that a symlinked env file (dotfiles) stays
// a symlink and its target gets the new content, as go env -w would do.
func TestWriteAtomicSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "dotfiles", "goenv")
	link := filepath.Join(dir, "env")
	if err := os.MkdirAll(filepath.Dir(target), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("A=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if err := WriteAtomic(link, []byte("A=2\n"), []byte("A=1\n"), true); err != nil {
		t.Fatalf("WriteAtomic: %v", err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("env is no longer a symlink: %v, %v", fi, err)
	}
	checkFile(t, target, "A=2\n")
	checkMode(t, target, 0o600)
	checkOnly(t, filepath.Dir(target), "goenv")
}
