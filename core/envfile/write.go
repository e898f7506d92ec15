package envfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if fi.IsDir() {
		return nil, 0, &fs.PathError{Op: "read", Path: path, Err: errors.New("is a directory")}
	}
	data, err := io.ReadAll(f)
	return data, fi.Mode().Perm(), err
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
