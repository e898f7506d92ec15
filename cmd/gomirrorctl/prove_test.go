package main

import (
	"encoding/json"
	"net"
	"strings"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/mirrortest"
)

// deadURL is a loopback URL where nothing listens.
func deadURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return "http://" + l.Addr().String()
}

// TestProve downloads the fake module through a working mirror, then
// fails through one where nothing listens.
func TestProve(t *testing.T) {
	t.Parallel()
	s := newSandbox(t, "GOTOOLCHAIN=local", "GOFLAGS=")
	mirror, _ := mirrortest.Serve(t, "127.0.0.1", mirrortest.Behavior{})
	s.writeEnvFile("GOPROXY=" + mirror + "\nGOSUMDB=off\n")
	r := s.ctl("prove", mirrortest.ProbeModule.Path)
	mustSucceed(t, r, "prove")
	if !strings.Contains(r.stdout, "Downloaded and verified example.test/probe@latest: v1.1.0") {
		t.Errorf("prove through a working mirror printed:\n%s", r.stdout)
	}
	s.writeEnvFile("GOPROXY=" + deadURL(t) + "\nGOSUMDB=off\n")
	r = s.ctl("prove", mirrortest.ProbeModule.Path)
	if r.code != exitFailure || !strings.Contains(r.stdout, "Could not download example.test/probe@latest") {
		t.Errorf("prove through a dead mirror: exit %d\n%s", r.code, r.stdout)
	}
}

// TestProfileApplyCheckWarns applies a profile whose only proxy does not
// answer: --check warns on stderr, and the write still goes through.
func TestProfileApplyCheckWarns(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	dead := deadURL(t)
	s.writeEnvFile("GOPROXY=" + dead + "\n")
	mustSucceed(t, s.ctl("profile", "save", "Lab"), "profile save")
	s.writeEnvFile("GOPROXY=off\n")
	r := s.ctl("profile", "apply", "Lab", "--check", "--yes")
	mustSucceed(t, r, "profile apply --check")
	if !strings.Contains(r.stderr, "warning: every proxy this profile would use failed a probe") {
		t.Errorf("profile apply --check of a dead proxy does not warn:\n%s", r.stderr)
	}
	if data, _ := s.readEnvFile(); !strings.Contains(string(data), "GOPROXY="+dead) {
		t.Errorf("env file after apply = %q", data)
	}
}

// TestProfileListMarksDrift applies a preset, changes GOPROXY, and checks
// that profile list marks the active profile modified.
func TestProfileListMarksDrift(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	mustSucceed(t, s.ctl("profile", "apply", "Mainland China", "--yes"), "profile apply")
	mustSucceed(t, s.ctl("set", "GOPROXY=https://other.example.test,direct"), "set")
	if list := s.ctl("profile", "list").stdout; !strings.Contains(list, "* Mainland China (modified: GOPROXY differs)") {
		t.Errorf("profile list does not mark the drifted profile:\n%s", list)
	}
}

// TestUndoEntryAndRedo reverts an older write by its ID, is refused for
// one whose key a later write changed, and redoes the revert.
func TestUndoEntryAndRedo(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	mustSucceed(t, s.ctl("set", "GOPROXY=https://a.example.test"), "set GOPROXY")
	mustSucceed(t, s.ctl("set", "GOSUMDB=off"), "set GOSUMDB")
	var items []historyItem
	r := s.ctl("history", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || len(items) != 2 {
		t.Fatalf("history --json: %v\n%s", err, r.stdout)
	}
	if items[0].Source != "cli" {
		t.Errorf("history source = %q, want cli", items[0].Source)
	}
	proxy := items[1].ID
	mustSucceed(t, s.ctl("undo", "--entry", proxy), "undo --entry")
	if data, _ := s.readEnvFile(); string(data) != "GOSUMDB=off\n" {
		t.Errorf("env file after undo --entry = %q, want only GOSUMDB", data)
	}
	mustSucceed(t, s.ctl("redo"), "redo")
	if data, _ := s.readEnvFile(); string(data) != "GOPROXY=https://a.example.test\nGOSUMDB=off\n" {
		t.Errorf("env file after redo = %q", data)
	}
	mustSucceed(t, s.ctl("set", "GOPROXY=https://b.example.test"), "set GOPROXY again")
	r = s.ctl("undo", "--entry", proxy)
	if r.code != exitRefused || !strings.Contains(r.stderr, "GOPROXY was changed again after this change") {
		t.Errorf("undo --entry of an overwritten key: exit %d\n%s", r.code, r.stderr)
	}
	if r := s.ctl("undo", "--entry", "nope"); r.code != exitRefused {
		t.Errorf("undo --entry of an unknown ID: exit %d", r.code)
	}
}
