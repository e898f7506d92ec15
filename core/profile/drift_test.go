package profile_test

import (
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core/profile"
)

func TestDriftAndEffective(t *testing.T) {
	china, _ := profile.Preset(profile.PresetChina)
	dflt, _ := profile.Preset(profile.PresetDefault)
	tests := []struct {
		name, file string
		p          profile.Profile
		want       []string
	}{
		{"matches", "GOPROXY=" + china.Get("GOPROXY").Value + "\nGOSUMDB=sum.golang.google.cn\n", china, nil},
		{"GOPROXY changed", "GOPROXY=https://other.example.test\nGOSUMDB=sum.golang.google.cn\n", china, []string{"GOPROXY"}},
		{"both gone", "", china, []string{"GOPROXY", "GOSUMDB"}},
		{"unset key set again", "GOFLAGS=-mod=mod\n", dflt, []string{"GOFLAGS"}},
	}
	for _, tt := range tests {
		r := newMachine(t, tt.file).resolve()
		if got := profile.Drift(r, tt.p); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Drift = %q, want %q", tt.name, got, tt.want)
		}
	}
	r := newMachine(t, "GOPROXY=https://other.example.test\n").resolve()
	if got := profile.Effective(r, dflt, "GOPROXY"); got != "https://proxy.example.test,direct" {
		t.Errorf("Effective(toolchain default, GOPROXY) = %q, want go.env's", got)
	}
	if got := profile.Effective(r, china, "GOPROXY"); got != china.Get("GOPROXY").Value {
		t.Errorf("Effective(china, GOPROXY) = %q", got)
	}
	r = newMachine(t, "", "GOPROXY=https://os.example.test").resolve()
	if got := profile.Effective(r, china, "GOPROXY"); got != "https://os.example.test" {
		t.Errorf("Effective with GOPROXY in the OS environment = %q, want the OS value", got)
	}
}
