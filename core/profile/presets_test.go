package profile_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/envfile"
	"github.com/gomirror/gomirror/core/profile"
)

func TestPresetsValidate(t *testing.T) {
	m := newMachine(t, "")
	for _, p := range profile.Presets() {
		errs := core.Errors(profile.Check(m.resolve(), p))
		if p.Name == profile.PresetCompany {
			if len(errs) == 0 {
				t.Errorf("%s: the unedited template passes Check", p.Name)
			}
			for _, e := range errs {
				if e.Code != "profile-placeholder" {
					t.Errorf("%s: unexpected error %s: %s", p.Name, e.Code, e.Message)
				}
			}
			continue
		}
		if len(errs) > 0 {
			t.Errorf("%s: Check errors %v", p.Name, errs)
		}
		if !p.Preset || p.Description == "" {
			t.Errorf("%s: Preset = %t, description %q", p.Name, p.Preset, p.Description)
		}
	}
}

func TestPresetChina(t *testing.T) {
	p, ok := profile.Preset(profile.PresetChina)
	if !ok {
		t.Fatal("no Mainland China preset")
	}
	proxy := p.Get("GOPROXY").Value
	if !strings.Contains(proxy, "|") || !strings.HasSuffix(proxy, ",direct") {
		t.Errorf("GOPROXY = %q, want a '|' fallback then direct", proxy)
	}
	if got := p.Get("GOSUMDB").Value; got != "sum.golang.google.cn" {
		t.Errorf("GOSUMDB = %q", got)
	}
}

// TestPresetsAvoidGoEnvHosts checks that no preset names a host of the real
// toolchain's go.env: "Toolchain default" must defer to it, not copy it.
func TestPresetsAvoidGoEnvHosts(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "go.env"))
	if err != nil {
		t.Skip("no go.env in this GOROOT")
	}
	def, _ := profile.Preset(profile.PresetDefault)
	for _, k := range []string{"GOPROXY", "GOSUMDB", "GOTOOLCHAIN"} {
		if def.Get(k).Action != profile.Unset {
			t.Errorf("Toolchain default: %s is %+v, want unset", k, def.Get(k))
		}
	}
	for _, e := range envfile.Parse(data) {
		for _, p := range profile.Presets() {
			for _, k := range profile.Keys {
				v := p.Get(k).Value
				if e.Value != "" && strings.Contains(e.Value, ".") && strings.Contains(v, strings.Split(e.Value, ",")[0]) {
					t.Errorf("%s: %s=%q repeats go.env's %s", p.Name, k, v, e.Key)
				}
			}
		}
	}
}
