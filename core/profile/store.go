package profile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/resolve"
)

// StoreFile is the name of the user's profile file inside Store.Dir.
const StoreFile = "profiles.toml"

// Sentinel errors, wrapped with the profile's name.
var (
	ErrNotFound error = core.NewError("profile.not-found", nil, nil)
	ErrExists   error = core.NewError("profile.exists", nil, nil)
)

// Store keeps the user's profiles and the active-profile marker as TOML in
// Dir, Go Mirror's configuration directory. Every change reads the file,
// edits it and replaces it atomically; a change is refused if another
// program changed the file in between.
type Store struct {
	Dir string
}

// Path returns the file the store reads and writes.
func (s Store) Path() string { return filepath.Join(s.Dir, StoreFile) }

// Load returns the stored profiles; none if the file does not exist yet. A
// hand-edited file that cannot be used is refused with an *InvalidError
// naming its lines.
func (s Store) Load() (*File, error) {
	f, _, _, err := s.load()
	return f, err
}

func (s Store) load() (f *File, data []byte, existed bool, err error) {
	data, err = core.ReadFile(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return &File{}, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, core.NewError("profile.read", nil, err)
	}
	f, err = Parse(s.Path(), data)
	return f, data, true, err
}

// update loads the file, applies fn and writes the result.
func (s Store) update(fn func(f *File) error) error {
	f, base, existed, err := s.load()
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		return err
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return core.NewError("profile.mkdir", nil, err)
	}
	err = envfile.WriteAtomic(s.Path(), Encode(f), base, existed)
	if errors.Is(err, envfile.ErrChanged) {
		return core.NewError("profile.changed", map[string]string{"Path": s.Path()}, nil)
	}
	if err != nil {
		return core.NewError("profile.save", nil, err)
	}
	return nil
}

// List returns the stored profiles in file order and the active profile's
// name ("" if none).
func (s Store) List() ([]Profile, string, error) {
	f, err := s.Load()
	if err != nil {
		return nil, "", err
	}
	return f.Profiles, f.Active, nil
}

// Get returns the stored profile named name.
func (s Store) Get(name string) (Profile, error) {
	f, err := s.Load()
	if err != nil {
		return Profile{}, err
	}
	if i := f.index(name); i >= 0 {
		return f.Profiles[i], nil
	}
	return Profile{}, notFound(name)
}

// Lookup returns the stored profile named name or, if there is none, the
// preset of that name.
func (s Store) Lookup(name string) (Profile, error) {
	p, err := s.Get(name)
	if errors.Is(err, ErrNotFound) {
		if pr, ok := Preset(name); ok {
			return pr, nil
		}
	}
	return p, err
}

func notFound(name string) error {
	return core.NewError("profile.not-found-named", map[string]string{"Name": name}, ErrNotFound)
}

func exists(name string) error {
	return core.NewError("profile.exists-named", map[string]string{"Name": name}, ErrExists)
}

func (f *File) index(name string) int {
	return slices.IndexFunc(f.Profiles, func(p Profile) bool { return p.Name == name })
}

// Put stores p, replacing the stored profile of the same name or adding it
// at the end. Its shape is checked (name, keys, credentials, no secrets);
// its values are checked by Check when it is applied.
func (s Store) Put(p Profile) error {
	if err := checkShape(p); err != nil {
		return err
	}
	return s.update(func(f *File) error {
		p.Preset, p.Origin = false, Origin{}
		if i := f.index(p.Name); i >= 0 {
			f.Profiles[i] = p
		} else {
			f.Profiles = append(f.Profiles, p)
		}
		return nil
	})
}

// Create stores p as a new profile; it is refused if the name is taken.
func (s Store) Create(p Profile) error {
	if err := checkShape(p); err != nil {
		return err
	}
	return s.update(func(f *File) error {
		if f.index(p.Name) >= 0 {
			return exists(p.Name)
		}
		p.Preset, p.Origin = false, Origin{}
		f.Profiles = append(f.Profiles, p)
		return nil
	})
}

// checkShape refuses what a profile may never hold, whatever the machine:
// a bad name, keys it does not manage, secrets, malformed credentials.
func checkShape(p Profile) error {
	var errs []core.Problem
	for _, pr := range core.Errors(Check(nil, p)) {
		switch pr.Code {
		case "profile-name", "profile-unknown-key", "profile-action", "profile-secret", "profile-credential":
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		return &core.RefusedError{Problems: errs}
	}
	return nil
}

// Rename renames a stored profile, keeping its place and the active marker.
func (s Store) Rename(old, name string) error {
	if err := CheckName(name); err != nil {
		return err
	}
	return s.update(func(f *File) error {
		i := f.index(old)
		switch {
		case i < 0:
			return notFound(old)
		case old != name && f.index(name) >= 0:
			return exists(name)
		}
		f.Profiles[i].Name = name
		if f.Active == old {
			f.Active = name
		}
		return nil
	})
}

// Duplicate stores a copy of the stored profile or preset named name as
// newName, right after the original (at the end for a preset), and
// returns it.
func (s Store) Duplicate(name, newName string) (Profile, error) {
	src, err := s.Lookup(name)
	if err != nil {
		return Profile{}, err
	}
	p := src.Clone(newName)
	if err := checkShape(p); err != nil {
		return Profile{}, err
	}
	err = s.update(func(f *File) error {
		if f.index(newName) >= 0 {
			return exists(newName)
		}
		at := f.index(name) + 1
		if at == 0 { // a preset: at the end
			at = len(f.Profiles)
		}
		f.Profiles = slices.Insert(f.Profiles, at, p)
		return nil
	})
	return p, err
}

// Delete removes a stored profile; if it was active, no profile is.
func (s Store) Delete(name string) error {
	return s.update(func(f *File) error {
		i := f.index(name)
		if i < 0 {
			return notFound(name)
		}
		f.Profiles = slices.Delete(f.Profiles, i, i+1)
		if f.Active == name {
			f.Active = ""
		}
		return nil
	})
}

// SetActive marks name as the profile applied last; "" clears the mark.
// The name must be a stored profile or a preset.
func (s Store) SetActive(name string) error {
	return s.update(func(f *File) error {
		if _, ok := Preset(name); name != "" && !ok && f.index(name) < 0 {
			return notFound(name)
		}
		f.Active = name
		return nil
	})
}

// Active returns the name of the profile applied last, or "".
func (s Store) Active() (string, error) {
	f, err := s.Load()
	if err != nil {
		return "", err
	}
	return f.Active, nil
}

// Export returns the named stored profiles (all if none are named) as a
// TOML file to share, without the active marker. A profile that holds a
// secret (hand-edited into the file) is refused with its line, so none can
// leak.
func (s Store) Export(names ...string) ([]byte, error) {
	f, err := s.Load()
	if err != nil {
		return nil, err
	}
	out := &File{Profiles: f.Profiles}
	if len(names) > 0 {
		out.Profiles = nil
		for _, n := range names {
			i := f.index(n)
			if i >= 0 {
				out.Profiles = append(out.Profiles, f.Profiles[i])
			} else if pr, ok := Preset(n); ok {
				out.Profiles = append(out.Profiles, pr)
			} else {
				return nil, notFound(n)
			}
		}
	}
	for _, p := range out.Profiles {
		if err := checkShape(p); err != nil { // a hand-edited secret, say
			return nil, err
		}
	}
	return Encode(out), nil
}

// Import adds the profiles of an exported file to the store. name is the
// file's path, used in problems. Every profile is checked against r; if any
// has an error, nothing is imported and an *InvalidError names the lines.
// A profile whose name is taken is refused unless replace is true.
func (s Store) Import(r *resolve.Resolution, name string, data []byte, replace bool) ([]Profile, error) {
	if len(data) > MaxFileSize {
		return nil, tooMany(name, "size", len(data))
	}
	in, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	if len(in.Profiles) > MaxProfiles {
		return nil, tooMany(name, "count", len(in.Profiles))
	}
	var problems []core.Problem
	for _, p := range in.Profiles {
		problems = append(problems, core.Errors(Check(r, p))...)
	}
	if len(problems) > 0 {
		return nil, &InvalidError{File: name, Problems: problems}
	}
	return in.Profiles, s.update(func(f *File) error { return merge(f, in.Profiles, replace) })
}

// MaxProfiles is the most profiles the store keeps, and MaxFileSize the
// largest file Import reads: far more than anyone switches between, small
// enough that every list and search stays instant.
const (
	MaxProfiles = 1000
	MaxFileSize = 1 << 20
)

// tooMany refuses an import over MaxProfiles or MaxFileSize.
func tooMany(file, what string, n int) error {
	p := core.NewProblem(core.SeverityError, "", "profiles-too-many",
		map[string]string{"What": what, "N": strconv.Itoa(n), "MaxProfiles": strconv.Itoa(MaxProfiles), "MaxMiB": strconv.Itoa(MaxFileSize >> 20)})
	p.File = file
	return &InvalidError{File: file, Problems: []core.Problem{p}}
}

func merge(f *File, ps []Profile, replace bool) error {
	index := make(map[string]int, len(f.Profiles)+len(ps))
	for i, p := range f.Profiles {
		index[p.Name] = i
	}
	for _, p := range ps {
		p.Origin = Origin{}
		i, ok := index[p.Name]
		switch {
		case !ok:
			index[p.Name] = len(f.Profiles)
			f.Profiles = append(f.Profiles, p)
		case replace:
			f.Profiles[i] = p
		default:
			return exists(p.Name)
		}
	}
	if len(f.Profiles) > MaxProfiles {
		return tooMany(StoreFile, "count", len(f.Profiles))
	}
	return nil
}

// All returns every profile to choose from, as the CLI and the app list
// them: the presets first, except one that a stored profile of the same name
// replaces (see Lookup), then the stored profiles in file order; and the
// active profile's name.
func (s Store) All() ([]Profile, string, error) {
	f, err := s.Load()
	if err != nil {
		return nil, "", err
	}
	var out []Profile
	for _, p := range Presets() {
		if f.index(p.Name) < 0 { // a few presets: linear is fine
			out = append(out, p)
		}
	}
	return append(out, f.Profiles...), f.Active, nil
}
