package ui

import (
	"github.com/gomirror/gomirror/core/profile"
)

// presetName is the shown name of the built-in template stored as name,
// in the user's language; any other name is returned as it is. The lookup
// is core's (profile.PresetName), shared with gomirrorctl.
func presetName(name string) string { return profile.PresetName(uiLang, name) }

// profileName is q's shown name: a preset's translated, a user's profile's
// as the user wrote it (even if it is spelt like a preset's).
func profileName(q profile.Profile) string { return profile.ShownName(uiLang, q) }
