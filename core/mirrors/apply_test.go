package mirrors

import (
	"path/filepath"
	"testing"

	"github.com/gomirror/gomirror/core/mirrors/probe"
	"github.com/gomirror/gomirror/core/service"
)

// TestApplyThroughService writes a suggestion with service.Set (validated,
// atomic, recorded) and undoes it.
func TestApplyThroughService(t *testing.T) {
	env, dir := machine(t, testGoEnv)
	svc := service.New(service.Options{Env: env, GOOS: "linux", Cwd: dir, ConfigDir: filepath.Join(dir, "gomirror")})
	r := svc.Resolve()
	sums := []probe.Summary{healthy(huawei, 20, probe.SumDBNo), healthy(cn, 40, probe.SumDBNo)}
	sug, err := Suggest(r, Catalogue(r, nil), sums, SuggestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Set(r, sug.Assignments(r)); err != nil {
		t.Fatalf("Set(%v): %v", sug.Assignments(r), err)
	}
	after := svc.Resolve()
	if got := after.Value("GOPROXY"); got != huawei+"|"+cn+",direct" {
		t.Errorf("GOPROXY after apply = %q", got)
	}
	if got := after.Value("GOSUMDB"); got != ChinaSumDB {
		t.Errorf("GOSUMDB after apply = %q, want %s", got, ChinaSumDB)
	}
	if h, err := svc.History(); err != nil || len(h) != 1 {
		t.Errorf("history = %d entries, %v; want 1", len(h), err)
	}
	if _, err := svc.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := svc.Resolve().Value("GOPROXY"); got != "https://proxy.example.test,direct" {
		t.Errorf("GOPROXY after undo = %q, want go.env's", got)
	}
}
