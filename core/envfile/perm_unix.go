//go:build unix

package envfile

import (
	"io/fs"
	"os"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// checkPermissions refuses a file this process may not write (access(2)
// with W_OK, so root may, as for go env -w) and, for anyone but root, a
// file owned by another user: a rename would replace it with one this
// user owns.
func checkPermissions(path string, fi fs.FileInfo) error {
	if unix.Access(path, unix.W_OK) != nil {
		return &ReplaceError{Path: path, Reason: "read-only", Mode: fi.Mode().Perm()}
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if euid := os.Geteuid(); ok && euid != 0 && int(st.Uid) != euid {
		return &ReplaceError{Path: path, Reason: "other-owner", Mode: fi.Mode().Perm(), Owner: strconv.Itoa(int(st.Uid))}
	}
	return nil
}

// keepOwner gives tmp the owner and group of the file at path, so that
// replacing it keeps them. Only root may give a file away, and any user
// may pick one of their own groups; failures are ignored, since
// checkPermissions already refused a file of another owner.
func keepOwner(tmp, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		return
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	uid := -1
	if os.Geteuid() == 0 {
		uid = int(st.Uid)
	}
	os.Lchown(tmp, uid, int(st.Gid))
}
