package mirrors

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/mirrors/probe"
)

// StoreFile is the name of the user's mirror list inside Store.Dir.
const StoreFile = "mirrors.json"

// Store keeps the user's own mirrors (a company Athens, Artifactory or
// Nexus, say) as JSON in Dir, Go Mirror's configuration directory.
type Store struct {
	Dir string
}

// storeData is the file's format.
type storeData struct {
	Version int      `json:"version"`
	Mirrors []Mirror `json:"mirrors"`
}

// Path returns the file the store reads and writes.
func (s Store) Path() string { return filepath.Join(s.Dir, StoreFile) }

// Load returns the user's mirrors; none if the file does not exist yet.
func (s Store) Load() ([]Mirror, error) {
	data, err := os.ReadFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, core.NewError("mirrors.read", nil, err)
	}
	var d storeData
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, core.NewError("mirrors.invalid-json", map[string]string{"Path": s.Path(), "Reason": err.Error()}, nil)
	}
	for i := range d.Mirrors {
		d.Mirrors[i].Origin = OriginUser
	}
	return d.Mirrors, nil
}

// Save replaces the user's mirrors atomically: a temporary file in Dir,
// synced, then renamed over the old one.
func (s Store) Save(ms []Mirror) error {
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return core.NewError("profile.mkdir", nil, err)
	}
	data, err := json.MarshalIndent(storeData{Version: 1, Mirrors: ms}, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(s.Path(), append(data, '\n'))
}

func writeAtomic(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return core.NewError("mirrors.save", nil, err)
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		return core.NewError("mirrors.save-named", map[string]string{"Path": name}, err)
	}
	return nil
}

// Add validates m, fills in its ID (from the name) and SumDB, appends it to
// the user's mirrors and saves them. It refuses a mirror whose ID, name or
// URL is already in the catalogue (the built-in list or the user's).
func (s Store) Add(m Mirror) (Mirror, error) {
	ms, err := s.Load()
	if err != nil {
		return m, err
	}
	m, err = checkNew(m, append(Builtin(), ms...))
	if err != nil {
		return m, err
	}
	return m, s.Save(append(ms, m))
}

// Remove deletes the user's mirror with the given ID, name or URL.
func (s Store) Remove(idOrURL string) error {
	ms, err := s.Load()
	if err != nil {
		return err
	}
	m, ok := Find(ms, idOrURL)
	if !ok {
		if _, builtin := Find(Builtin(), idOrURL); builtin {
			return core.Refuse("", "mirror-builtin", map[string]string{"Mirror": idOrURL})
		}
		return core.Refuse("", "mirror-unknown", map[string]string{"Mirror": idOrURL})
	}
	out := ms[:0]
	for _, x := range ms {
		if x.ID != m.ID {
			out = append(out, x)
		}
	}
	return s.Save(out)
}

// checkNew validates a mirror to add against the existing ones.
func checkNew(m Mirror, existing []Mirror) (Mirror, error) {
	m.Name, m.URL = strings.TrimSpace(m.Name), NormalizeURL(m.URL)
	if m.Name == "" {
		return m, core.Refuse("", "mirror-no-name", nil)
	}
	if err := checkMirrorURL(m.URL); err != nil {
		return m, err
	}
	if m.ID == "" {
		m.ID = uniqueID(slug(m.Name, m.URL), existing)
	}
	for _, x := range existing {
		if strings.EqualFold(x.ID, m.ID) || strings.EqualFold(x.Name, m.Name) || SameURL(x.URL, m.URL) {
			return m, core.Refuse("", "mirror-duplicate", map[string]string{"Name": m.Name, "URL": m.URL, "Existing": x.Name})
		}
	}
	m.SumDB, m.Origin = probe.SumDBUnknown, OriginUser
	return m, nil
}

// checkMirrorURL accepts an http or https URL with a host and no
// credentials.
func checkMirrorURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return core.Refuse("", "mirror-bad-url", map[string]string{"URL": raw, "Case": "invalid", "Error": err.Error()})
	case u.Scheme != "https" && u.Scheme != "http":
		return core.Refuse("", "mirror-bad-url", map[string]string{"URL": raw, "Case": "scheme"})
	case u.Host == "":
		return core.Refuse("", "mirror-bad-url", map[string]string{"URL": raw, "Case": "no-host"})
	case u.User != nil:
		u.User = nil
		return core.Refuse("", "mirror-credentials", map[string]string{"URL": u.String()})
	}
	return nil
}

// uniqueID returns id, or id-2, id-3… if an existing mirror has it.
func uniqueID(id string, existing []Mirror) string {
	for n, cand := 2, id; ; n++ {
		if _, taken := findID(existing, cand); !taken {
			return cand
		}
		cand = fmt.Sprintf("%s-%d", id, n)
	}
}

func findID(ms []Mirror, id string) (Mirror, bool) {
	for _, m := range ms {
		if strings.EqualFold(m.ID, id) {
			return m, true
		}
	}
	return Mirror{}, false
}

// slug turns a name into an ID of lower-case letters, digits, dots and
// dashes; for a name with none of those (say, in Chinese), the URL's host.
func slug(name, rawURL string) string {
	if s := slugOf(name); s != "" {
		return s
	}
	if u, err := url.Parse(rawURL); err == nil && slugOf(u.Hostname()) != "" {
		return slugOf(u.Hostname())
	}
	return "mirror"
}

func slugOf(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.'
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}
