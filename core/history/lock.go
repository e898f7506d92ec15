package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/gomirror/gomirror/core"
)

// LockWait is how long Lock waits for another Go Mirror writer before it
// gives up.
var LockWait = 10 * time.Second

// ErrBusy reports that another Go Mirror process held the write lock for
// longer than LockWait.
var ErrBusy error = core.NewError("history.busy", nil, nil)

// Lock takes the write lock that every Go Mirror writer (the app, its tray,
// gomirrorctl) holds around read-check-write-record of the files it edits,
// so that two of them never both pass the "unchanged on disk" check and
// lose one's update. The lock is an advisory OS lock (flock on Unix,
// LockFileEx on Windows, through github.com/gofrs/flock) on the file
// write.lock beside the history directory, so it is released when the
// process dies. It waits at most LockWait; the returned function releases it.
//
// The go command does not take this lock: writers outside Go Mirror are
// caught by the content check just before the rename instead.
func (s *Store) Lock(ctx context.Context) (unlock func(), err error) {
	dir := filepath.Dir(filepath.Clean(s.Dir))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, core.NewError("history.lock-mkdir", map[string]string{"Path": dir}, err)
	}
	path := filepath.Join(dir, "write.lock")
	l := flock.New(path, flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(ctx, LockWait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 20*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, core.NewError("history.lock", map[string]string{"Path": path}, err)
	}
	if !ok {
		return nil, core.NewError("history.busy-for", map[string]string{"Path": path, "Wait": LockWait.String()}, ErrBusy)
	}
	return func() { l.Unlock() }, nil
}
