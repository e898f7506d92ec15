//go:build !windows

package envfile

import "os"

// rename moves oldpath over newpath; on Unix rename(2) is atomic.
func rename(oldpath, newpath string) error {
	return os.Rename(oldpath, newpath)
}

// syncDir makes a rename in dir durable, as far as the system allows.
// Errors are ignored: the rename itself has already succeeded.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
