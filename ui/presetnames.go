package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/core/profile"
)

// presetNameKeys are the translation keys of the presets' shown names.
// The stored name (profile.PresetChina…) never changes with the language:
// the profile store, the CLI and the network rules keep using it.
var presetNameKeys = map[string]string{
	profile.PresetDefault: "profiles.presetname.default",
	profile.PresetChina:   "profiles.presetname.china",
	profile.PresetCompany: "profiles.presetname.company",
	profile.PresetOffline: "profiles.presetname.offline",
}

// presetName is the shown name of the built-in template stored as name,
// in the user's language; any other name is returned as it is.
func presetName(name string) string {
	if k, ok := presetNameKeys[name]; ok {
		return lang.X(k, name)
	}
	return name
}

// profileName is q's shown name: a preset's translated, a user's profile's
// as the user wrote it (even if it is spelt like a preset's).
func profileName(q profile.Profile) string {
	if q.Preset {
		return presetName(q.Name)
	}
	return q.Name
}
