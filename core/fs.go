package core

import (
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the read-only view of files that resolution needs. OSFS uses the
// real file system; tests may substitute their own.
type FS interface {
	ReadFile(name string) ([]byte, error)
	Stat(name string) (fs.FileInfo, error)
	EvalSymlinks(name string) (string, error)
}

// OSFS is the real file system.
type OSFS struct{}

// ReadFile calls os.ReadFile.
func (OSFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// Stat calls os.Stat.
func (OSFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// EvalSymlinks calls filepath.EvalSymlinks.
func (OSFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }
