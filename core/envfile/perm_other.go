//go:build !unix

package envfile

import "io/fs"

// checkPermissions refuses a file marked read-only (on Windows, the
// read-only attribute, which Go reports as a mode without write bits).
func checkPermissions(path string, fi fs.FileInfo) error {
	if fi.Mode().Perm()&0o200 == 0 {
		return &ReplaceError{Path: path, Reason: "read-only", Mode: fi.Mode().Perm()}
	}
	return nil
}

// keepOwner does nothing: a replaced file inherits the directory's ACL.
func keepOwner(tmp, path string) {}
