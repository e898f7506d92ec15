package shell

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Cache remembers captures. An entry is keyed by the shell, its starting
// environment, and the size and modification time of the shell binary and
// of every watched file (the rc files it reads, including ones that do not
// exist yet), so that editing, creating or removing one of them invalidates
// it. A file sourced in a way the static scan cannot follow is not watched;
// Forget drops everything.
//
// With Dir set, entries are also kept on disk (mode 0600: environments may
// hold secrets), so separate CLI runs share them. A Cache is safe for
// concurrent use.
type Cache struct {
	Dir string

	mu  sync.Mutex
	mem map[string]*Capture
}

// Run returns the cached capture for sh, o and the watched files, or runs
// the shell and caches the result. cached reports a hit. Failures are not
// cached.
func (c *Cache) Run(ctx context.Context, sh Shell, o Options, watched []string) (capture *Capture, cached bool, err error) {
	key := Key(sh, o.Env, watched)
	if cp := c.get(sh, key); cp != nil {
		return cp, true, nil
	}
	cp, err := Run(ctx, sh, o)
	if err != nil {
		return nil, false, err
	}
	c.put(sh, key, cp)
	return cp, false, nil
}

// Forget drops every entry.
func (c *Cache) Forget() error {
	c.mu.Lock()
	c.mem = nil
	c.mu.Unlock()
	if c.Dir == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(c.Dir, "shell-*.json"))
	for _, f := range files {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// Key is the cache key of a capture: a hash of the shell, the starting
// environment and the state of the watched files.
func Key(sh Shell, env []string, watched []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\n", sh.Path, sh.Kind, stamp(sh.Path))
	sorted := slices.Clone(env)
	slices.Sort(sorted)
	for _, kv := range sorted {
		io.WriteString(h, kv+"\x00")
	}
	for _, f := range watched {
		fmt.Fprintf(h, "\n%s\x00%s", f, stamp(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// stamp describes a file's state: size and modification time, or that it
// is missing.
func stamp(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "missing"
	}
	return fmt.Sprintf("%d/%d", fi.Size(), fi.ModTime().UnixNano())
}

// diskEntry is the on-disk form of an entry: one file per shell, holding
// its newest capture.
type diskEntry struct {
	Key     string   `json:"key"`
	Capture *Capture `json:"capture"`
}

func (c *Cache) get(sh Shell, key string) *Capture {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cp := c.mem[key]; cp != nil {
		return cp
	}
	if c.Dir == "" {
		return nil
	}
	data, err := os.ReadFile(c.file(sh))
	if err != nil {
		return nil
	}
	var e diskEntry
	if json.Unmarshal(data, &e) != nil || e.Key != key || e.Capture == nil {
		return nil
	}
	c.remember(key, e.Capture)
	return e.Capture
}

func (c *Cache) put(sh Shell, key string, cp *Capture) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.remember(key, cp)
	if c.Dir == "" {
		return
	}
	if data, err := json.Marshal(diskEntry{key, cp}); err == nil {
		writeFile(c.file(sh), data) // best effort: the cache only saves time
	}
}

func (c *Cache) remember(key string, cp *Capture) {
	if c.mem == nil {
		c.mem = map[string]*Capture{}
	}
	c.mem[key] = cp
}

// file is the on-disk entry of sh.
func (c *Cache) file(sh Shell) string {
	sum := sha256.Sum256([]byte(sh.Path))
	return filepath.Join(c.Dir, "shell-"+hex.EncodeToString(sum[:8])+".json")
}

// writeFile writes data to a private temp file and renames it into place.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".shell-*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
