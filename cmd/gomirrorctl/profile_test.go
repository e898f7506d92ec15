package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/profile"
)

// chinaProxy is the GOPROXY of the Mainland China preset.
var chinaProxy = func() string { p, _ := profile.Preset(profile.PresetChina); return p.Get("GOPROXY").Value }()

// profilesFile is the profile store of s.
func (s *sandbox) profilesFile() string { return filepath.Join(s.xdg, "gomirror", profile.StoreFile) }

// TestProfileApplyUndo applies a preset, checks the go command sees it and
// the profile is marked active, then undoes it byte for byte.
func TestProfileApplyUndo(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.writeEnvFile(seedFile)
	mustSucceed(t, s.ctl("profile", "apply", profile.PresetChina, "--dry-run"), "profile apply --dry-run")
	if data, _ := s.readEnvFile(); !bytes.Equal(data, []byte(seedFile)) {
		t.Errorf("--dry-run wrote the env file: %q", data)
	}
	r := s.ctl("profile", "apply", profile.PresetChina, "--yes")
	mustSucceed(t, r, "profile apply")
	if !strings.Contains(r.stdout, "GOPROXY: not set → "+chinaProxy) || !strings.Contains(r.stdout, s.envFile()) {
		t.Errorf("profile apply does not print the diff and the file:\n%s", r.stdout)
	}
	if got := s.goEnv("GOPROXY")["GOPROXY"]; got != chinaProxy {
		t.Errorf("go env GOPROXY = %q after apply, want %q", got, chinaProxy)
	}
	if list := s.ctl("profile", "list").stdout; !strings.Contains(list, "* Mainland China") {
		t.Errorf("profile list does not mark the applied profile active:\n%s", list)
	}
	mustSucceed(t, s.ctl("undo"), "undo")
	if data, _ := s.readEnvFile(); !bytes.Equal(data, []byte(seedFile)) {
		t.Errorf("env file after undo = %q, want %q", data, seedFile)
	}
}

// TestProfileApplyWarnsShadowed applies a profile whose GOPROXY the OS
// environment overrides: the write goes through with a warning on stderr.
func TestProfileApplyWarnsShadowed(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOPROXY=https://os.example.test,direct")
	r := s.ctl("profile", "apply", profile.PresetChina, "--yes")
	mustSucceed(t, r, "profile apply")
	if !strings.Contains(r.stdout, "shadowed by the OS environment") {
		t.Errorf("the diff does not mark GOPROXY shadowed:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "warning: GOPROXY") {
		t.Errorf("no warning on stderr for the shadowed GOPROXY:\n%s", r.stderr)
	}
}

// TestProfileApplyRefused checks that a template and a hand-edited invalid
// profile are refused with nothing written, the latter naming its line.
func TestProfileApplyRefused(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.writeEnvFile(seedFile)
	s.assertRefused(s.ctl("profile", "apply", profile.PresetCompany, "--yes"), true)
	writeFile(t, s.profilesFile(), "version = 1\n\n[profiles.\"Bad\"]\n[profiles.\"Bad\".set]\nGOTOOLCHAIN = \"bogus\"\n")
	r := s.ctl("profile", "apply", "Bad", "--yes")
	s.assertRefused(r, true)
	if !strings.Contains(r.stderr, s.profilesFile()+":5") {
		t.Errorf("refusal does not name %s:5:\n%s", s.profilesFile(), r.stderr)
	}
}

// TestProfileImportInvalid imports a file with an invalid value: refused,
// naming the line, and nothing stored.
func TestProfileImportInvalid(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	file := filepath.Join(s.home, "team.toml")
	writeFile(t, file, "version = 1\n\n[profiles.\"Team\"]\n\n[profiles.\"Team\".set]\nGOPROXY = \"https://ok.example.test,direct\"\nGOPRIVATE = \"a.example.test, b.example.test\"\n")
	r := s.ctl("profile", "import", file)
	if r.code != 2 || !strings.Contains(r.stderr, file+":7") {
		t.Errorf("import of an invalid file: want exit 2 naming %s:7, got %v", file, r)
	}
	if _, err := os.Stat(s.profilesFile()); err == nil {
		t.Errorf("a refused import created %s", s.profilesFile())
	}
}

// TestProfileExportImport saves, copies and exports profiles in one HOME
// and imports them in another: the second export is the same file.
func TestProfileExportImport(t *testing.T) {
	t.Parallel()
	a, b := newSandbox(t), newSandbox(t)
	a.writeEnvFile("GOPROXY=https://home.example.test,direct\nGOPRIVATE=*.home.example.test\n")
	mustSucceed(t, a.ctl("profile", "save", "Home"), "profile save")
	mustSucceed(t, a.ctl("profile", "dup", profile.PresetChina, "China"), "profile dup")
	mustSucceed(t, a.ctl("profile", "rename", "China", "China mirror"), "profile rename")
	exported := a.ctl("profile", "export")
	mustSucceed(t, exported, "profile export")
	file := filepath.Join(b.home, "shared.toml")
	writeFile(t, file, exported.stdout)
	mustSucceed(t, b.ctl("profile", "import", file), "profile import")
	if again := b.ctl("profile", "export"); again.stdout != exported.stdout {
		t.Errorf("export after import differs:\n got %s\nwant %s", again.stdout, exported.stdout)
	}
	var show profileShow
	if err := json.Unmarshal([]byte(b.ctl("profile", "show", "Home", "--json").stdout), &show); err != nil {
		t.Fatal(err)
	}
	if c := show.Profile.Get("GOPRIVATE"); c.Action != profile.Set || c.Value != "*.home.example.test" {
		t.Errorf("imported Home has GOPRIVATE %+v", c)
	}
	if r := b.ctl("profile", "import", file); r.code != 2 {
		t.Errorf("importing the same names again: want exit 2, got %v", r)
	}
	mustSucceed(t, b.ctl("profile", "import", file, "--replace"), "profile import --replace")
	mustSucceed(t, b.ctl("profile", "rm", "Home"), "profile rm")
	if r := b.ctl("profile", "show", "Home"); r.code != 2 {
		t.Errorf("show of a deleted profile: want exit 2, got %v", r)
	}
}

// TestProfileSnippet exports a preset as a bash snippet and refuses an
// unknown format.
func TestProfileSnippet(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	r := s.ctl("profile", "export", profile.PresetChina, "--format", "zsh")
	mustSucceed(t, r, "profile export --format zsh")
	if !strings.Contains(r.stdout, "export GOPROXY='"+chinaProxy+"'") {
		t.Errorf("bash snippet lacks the GOPROXY line:\n%s", r.stdout)
	}
	if r := s.ctl("profile", "export", profile.PresetChina, "--format", "tcsh"); r.code != 2 {
		t.Errorf("unknown format: want exit 2, got %v", r)
	}
}

// TestNetworkJSON checks that network --json parses and has an ID.
func TestNetworkJSON(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	r := s.ctl("network", "--json")
	mustSucceed(t, r, "network --json")
	var out networkOutput
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("network --json: %v\n%s", err, r.stdout)
	}
	if out.Network.ID == "" || out.Matched || out.Rules != 0 {
		t.Errorf("network --json = %+v, want an ID and no rule", out)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
}
