//go:build windows

package envfile

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// errSharingViolation is ERROR_SHARING_VIOLATION, which syscall does not name.
const errSharingViolation syscall.Errno = 32

// rename moves oldpath over newpath. os.Rename uses MoveFileEx with
// MOVEFILE_REPLACE_EXISTING, which fails while another process (the go
// command, an editor, a virus scanner) has newpath open without
// FILE_SHARE_DELETE; such failures are retried for about a second, as
// cmd/go's robustio does.
func rename(oldpath, newpath string) error {
	var err error
	for delay := time.Millisecond; delay < time.Second; delay *= 2 {
		if err = os.Rename(oldpath, newpath); err == nil || !transient(err) {
			return err
		}
		time.Sleep(delay)
	}
	return err
}

// transient reports whether err is an error Windows returns while another
// process holds the file open.
func transient(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) &&
		(errno == syscall.ERROR_ACCESS_DENIED || errno == errSharingViolation)
}

// syncDir does nothing: Windows has no way to sync a directory.
func syncDir(string) {}
