package profile_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
)

func names(t *testing.T, st profile.Store) string {
	t.Helper()
	ps, active, err := st.List()
	must(t, err)
	var out []string
	for _, p := range ps {
		n := p.Name
		if n == active {
			n += "*"
		}
		out = append(out, n)
	}
	return strings.Join(out, ",")
}

func TestStoreLifecycle(t *testing.T) {
	st := profile.Store{Dir: filepath.Join(t.TempDir(), "gomirror")}
	if got := names(t, st); got != "" {
		t.Fatalf("new store lists %q", got)
	}
	m := newMachine(t, startFile)
	must(t, st.Create(profile.FromResolution("Home", m.resolve())))
	if err := st.Create(profile.Profile{Name: "Home"}); !errors.Is(err, profile.ErrExists) {
		t.Errorf("Create of a taken name: %v, want ErrExists", err)
	}
	_, err := st.Duplicate(profile.PresetChina, "China")
	must(t, err)
	_, err = st.Duplicate("Home", "Home 2")
	must(t, err)
	must(t, st.SetActive("Home"))
	must(t, st.Rename("Home", "House"))
	if got := names(t, st); got != "House*,Home 2,China" {
		t.Errorf("after rename: %q", got)
	}
	p, err := st.Get("Home 2")
	must(t, err)
	p.SetValue("GOPROXY", "off")
	must(t, st.Put(p))
	if p, _ := st.Get("Home 2"); p.Get("GOPROXY").Value != "off" {
		t.Errorf("Put did not save the edit: %+v", p.Get("GOPROXY"))
	}
	must(t, st.Delete("House"))
	if got := names(t, st); got != "Home 2,China" {
		t.Errorf("after delete: %q", got)
	}
	if err := st.Delete("House"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("Delete of a missing profile: %v, want ErrNotFound", err)
	}
	if p, err := st.Lookup(profile.PresetOffline); err != nil || !p.Preset {
		t.Errorf("Lookup of a preset: %+v, %v", p, err)
	}
}

func TestStoreRefusesSecrets(t *testing.T) {
	st := profile.Store{Dir: t.TempDir()}
	p := profile.Profile{Name: "Leaky"}
	p.SetValue("GOPROXY", "https://u:p@athens.office.test")
	if err := st.Put(p); err == nil {
		t.Fatal("Put stored a password")
	}
	if _, err := os.Stat(st.Path()); !os.IsNotExist(err) {
		t.Errorf("a refused Put wrote %s", st.Path())
	}
}

func TestExportImport(t *testing.T) {
	m := newMachine(t, "")
	a := profile.Store{Dir: filepath.Join(m.dir, "a")}
	b := profile.Store{Dir: filepath.Join(m.dir, "b")}
	_, err := a.Duplicate(profile.PresetChina, "China")
	must(t, err)
	_, err = a.Duplicate(profile.PresetOffline, "Plane")
	must(t, err)
	must(t, a.SetActive("China"))
	data, err := a.Export()
	must(t, err)
	if strings.Contains(string(data), "active") {
		t.Errorf("export carries the active marker:\n%s", data)
	}
	got, err := b.Import(m.resolve(), "team.toml", data, false)
	must(t, err)
	if len(got) != 2 || names(t, b) != "China,Plane" {
		t.Errorf("imported %d profiles: %q", len(got), names(t, b))
	}
	if _, err := b.Import(m.resolve(), "team.toml", data, false); !errors.Is(err, profile.ErrExists) {
		t.Errorf("second import: %v, want ErrExists", err)
	}
	_, err = b.Import(m.resolve(), "team.toml", data, true)
	must(t, err)
}

func TestImportRefusesInvalidValue(t *testing.T) {
	m := newMachine(t, "")
	st := profile.Store{Dir: m.configDir}
	_, err := st.Import(m.resolve(), "team.toml", []byte(handEdited), false)
	var ie *profile.InvalidError
	if !errors.As(err, &ie) || ie.Problems[0].Line != 10 || !strings.Contains(err.Error(), "line 10") {
		t.Fatalf("Import error = %v, want an *InvalidError naming line 10", err)
	}
	if _, err := os.Stat(st.Path()); !os.IsNotExist(err) {
		t.Error("a refused import wrote the store")
	}
}

func TestExportRefusesHandEditedSecret(t *testing.T) {
	st := profile.Store{Dir: t.TempDir()}
	writeFile(t, st.Path(), "[profiles.A.set]\nGOSUMDB = \"off\"\nGOPROXY = \"https://me:pw@athens.office.test\"\n")
	_, err := st.Export()
	var re *core.RefusedError
	if !errors.As(err, &re) || re.Problems[0].Line != 3 || re.Problems[0].Code != "profile-secret" {
		t.Fatalf("Export = %v, want a profile-secret refusal at line 3", err)
	}
	if strings.Contains(err.Error(), "pw@") {
		t.Errorf("the error shows the password: %v", err)
	}
}

func TestStoreAll(t *testing.T) {
	st := profile.Store{Dir: filepath.Join(t.TempDir(), "gomirror")}
	mine := profile.Profile{Name: profile.PresetChina, Description: "mine"}
	mine.SetValue("GOSUMDB", "off")
	must(t, st.Create(mine))
	must(t, st.Create(profile.Profile{Name: "Home"}))
	must(t, st.SetActive("Home"))
	all, active, err := st.All()
	must(t, err)
	var got []string
	for _, p := range all {
		got = append(got, p.Name)
	}
	want := profile.PresetDefault + "," + profile.PresetCompany + "," + profile.PresetOffline + "," + profile.PresetChina + ",Home"
	if strings.Join(got, ",") != want || active != "Home" {
		t.Errorf("All() = %q, active %q; want %q, active Home", got, active, want)
	}
	if all[3].Preset || all[3].Description != "mine" {
		t.Errorf("All() lists the preset %q, want the stored profile that replaces it", all[3].Name)
	}
}

// TestImportCap: an import that would pass MaxProfiles is refused whole;
// one at the cap is taken; a preset can be exported by name.
func TestImportCapAndPresetExport(t *testing.T) {
	m := newMachine(t, "")
	st := profile.Store{Dir: filepath.Join(m.dir, "s")}
	var b strings.Builder
	for i := range profile.MaxProfiles + 1 {
		fmt.Fprintf(&b, "[profiles.\"P%d\".set]\nGOPROXY = \"https://m%d.example.test,direct\"\n", i, i)
	}
	_, err := st.Import(m.resolve(), "many.toml", []byte(b.String()), false)
	var re *core.RefusedError
	if !errors.As(err, &re) || re.Problems[0].Code != "profiles-too-many" {
		t.Fatalf("import of %d profiles = %v, want profiles-too-many", profile.MaxProfiles+1, err)
	}
	if _, err := os.Stat(st.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused import wrote %s", st.Path())
	}
	data, err := st.Export(profile.PresetChina)
	must(t, err)
	if !strings.Contains(string(data), profile.PresetChina) {
		t.Errorf("export of the preset %q = %s", profile.PresetChina, data)
	}
}
