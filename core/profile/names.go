package profile

import "github.com/gomirror/gomirror/core"

// presetKeys are the catalogue keys of each preset's shown name and
// description. The stored name (PresetChina…) never changes with the
// language: the profile store, the CLI's arguments and the network rules
// keep using it.
var presetKeys = map[string]struct{ name, description string }{
	PresetDefault: {"profiles.presetname.default", "profiles.preset.default"},
	PresetChina:   {"profiles.presetname.china", "profiles.preset.china"},
	PresetCompany: {"profiles.presetname.company", "profiles.preset.company"},
	PresetOffline: {"profiles.presetname.offline", "profiles.preset.offline"},
}

// PresetName is the shown name, in l, of the preset stored as name; any
// other name comes back as it is.
func PresetName(l *core.Lang, name string) string {
	if k, ok := presetKeys[name]; ok {
		if s, ok := l.Message(k.name, nil); ok {
			return s
		}
	}
	return name
}

// ShownName is p's name for a person, in l: a preset's translated, a user's
// profile's as the user wrote it (even if it is spelt like a preset's).
func ShownName(l *core.Lang, p Profile) string {
	if p.Preset {
		return PresetName(l, p.Name)
	}
	return p.Name
}

// ShownDescription is p's description in l: a preset's translated, with
// its English as the fallback; a user's profile's as written.
func ShownDescription(l *core.Lang, p Profile) string {
	if k, ok := presetKeys[p.Name]; ok && p.Preset {
		if s, ok := l.Message(k.description, nil); ok {
			return s
		}
	}
	return p.Description
}

// PresetStoredName returns the stored name of the preset whose shown name
// in a language of the catalogue is shown (中国大陆 gives PresetChina,
// whatever the language of the output), or shown itself when no preset is
// shown so.
func PresetStoredName(shown string) string {
	for _, l := range core.Langs() {
		for name := range presetKeys {
			if shown != name && PresetName(l, name) == shown {
				return name
			}
		}
	}
	return shown
}
