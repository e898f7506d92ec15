package goauth

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestFindHelper(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a Unix executable")
	}
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	if _, err := FindHelper(); !errors.Is(err, ErrHelperNotFound) {
		t.Errorf("FindHelper() with no helper on PATH = %v, want ErrHelperNotFound", err)
	}
	want := filepath.Join(dir, HelperName)
	if err := os.WriteFile(want, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := FindHelper(); err != nil || got != want {
		t.Errorf("FindHelper() = %q, %v, want %q", got, err, want)
	}
}
