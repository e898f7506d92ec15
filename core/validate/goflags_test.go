package validate

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoFlagsAgreeWithGo checks goFlags against the real go command: it
// takes every name in the list in GOFLAGS, and refuses names that are not.
func TestGoFlagsAgreeWithGo(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	home := t.TempDir()
	run := func(name string) bool {
		cmd := exec.Command(gobin, "version")
		cmd.Env = append(os.Environ(), "GOFLAGS=-"+name, "HOME="+home, "XDG_CONFIG_HOME="+home, "GOTOOLCHAIN=local", "GOENV=off")
		return cmd.Run() == nil
	}
	for name := range goFlags {
		if !run(name) {
			t.Errorf("go refuses GOFLAGS=-%s, which goFlags lists", name)
		}
	}
	for _, name := range []string{"badflag", "l", "s", "C", "h", "help", "testjson", "mod2"} {
		if goFlags[name] {
			t.Errorf("goFlags lists %s", name)
		}
		if run(name) {
			t.Errorf("go takes GOFLAGS=-%s, which goFlags does not list", name)
		}
	}
	if !strings.Contains(flagValues["mod"], "readonly") {
		t.Error("flagValues lacks -mod=readonly")
	}
}
