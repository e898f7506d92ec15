// Package profile keeps named sets of module-download settings ("Mainland
// China", "Office VPN", "Offline") and switches all of them in one step.
//
// A Profile says, for each key in Keys, whether to set it to a value, unset
// it (remove it from the user env file so that $GOROOT/go.env's default
// applies) or leave it as it is. It may also name the credentials it needs,
// by host or module path prefix; secrets themselves never appear in a
// profile, a profile file or a snippet.
//
// NewPlan compares a profile with a resolution and lists what would change;
// the caller writes the plan with service.Apply in one atomic, undoable
// step:
//
//	r := svc.Resolve()
//	pl := profile.NewPlan(r, p) // the diff preview
//	if err := pl.Err(); err != nil || pl.Empty() {
//		return err
//	}
//	res, err := svc.Apply(r, pl.Sets(), pl.Unsets()) // res.Warnings: shadowed keys
//	...
//	store.SetActive(p.Name)
//
// Store keeps the user's profiles as TOML in Go Mirror's config dir;
// Snippet renders a profile for shells, Dockerfiles and CI.
package profile

import (
	"slices"

	"github.com/gomirror/gomirror/core/resolve"
)

// Keys are the settings a profile manages, in display order.
var Keys = []string{"GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOAUTH", "GOFLAGS", "GOTOOLCHAIN"}

// IsKey reports whether key is one of Keys.
func IsKey(key string) bool { return slices.Contains(Keys, key) }

// Action is what a profile does with one key.
type Action string

// Actions.
const (
	Leave Action = "leave" // keep whatever the env file has
	Set   Action = "set"   // write Choice.Value to the env file
	Unset Action = "unset" // remove the key from the env file
)

// Choice is a profile's decision for one key.
type Choice struct {
	Action Action `json:"action"`
	Value  string `json:"value,omitempty"` // only for Set
}

// Origin says where a profile was read from, so that problems can name the
// file and line to fix.
type Origin struct {
	File  string         `json:"file,omitempty"`
	Line  int            `json:"line,omitempty"`  // the profile's table header
	Lines map[string]int `json:"lines,omitempty"` // per key in Keys, and "credentials"
}

// Profile is a named set of module settings.
type Profile struct {
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	Choices     map[string]Choice `json:"choices"` // keys from Keys; a missing key is left as is
	// Credentials names the hosts or module path prefixes whose credentials
	// the profile needs, e.g. "athens.corp.example.test" or
	// "github.com/acme". The secrets stay in the keyring.
	Credentials []string `json:"credentials,omitempty"`
	Preset      bool     `json:"preset,omitempty"` // a built-in template, not a stored profile
	Origin      Origin   `json:"origin,omitzero"`
}

// Get returns the profile's choice for key; Leave if it has none.
func (p Profile) Get(key string) Choice {
	if c, ok := p.Choices[key]; ok && c.Action != "" {
		return c
	}
	return Choice{Action: Leave}
}

// SetValue makes the profile set key to value.
func (p *Profile) SetValue(key, value string) { p.put(key, Choice{Action: Set, Value: value}) }

// UnsetKey makes the profile remove key from the env file.
func (p *Profile) UnsetKey(key string) { p.put(key, Choice{Action: Unset}) }

// LeaveKey makes the profile leave key as it is.
func (p *Profile) LeaveKey(key string) { delete(p.Choices, key) }

func (p *Profile) put(key string, c Choice) {
	if p.Choices == nil {
		p.Choices = map[string]Choice{}
	}
	p.Choices[key] = c
}

// Clone returns a deep copy of p named name, without its origin or preset
// mark: the start of a duplicate or of a profile made from a preset.
func (p Profile) Clone(name string) Profile {
	q := p
	q.Name, q.Preset, q.Origin = name, false, Origin{}
	q.Choices = make(map[string]Choice, len(p.Choices))
	for k, c := range p.Choices {
		q.Choices[k] = c
	}
	q.Credentials = slices.Clone(p.Credentials)
	return q
}

// FromResolution returns a profile named name that captures the current
// settings: for each key, the OS environment's value when it sets one (that
// is the value in effect), else the env file's line, else Unset, meaning
// "use $GOROOT/go.env's default or none".
func FromResolution(name string, r *resolve.Resolution) Profile {
	p := Profile{Name: name, Choices: map[string]Choice{}}
	for _, k := range Keys {
		switch old, inFile := fileValue(r, k); {
		case r.OSEnv(k) != "":
			p.SetValue(k, r.OSEnv(k))
		case inFile:
			p.SetValue(k, old)
		default:
			p.UnsetKey(k)
		}
	}
	return p
}
