package profile

import (
	"testing"

	"github.com/gomirror/gomirror/core"
)

// TestPresetNamesTranslate: each preset has a shown name and description
// in Chinese that differ from the English, the shown name maps back to the
// stored one, and a user's profile keeps its own name and description.
func TestPresetNamesTranslate(t *testing.T) {
	zh := core.NewLang("zh-Hans")
	for _, p := range Presets() {
		name, desc := ShownName(zh, p), ShownDescription(zh, p)
		if name == p.Name || desc == p.Description || name == "" || desc == "" {
			t.Errorf("%s: shown %q / %q, not translated", p.Name, name, desc)
		}
		if got := PresetStoredName(name); got != p.Name {
			t.Errorf("PresetStoredName(%q) = %q, want %q", name, got, p.Name)
		}
		if got := ShownDescription(core.English, p); got != p.Description {
			t.Errorf("en.json description of %q = %q, want core's %q", p.Name, got, p.Description)
		}
		if got := ShownName(core.English, p); got != p.Name {
			t.Errorf("English name of %q = %q", p.Name, got)
		}
		user := Profile{Name: p.Name, Description: "mine"}
		if ShownName(zh, user) != p.Name || ShownDescription(zh, user) != "mine" {
			t.Errorf("user's profile %q renamed", p.Name)
		}
	}
	if got := PresetStoredName("work"); got != "work" {
		t.Errorf("PresetStoredName(work) = %q", got)
	}
}
