package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core"
)

// envJSONOut is what the tests read of gomirrorctl env --json.
type envJSONOut struct {
	Vars map[string]struct {
		Value  string            `json:"value"`
		Source core.Source       `json:"source"`
		Chain  []json.RawMessage `json:"chain"`
	} `json:"vars"`
	EnvFile map[string]any `json:"env_file"`
	Goroot  map[string]any `json:"goroot"`
}

// envJSON runs env --json args... in s and decodes it.
func (s *sandbox) envJSON(args ...string) envJSONOut {
	s.t.Helper()
	r := s.ctl(append([]string{"env", "--json"}, args...)...)
	mustSucceed(s.t, r, "env --json")
	var out envJSONOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		s.t.Fatalf("env --json does not parse: %v\n%s", err, r.stdout)
	}
	return out
}

// TestEnvJSONMatchesGo compares every value of env --json with the real go
// env -json in the same environment, and checks the sources.
func TestEnvJSONMatchesGo(t *testing.T) {
	tests := []struct {
		name        string
		osEnv       []string
		file        string // user env file; none if empty
		wantSources map[string]core.Source
	}{
		{"defaults", nil, "", map[string]core.Source{
			"GOPROXY": core.SourceGorootEnv, "GOSUMDB": core.SourceGorootEnv, "GOTOOLCHAIN": core.SourceGorootEnv,
			"GOAUTH": core.SourceDefault, "GOFLAGS": core.SourceDefault, "GOPRIVATE": core.SourceDefault,
			"GONOPROXY": core.SourceDerived, "GOPATH": core.SourceDefault, "GOMODCACHE": core.SourceDerived,
			"GOENV": core.SourceDefault,
		}},
		{"os var", []string{"GOPROXY=https://os.example.test"}, "", map[string]core.Source{
			"GOPROXY": core.SourceProcessEnv, "GOSUMDB": core.SourceGorootEnv,
		}},
		{"file", nil, "GOPROXY=https://file.example.test\nGOFLAGS=-mod=mod\n", map[string]core.Source{
			"GOPROXY": core.SourceEnvFile, "GOFLAGS": core.SourceEnvFile, "GOSUMDB": core.SourceGorootEnv,
		}},
		{"os over file", []string{"GOPROXY=https://os.example.test"}, "GOPROXY=https://file.example.test\n", map[string]core.Source{
			"GOPROXY": core.SourceProcessEnv,
		}},
		{"empty os is unset", []string{"GOPROXY="}, "GOPROXY=https://file.example.test\n", map[string]core.Source{
			"GOPROXY": core.SourceEnvFile,
		}},
		{"empty file line hides go.env", nil, "GOPROXY=\nGOSUMDB=\n", map[string]core.Source{
			"GOPROXY": core.SourceEnvFile, "GOSUMDB": core.SourceEnvFile, "GOTOOLCHAIN": core.SourceGorootEnv,
		}},
		{"GOPRIVATE derives", []string{"GOPRIVATE=*.corp.example.test,rsc.example.test/private"}, "", map[string]core.Source{
			"GOPRIVATE": core.SourceProcessEnv, "GONOPROXY": core.SourceDerived, "GONOSUMDB": core.SourceDerived,
		}},
		{"GONOPROXY none", []string{"GONOPROXY=none"}, "GOPRIVATE=a.example.test\n", map[string]core.Source{
			"GONOPROXY": core.SourceProcessEnv, "GONOSUMDB": core.SourceDerived, "GOPRIVATE": core.SourceEnvFile,
		}},
		{"GOENV=off", []string{"GOENV=off"}, "GOPROXY=https://file.example.test\n", map[string]core.Source{
			"GOPROXY": core.SourceGorootEnv, "GOENV": core.SourceProcessEnv,
		}},
		{"GOPATH list", nil, "GOPATH=/gp1:/gp2\n", map[string]core.Source{
			"GOPATH": core.SourceEnvFile, "GOMODCACHE": core.SourceDerived,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSandbox(t, tt.osEnv...)
			if tt.file != "" {
				s.writeEnvFile(tt.file)
			}
			got := s.envJSON()
			want := s.goEnv(core.VarNames()...)
			if names := sortedKeys(got.Vars); len(names) != len(core.Vars) {
				t.Fatalf("env --json has %d vars %v, want %d", len(names), names, len(core.Vars))
			}
			for _, name := range core.VarNames() {
				v, ok := got.Vars[name]
				switch {
				case !ok:
					t.Errorf("env --json lacks %s", name)
				case v.Value != want[name]:
					t.Errorf("%s = %q, go env says %q", name, v.Value, want[name])
				case len(v.Chain) == 0:
					t.Errorf("%s has no chain", name)
				}
			}
			for name, src := range tt.wantSources {
				if g := got.Vars[name].Source; g != src {
					t.Errorf("%s source = %q, want %q", name, g, src)
				}
			}
			if got.EnvFile == nil || got.Goroot == nil {
				t.Errorf("env --json lacks env_file or goroot: %+v", got)
			}
		})
	}
}

// TestEnvText checks the table: a header and one aligned row per variable.
func TestEnvText(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOPRIVATE=*.corp.example.test")
	r := s.ctl("env")
	mustSucceed(t, r, "env")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(lines) != len(core.Vars)+1 {
		t.Fatalf("env printed %d lines, want %d:\n%s", len(lines), len(core.Vars)+1, r.stdout)
	}
	if f := strings.Fields(lines[0]); !slices.Equal(f, []string{"NAME", "VALUE", "SOURCE"}) {
		t.Errorf("header = %q", lines[0])
	}
	col := strings.Index(lines[0], "VALUE")
	for i, v := range core.Vars {
		line := lines[i+1]
		if !strings.HasPrefix(line, v.Name+" ") || len(line) <= col || line[col-1] != ' ' || line[col] == ' ' {
			t.Errorf("row %d = %q, want %s with the value at column %d", i+1, line, v.Name, col)
		}
	}
	if f := strings.Fields(lines[4]); !slices.Equal(f, []string{"GONOPROXY", "*.corp.example.test", "derived"}) {
		t.Errorf("GONOPROXY row = %q", lines[4])
	}
}

// TestEnvNamed checks that naming variables limits the output, and that an
// unknown name is refused.
func TestEnvNamed(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	r := s.ctl("env", "GOPROXY", "GOAUTH")
	mustSucceed(t, r, "env GOPROXY GOAUTH")
	if n := strings.Count(r.stdout, "\n"); n != 3 {
		t.Errorf("env GOPROXY GOAUTH printed %d lines, want 3:\n%s", n, r.stdout)
	}
	got := s.envJSON("GOSUMDB")
	if keys := sortedKeys(got.Vars); !slices.Equal(keys, []string{"GOSUMDB"}) {
		t.Errorf("env --json GOSUMDB has vars %v", keys)
	}
	got = s.envJSON("GOAUTH", "--json") // flags may follow names
	if got.Vars["GOAUTH"].Value != "netrc" {
		t.Errorf("GOAUTH = %q, want netrc", got.Vars["GOAUTH"].Value)
	}
	for _, bad := range []string{"GOROOT", "goproxy", "NOPE"} {
		r := s.ctl("env", "GOPROXY", bad)
		if r.code != 2 || !strings.Contains(r.stderr, bad) || r.stdout != "" {
			t.Errorf("env GOPROXY %s: want exit 2 naming it on stderr, got %v", bad, r)
		}
	}
}

// TestEnvCheck runs the cross-check against the real go command.
func TestEnvCheck(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOPRIVATE=*.corp.example.test")
	s.writeEnvFile("GOPROXY=https://file.example.test\n")
	r := s.ctl("env", "--check")
	mustSucceed(t, r, "env --check")
	if !strings.Contains(r.stdout, "agrees") {
		t.Errorf("env --check does not report agreement:\n%s", r.stdout)
	}
	r = s.ctl("env", "--check", "--json")
	mustSucceed(t, r, "env --check --json")
	var out struct {
		Check struct {
			Agrees        bool  `json:"agrees"`
			Disagreements []any `json:"disagreements"`
		} `json:"check"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || !out.Check.Agrees || out.Check.Disagreements == nil {
		t.Errorf("env --check --json: err %v, check %+v\n%s", err, out.Check, r.stdout)
	}
}

// TestEnvCheckDisagrees puts a fake go command first on PATH that reports
// other values: env --check must list them and exit 1.
func TestEnvCheckDisagrees(t *testing.T) {
	t.Parallel()
	bin := t.TempDir()
	fake := "#!/bin/sh\necho '{\"GOPROXY\": \"https://fake.example.test\"}'\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fake), 0o777); err != nil {
		t.Fatal(err)
	}
	s := newSandbox(t)
	s.path = bin + string(os.PathListSeparator) + s.pathValue()
	r := s.ctl("env", "--check", "GOPROXY")
	if r.code != 1 || !strings.Contains(r.stdout, "https://fake.example.test") || !strings.Contains(r.stderr, "differ") {
		t.Errorf("env --check with a disagreeing go: want exit 1 listing GOPROXY, got %v", r)
	}
	s.path = "/nonexistent"
	if r := s.ctl("env", "--check"); r.code != 1 || !strings.Contains(r.stderr, "go command") {
		t.Errorf("env --check without go on PATH: want exit 1 and a reason, got %v", r)
	}
}
