package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestSetWritesFile sets a value and checks that the real go command sees it.
func TestSetWritesFile(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	const proxy = "https://set.example.test,direct"
	r := s.ctl("set", "GOPROXY="+proxy)
	mustSucceed(t, r, "set")
	if !strings.Contains(r.stdout, s.envFile()) || !strings.Contains(r.stdout, "GOPROXY") {
		t.Errorf("set does not say what changed and where:\n%s", r.stdout)
	}
	data, _ := s.readEnvFile()
	if !strings.Contains(string(data), "GOPROXY="+proxy+"\n") {
		t.Errorf("env file = %q, want a GOPROXY line", data)
	}
	if got := s.goEnv("GOPROXY")["GOPROXY"]; got != proxy {
		t.Errorf("go env GOPROXY = %q, want %q", got, proxy)
	}
	if got := s.envJSON("GOPROXY").Vars["GOPROXY"]; got.Value != proxy || got.Source != "env-file" {
		t.Errorf("env GOPROXY = %+v, want %q from env-file", got, proxy)
	}
}

// refusedSets are set arguments that must be refused with nothing written:
// values go env -w rejects, and values it accepts that break the go command
// or can never work.
var refusedSets = []struct {
	name string
	args []string
}{
	{"no arguments", nil},
	{"not KEY=VALUE", []string{"GOPROXY"}},
	{"duplicate key", []string{"GOPRIVATE=a.example.test", "GOPRIVATE=b.example.test"}},
	{"GOTOOLCHAIN bogus", []string{"GOTOOLCHAIN=bogus"}},
	{"GOPATH relative element", []string{"GOPATH=/a:rel"}},
	{"GOPROXY without scheme", []string{"GOPROXY=localhost"}},
	{"GOPROXY empty hides go.env", []string{"GOPROXY="}},
	{"GOSUMDB OFF", []string{"GOSUMDB=OFF"}},
	{"GOPRIVATE space after comma", []string{"GOPRIVATE=a.example.test, b.example.test"}},
	{"newline in value", []string{"GOPROXY=https://a.example.test\nGOSUMDB=off"}},
	{"carriage return in value", []string{"GOPRIVATE=a.example.test\r"}},
	{"GOENV", []string{"GOENV=x"}},
	{"unknown variable", []string{"goproxy=https://a.example.test"}},
	{"one bad among good", []string{"GOPRIVATE=ok.example.test", "GOTOOLCHAIN=bogus"}},
}

// seedFile is an env file whose bytes must survive a refused write.
const seedFile = "# kept\r\nGOPRIVATE=keep.example.test\nGOFLAGS=-mod=mod"

// TestSetRefused checks that invalid input exits 2 and leaves the env file
// byte-identical (or absent).
func TestSetRefused(t *testing.T) {
	for _, tt := range refusedSets {
		for _, seeded := range []bool{true, false} {
			name := tt.name
			if !seeded {
				name += "/no file"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				s := newSandbox(t)
				if seeded {
					s.writeEnvFile(seedFile)
				}
				r := s.ctl(append([]string{"set"}, tt.args...)...)
				s.assertRefused(r, seeded)
			})
		}
	}
}

// assertRefused checks a refused write: exit 2, a reason on stderr, and the
// env file unchanged.
func (s *sandbox) assertRefused(r result, seeded bool) {
	s.t.Helper()
	if r.code != 2 {
		s.t.Errorf("want exit 2, got %v", r)
	}
	if !strings.Contains(r.stderr, "nothing written") && !strings.Contains(r.stderr, "usage") {
		s.t.Errorf("stderr does not say nothing was written:\n%s", r.stderr)
	}
	data, exists := s.readEnvFile()
	switch {
	case seeded && !bytes.Equal(data, []byte(seedFile)):
		s.t.Errorf("env file changed:\n got %q\nwant %q", data, seedFile)
	case !seeded && exists:
		s.t.Errorf("env file created: %q", data)
	}
}

// TestSetRefusesNUL passes a NUL byte, which no exec'd argument can carry,
// through run in this process.
func TestSetRefusesNUL(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.writeEnvFile(seedFile)
	var stdout, stderr strings.Builder
	code := run([]string{"set", "GOPROXY=https://a.example.test\x00,direct"}, strings.NewReader(""), &stdout, &stderr, s.environ())
	s.assertRefused(result{code, stdout.String(), stderr.String()}, true)
}

// TestSetRefusedGOENVOff checks that GOENV=off refuses every write: the go
// command would silently write the default file, where it has no effect.
func TestSetRefusedGOENVOff(t *testing.T) {
	for _, seeded := range []bool{true, false} {
		s := newSandbox(t, "GOENV=off")
		if seeded {
			s.writeEnvFile(seedFile)
		}
		s.assertRefused(s.ctl("set", "GOPROXY=https://ok.example.test,direct"), seeded)
		s.assertRefused(s.ctl("unset", "GOPRIVATE"), seeded)
		if !strings.Contains(s.ctl("set", "GOPRIVATE=ok.example.test").stderr, "GOENV") {
			t.Errorf("the refusal does not mention GOENV")
		}
	}
}

// TestSetShadowedWarns sets a variable the OS environment overrides: the
// write happens, exit 0, with a warning on stderr.
func TestSetShadowedWarns(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOPROXY=https://os.example.test")
	r := s.ctl("set", "GOPROXY=https://file.example.test")
	mustSucceed(t, r, "set")
	if !strings.Contains(r.stderr, "GOPROXY") || !strings.Contains(strings.ToLower(r.stderr), "environment") {
		t.Errorf("set does not warn that the OS environment overrides GOPROXY; stderr:\n%s", r.stderr)
	}
	if data, _ := s.readEnvFile(); !strings.Contains(string(data), "GOPROXY=https://file.example.test") {
		t.Errorf("env file = %q, want the new GOPROXY", data)
	}
	if got := s.envJSON("GOPROXY").Vars["GOPROXY"]; got.Source != "process-env" {
		t.Errorf("after set, GOPROXY source = %q, want process-env", got.Source)
	}
}

// TestUnset removes a key so the go.env value applies again.
func TestUnset(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	s.writeEnvFile("# mine\nGOPROXY=https://file.example.test\nGOPRIVATE=keep.example.test\n")
	r := s.ctl("unset", "GOPROXY")
	mustSucceed(t, r, "unset")
	if !strings.Contains(r.stdout, "GOPROXY") || !strings.Contains(r.stdout, s.envFile()) {
		t.Errorf("unset does not say what changed and where:\n%s", r.stdout)
	}
	data, _ := s.readEnvFile()
	if strings.Contains(string(data), "GOPROXY=") || !strings.Contains(string(data), "# mine\n") ||
		!strings.Contains(string(data), "GOPRIVATE=keep.example.test\n") {
		t.Errorf("env file after unset = %q", data)
	}
	if got := s.goEnv("GOPROXY")["GOPROXY"]; got != "https://proxy.example.test,direct" {
		t.Errorf("go env GOPROXY = %q, want go.env's", got)
	}
	if r := s.ctl("unset"); r.code != 2 {
		t.Errorf("unset without names: want exit 2, got %v", r)
	}
}

// TestHistoryAndUndo makes two writes, lists them, and undoes both,
// restoring the original bytes exactly.
func TestHistoryAndUndo(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	const orig = "# my settings\r\nGOPROXY=https://one.example.test\nGOPROXY=https://two.example.test\n\nGOFLAGS=-mod=mod"
	s.writeEnvFile(orig)
	if r := s.ctl("history"); r.code != 0 || !strings.Contains(r.stdout, "No writes") {
		t.Errorf("history before any write: %v", r)
	}
	mustSucceed(t, s.ctl("set", "GOPROXY=https://three.example.test"), "first set")
	afterFirst, _ := s.readEnvFile()
	mustSucceed(t, s.ctl("set", "GOPRIVATE=*.corp.example.test"), "second set")

	items := s.historyJSON()
	if len(items) != 2 {
		t.Fatalf("history has %d entries, want 2: %v", len(items), items)
	}
	if !strings.Contains(items[0]["summary"].(string), "GOPRIVATE") || !strings.Contains(items[1]["summary"].(string), "GOPROXY") {
		t.Errorf("history is not newest first: %v", items)
	}
	r := s.ctl("history")
	mustSucceed(t, r, "history")
	if !strings.Contains(r.stdout, "GOPRIVATE=*.corp.example.test") || !strings.Contains(r.stdout, s.envFile()) {
		t.Errorf("history text lacks the write:\n%s", r.stdout)
	}

	s.undo(afterFirst)
	s.undo([]byte(orig))
	if r := s.ctl("undo"); r.code != 2 {
		t.Errorf("undo with nothing left: want exit 2, got %v", r)
	}
	if items := s.historyJSON(); len(items) != 4 || items[2]["undone"] != true || items[3]["undone"] != true {
		t.Errorf("history after two undos: want 4 entries, the writes marked undone: %v", items)
	}
	if r := s.ctl("history"); strings.Count(r.stdout, "(undone)") != 2 {
		t.Errorf("history text does not mark the two undone writes:\n%s", r.stdout)
	}
}

// TestUndoRemovesCreatedFile undoes a write that created the env file.
func TestUndoRemovesCreatedFile(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	mustSucceed(t, s.ctl("set", "GOPRIVATE=*.corp.example.test"), "set")
	mustSucceed(t, s.ctl("undo"), "undo")
	if data, exists := s.readEnvFile(); exists {
		t.Errorf("env file still exists after undo: %q", data)
	}
}

// undo runs undo and checks the file's bytes afterwards.
func (s *sandbox) undo(want []byte) {
	s.t.Helper()
	r := s.ctl("undo")
	mustSucceed(s.t, r, "undo")
	if !strings.Contains(r.stdout, s.envFile()) {
		s.t.Errorf("undo does not name the file:\n%s", r.stdout)
	}
	if got, _ := s.readEnvFile(); !bytes.Equal(got, want) {
		s.t.Errorf("after undo the file is\n%q\nwant\n%q", got, want)
	}
}

// historyJSON runs history --json and checks that it never shows file bytes.
func (s *sandbox) historyJSON() []map[string]any {
	s.t.Helper()
	r := s.ctl("history", "--json")
	mustSucceed(s.t, r, "history --json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || items == nil {
		s.t.Fatalf("history --json: %v\n%s", err, r.stdout)
	}
	for _, it := range items {
		for _, k := range []string{"before", "after", "Before", "After"} {
			if _, ok := it[k]; ok {
				s.t.Errorf("history --json shows %q: %v", k, it)
			}
		}
	}
	return items
}
