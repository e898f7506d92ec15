package core

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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

// ReadFile calls [ReadFile].
func (OSFS) ReadFile(name string) ([]byte, error) { return ReadFile(name) }

// Stat calls os.Stat.
func (OSFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// EvalSymlinks calls filepath.EvalSymlinks.
func (OSFS) EvalSymlinks(name string) (string, error) { return filepath.EvalSymlinks(name) }

// MaxFileSize is the most ReadFile reads of one file. Every file Go Mirror
// reads (env files, go.env, go.mod, profiles, rc files) is far smaller;
// the cap keeps a path that names an endless device (/dev/zero) from
// exhausting memory.
const MaxFileSize = 16 << 20

// ErrNotRegular reports a named pipe or socket where a file was expected.
// Reading one could block for ever (the go command itself would hang on a
// named pipe as its env file), so ReadFile refuses it.
var ErrNotRegular error = NewError("fs.not-regular", nil, nil)

// ErrTooLarge reports a file larger than MaxFileSize.
var ErrTooLarge error = NewError("fs.too-large", map[string]string{"MiB": strconv.Itoa(MaxFileSize >> 20)}, nil)

// ReadFile reads the named file as os.ReadFile does, except that it never
// blocks on open (a named pipe is opened non-blocking on Unix), refuses
// named pipes and sockets with ErrNotRegular, and stops with ErrTooLarge
// after MaxFileSize bytes. A character device is read like a file, as the
// go command reads it: /dev/null reads as empty.
func ReadFile(name string) ([]byte, error) {
	f, err := openNonBlocking(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Mode()&(fs.ModeNamedPipe|fs.ModeSocket) != 0 {
		return nil, &fs.PathError{Op: "read", Path: name, Err: NewError("fs.not-regular-kind", map[string]string{"Kind": FileKind(fi.Mode())}, ErrNotRegular)}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	return data, nil
}

// FileKind names what kind of file a mode describes, in words for a
// message: "regular file", "directory", "named pipe", "character device"...
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "regular file"
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	}
	return "special file"
}
