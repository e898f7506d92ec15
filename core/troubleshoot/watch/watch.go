// Package watch reports changes to the files behind the go command's
// settings made outside the app: the user env file (go env -w, an editor),
// $GOROOT/go.env and shell rc files. It watches their directories, since
// editors and atomic writers replace a file by renaming another over it,
// and sends one event per burst of changes.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// DefaultDebounce is how long a burst of changes lasts at least: an event
// is sent once no change has happened for this long.
const DefaultDebounce = 200 * time.Millisecond

// Event reports that watched files changed.
type Event struct {
	Paths []string  `json:"paths"` // the watched files that changed, sorted
	Time  time.Time `json:"time"`
}

// Options configure Watch.
type Options struct {
	Debounce time.Duration // DefaultDebounce if zero
}

// Files returns the files whose changes alter r: the user env file and
// $GOROOT/go.env, then rc (shell startup files), made absolute.
func Files(r *resolve.Resolution, rc ...string) []string {
	var out []string
	if r.EnvFile.AbsPath != "" {
		out = append(out, r.EnvFile.AbsPath)
	}
	if r.Goroot.GoEnvPath != "" {
		out = append(out, r.Goroot.GoEnvPath)
	}
	return append(out, rc...)
}

// Watch watches files, which need not exist yet, until ctx is done, and
// sends an Event on the returned channel for each burst of changes to them;
// the channel is closed when watching ends.
func Watch(ctx context.Context, files []string, opts Options) (<-chan Event, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, core.NewError("watch.start", nil, err)
	}
	w := &watcher{fw: fw, files: map[string]bool{}, debounce: opts.Debounce}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			w.files[filepath.Clean(abs)] = true
		}
	}
	if err := w.addDirs(); err != nil {
		fw.Close()
		return nil, err
	}
	out := make(chan Event)
	go w.run(ctx, out)
	return out, nil
}

type watcher struct {
	fw       *fsnotify.Watcher
	files    map[string]bool
	watched  map[string]bool
	debounce time.Duration
}

// addDirs watches, for each file, the nearest directory on its path that
// exists, so that a directory created later (go env -w makes the env
// file's) is noticed and watched in turn.
func (w *watcher) addDirs() error {
	if w.watched == nil {
		w.watched = map[string]bool{}
	}
	var errs []error
	for f := range w.files {
		// A directory created between finding the nearest one and
		// watching it sends its event to no one: look again after each
		// Add until the nearest existing directory is one already watched.
		for {
			dir := existingDir(filepath.Dir(f))
			if dir == "" || w.watched[dir] {
				break
			}
			if err := w.fw.Add(dir); err != nil {
				errs = append(errs, err)
				break
			}
			w.watched[dir] = true
		}
	}
	if len(errs) > 0 && len(w.watched) == 0 {
		return core.NewError("watch.none", nil, errors.Join(errs...))
	}
	return nil
}

// existingDir returns dir or its nearest existing ancestor.
func existingDir(dir string) string {
	for {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// run collects changes and sends one event per quiet period.
func (w *watcher) run(ctx context.Context, out chan<- Event) {
	defer close(out)
	defer w.fw.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	pending := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.note(ev, pending) {
				timer.Reset(w.debounce)
			}
		case <-w.fw.Errors:
			// An overflow loses events; the next one still triggers a reload.
		case <-timer.C:
			if !send(ctx, out, pending) {
				return
			}
			pending = map[string]bool{}
		}
	}
}

// note records ev if it concerns a watched file, or a directory on the way
// to one (then watched in turn); it reports whether it did.
func (w *watcher) note(ev fsnotify.Event, pending map[string]bool) bool {
	name := filepath.Clean(ev.Name)
	if w.files[name] {
		pending[name] = true
		return true
	}
	if ev.Op&fsnotify.Create == 0 {
		return false
	}
	hit := false
	for f := range w.files {
		if rel, err := filepath.Rel(name, f); err == nil && filepath.IsLocal(rel) {
			w.addDirs()
			if _, err := os.Stat(f); err == nil {
				pending[f], hit = true, true
			}
		}
	}
	return hit
}

func send(ctx context.Context, out chan<- Event, pending map[string]bool) bool {
	var paths []string
	for p := range pending {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	select {
	case out <- Event{Paths: paths, Time: time.Now()}:
		return true
	case <-ctx.Done():
		return false
	}
}
