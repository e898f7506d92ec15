package envfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gomirror/gomirror/core"
)

// newFileMode is the mode of an env file WriteAtomic creates.
const newFileMode fs.FileMode = 0o644

// testHookBeforeCheck, if set, runs after the temp file is complete and just
// before the file is compared with base; tests use it to change the file at
// the worst moment.
var testHookBeforeCheck func()

// WriteAtomic replaces the file at path with data: it writes a temp file in
// the same directory, syncs it, gives it the existing file's mode (0644 for
// a new file), and renames it over path, creating the directory (0777, as
// go env -w does) if needed. If path is a symlink, the file it points to is
// replaced and the link kept.
//
// base is the content the caller read, and baseExisted whether the file
// existed then. Just before the rename, WriteAtomic reads the file again; if
// it no longer matches (content, or existence), it returns ErrChanged and
// writes nothing. No temp file is left behind on any path.
//
// The go command neither locks the file nor replaces it atomically, so this
// narrows the window for a lost update to the moment between the final
// check and the rename; it cannot close it.
func WriteAtomic(path string, data, base []byte, baseExisted bool) error {
	path = resolveLink(path)
	if err := CheckReplaceable(path); err != nil {
		return err
	}
	if _, err := checkBase(path, base, baseExisted); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	tmp, err := writeTemp(dir, filepath.Base(path), data)
	if err != nil {
		return err
	}
	if err := replace(tmp, path, base, baseExisted); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

// replace gives tmp the mode of the file at path, checks that file against
// base and renames tmp over it.
func replace(tmp, path string, base []byte, baseExisted bool) error {
	if testHookBeforeCheck != nil {
		testHookBeforeCheck()
	}
	mode, err := checkBase(path, base, baseExisted)
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return err
	}
	keepOwner(tmp, path)
	return rename(tmp, path)
}

// resolveLink returns the file path's symlinks lead to, or path itself if it
// is not a symlink or cannot be resolved.
func resolveLink(path string) string {
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return path
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// checkBase reads the file at path and returns ErrChanged unless it matches
// base and baseExisted. It returns the mode the new file should have.
func checkBase(path string, base []byte, baseExisted bool) (fs.FileMode, error) {
	cur, mode, err := readFile(path)
	existed := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	if existed != baseExisted || !bytes.Equal(cur, base) {
		return 0, ErrChanged
	}
	if !existed {
		mode = newFileMode
	}
	return mode, nil
}

// readFile returns the content and permission bits of the file at path.
func readFile(path string) ([]byte, fs.FileMode, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	if fi.IsDir() {
		return nil, 0, &fs.PathError{Op: "read", Path: path, Err: core.NewError("fs.is-directory", nil, nil)}
	}
	data, err := core.ReadFile(path)
	return data, fi.Mode().Perm(), err
}

// ReplaceError is why WriteAtomic will not replace a file: it is not a
// regular file, or its permissions or owner say Go Mirror may not change it.
// Nothing was written.
type ReplaceError struct {
	Path   string
	Reason string      // "not-regular", "read-only" or "other-owner"
	Kind   string      // for not-regular: what the file is (core.FileKind)
	Mode   fs.FileMode // the file's permission bits
	Owner  string      // for other-owner: the owner's user ID
}

func (e *ReplaceError) Error() string {
	switch e.Reason {
	case "not-regular":
		return fmt.Sprintf("%s is a %s, not a regular file; Go Mirror only replaces regular files", e.Path, e.Kind)
	case "read-only":
		return fmt.Sprintf("%s is read-only (mode %04o)", e.Path, e.Mode)
	}
	return fmt.Sprintf("%s belongs to another user (uid %s); replacing it would make it yours", e.Path, e.Owner)
}

// Problem returns e as the problem of a refused write, with its fix.
func (e *ReplaceError) Problem() core.Problem {
	args := map[string]string{"Path": e.Path, "Kind": e.Kind, "Mode": fmt.Sprintf("%04o", uint32(e.Mode)), "Owner": e.Owner}
	code := map[string]string{"not-regular": "file-not-regular", "read-only": "file-read-only", "other-owner": "file-other-owner"}[e.Reason]
	p := core.NewProblem(core.SeverityError, "", code, args)
	p.File = e.Path
	return p
}

// Localize returns e in l: the message of its Problem.
func (e *ReplaceError) Localize(l *core.Lang) string {
	msg, _ := l.Problem(e.Problem())
	return msg
}

// CheckReplaceable returns a *ReplaceError if the existing file at path
// (after symlinks) must not be replaced: it is a device, named pipe, socket
// or directory (renaming a file over /dev/null would break it for the whole
// system); its permissions do not let this user write it (a 0444 file, which
// go env -w refuses too); or it belongs to another user who would lose it to
// this one, since replacing a file makes a new one. A missing file is
// replaceable, and so is a dangling symlink (the write creates its target,
// as go env -w does); other Lstat errors are returned as they are.
func CheckReplaceable(path string) error {
	path = resolveLink(path)
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil
	}
	if !fi.Mode().IsRegular() {
		return &ReplaceError{Path: path, Reason: "not-regular", Kind: core.FileKind(fi.Mode()), Mode: fi.Mode().Perm()}
	}
	return checkPermissions(path, fi)
}

// writeTemp writes data to a new synced temp file in dir and returns its
// name. On error it removes the file.
func writeTemp(dir, name string, data []byte) (tmp string, err error) {
	f, err := os.CreateTemp(dir, "."+name+".gomirror-*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// RemoveIf removes the file at path if it still holds base, for undoing the
// write that created it. It returns ErrChanged if the file changed.
func RemoveIf(path string, base []byte) error {
	path = resolveLink(path)
	if err := CheckReplaceable(path); err != nil {
		return err
	}
	if _, err := checkBase(path, base, true); err != nil {
		return err
	}
	return os.Remove(path)
}
