package main

import (
	"encoding/json"
	"flag"
	"slices"
	"strings"
	"testing"
)

// TestHelp checks that every command's help exits 0 with its usage on
// stdout and nothing on stderr.
func TestHelp(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	for _, cmd := range commands {
		for _, args := range [][]string{{cmd.name, "--help"}, {cmd.name, "-h"}, {"help", cmd.name}} {
			r := s.ctl(args...)
			if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "usage: gomirrorctl "+cmd.name) {
				t.Errorf("gomirrorctl %s: want exit 0 and usage, got %v", strings.Join(args, " "), r)
			}
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		r := s.ctl(args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Commands:") {
			t.Errorf("gomirrorctl %s: want exit 0 and the command list, got %v", strings.Join(args, " "), r)
		}
	}
}

// TestUsageErrors checks that unknown commands and bad flags exit 2 with
// the usage on stderr.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	for _, args := range [][]string{
		{}, {"bogus"}, {"env", "--bogus"}, {"doctor", "-x"}, {"history", "extra"},
		{"undo", "extra"}, {"help", "bogus"}, {"version", "--json"},
	} {
		r := s.ctl(args...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "usage") && !strings.Contains(r.stderr, "Usage") {
			t.Errorf("gomirrorctl %s: want exit 2 and usage on stderr, got %v", strings.Join(args, " "), r)
		}
	}
}

// TestVersion checks the version line.
func TestVersion(t *testing.T) {
	t.Parallel()
	r := newSandbox(t).ctl("version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "gomirrorctl ") || !strings.Contains(r.stdout, "go1.") {
		t.Errorf("version: %v", r)
	}
}

// TestDoctor checks doctor's output forms and that findings still exit 0.
func TestDoctor(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOPROXY=https://os.example.test")
	s.writeEnvFile("GOPROXY=https://file.example.test\n")
	r := s.ctl("doctor")
	mustSucceed(t, r, "doctor")
	if !strings.Contains(r.stdout, "GOPROXY: ") || !strings.Contains(r.stdout, "fix: ") ||
		!strings.Contains(r.stdout, s.envFile()+":1") {
		t.Errorf("doctor text lacks the GOPROXY finding with its fix and file:line:\n%s", r.stdout)
	}
	r = s.ctl("doctor", "--json")
	mustSucceed(t, r, "doctor --json")
	var out struct {
		Problems []struct {
			Severity string `json:"severity"`
			Var      string `json:"var"`
			Message  string `json:"message"`
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || out.Problems == nil {
		t.Fatalf("doctor --json: %v\n%s", err, r.stdout)
	}
	found := false
	for _, p := range out.Problems {
		found = found || p.Var == "GOPROXY"
	}
	if !found {
		t.Errorf("doctor does not report that the OS GOPROXY hides the file's: %+v", out.Problems)
	}
}

// TestDoctorClean checks the output when nothing is wrong.
func TestDoctorClean(t *testing.T) {
	t.Parallel()
	r := newSandbox(t).ctl("doctor", "--json")
	mustSucceed(t, r, "doctor --json")
	if !strings.Contains(r.stdout, `"problems": [`) {
		t.Errorf("doctor --json: problems is not a list:\n%s", r.stdout)
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args     []string
		wantPos  []string
		wantJSON bool
	}{
		{nil, nil, false},
		{[]string{"--json"}, nil, true},
		{[]string{"A", "--json", "B"}, []string{"A", "B"}, true},
		{[]string{"A", "B", "-json"}, []string{"A", "B"}, true},
		{[]string{"A", "--", "--json"}, []string{"A", "--json"}, false},
		{[]string{"--", "A"}, []string{"A"}, false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		j := fs.Bool("json", false, "")
		pos, err := parseInterspersed(fs, tt.args)
		if err != nil || !slices.Equal(pos, tt.wantPos) || *j != tt.wantJSON {
			t.Errorf("parseInterspersed(%q) = %q, json %t, %v; want %q, json %t", tt.args, pos, *j, err, tt.wantPos, tt.wantJSON)
		}
	}
}

func TestShowValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://a.example.test,direct", "https://a.example.test,direct"},
		{"", `""`},
		{" off", `" off"`},
		{"a.example # c\r", `"a.example # c\r"`},
		{`"x"`, `"\"x\""`},
		{"-mod=mod -modcacherw", "-mod=mod -modcacherw"},
	}
	for _, tt := range tests {
		if got := showValue(tt.in); got != tt.want {
			t.Errorf("showValue(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
