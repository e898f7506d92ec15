package desktop

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gomirror/gomirror/core/origin"
)

// TestLaunchctlVars runs the macOS desktop lookup on every OS with
// launchctl's answers: the value and a newline for a variable set with
// launchctl setenv, an empty output for one it does not hold (what
// launchctl(1) documents; not recorded on a Mac in CI).
func TestLaunchctlVars(t *testing.T) {
	answers := map[string]string{
		"GOPROXY":   "https://launchd.example.test,direct\n",
		"GOPRIVATE": "",
		"GOFLAGS":   "-mod=mod  \n", // trailing spaces are part of the value
	}
	var calls []string
	run := func(name string, args ...string) ([]byte, error) {
		calls = append(calls, fmt.Sprintln(name, args))
		return []byte(answers[args[1]]), nil
	}
	vars, err := launchctlVars([]string{"GOPROXY", "GOPRIVATE", "GOFLAGS"}, run)
	if err != nil {
		t.Fatal(err)
	}
	want := []origin.OSVar{
		{Var: "GOPROXY", Value: "https://launchd.example.test,direct", Scope: origin.ScopeLaunchctl, Location: "launchctl getenv GOPROXY"},
		{Var: "GOFLAGS", Value: "-mod=mod  ", Scope: origin.ScopeLaunchctl, Location: "launchctl getenv GOFLAGS"},
	}
	if !slices.Equal(vars, want) {
		t.Errorf("launchctlVars = %+v, want %+v", vars, want)
	}
	if w := []string{"launchctl [getenv GOPROXY]\n", "launchctl [getenv GOPRIVATE]\n", "launchctl [getenv GOFLAGS]\n"}; !slices.Equal(calls, w) {
		t.Errorf("ran %q, want %q", calls, w)
	}

	// A launchctl that fails (missing, or timed out) ends the lookup with
	// what was found so far and the error, which the desktop context reports.
	failing := errors.New("exec: \"launchctl\": executable file not found in $PATH")
	vars, err = launchctlVars([]string{"GOPROXY", "GOFLAGS"}, func(name string, args ...string) ([]byte, error) {
		if args[1] == "GOFLAGS" {
			return nil, failing
		}
		return []byte(answers[args[1]]), nil
	})
	if !errors.Is(err, failing) || len(vars) != 1 {
		t.Errorf("launchctlVars with a failing launchctl = %+v, %v; want GOPROXY and the error", vars, err)
	}
}

// TestLaunchctlRecorded runs the lookup on launchctl getenv's answers as
// people pasted them (testdata/darwin, sources in its README.md): a value
// (a socket path), nothing, and an empty line.
func TestLaunchctlRecorded(t *testing.T) {
	answers := map[string]string{}
	for name, file := range map[string]string{"GOPROXY": "getenv-value.out", "GOSUMDB": "getenv-unset.out", "GOFLAGS": "getenv-blank.out"} {
		data, err := os.ReadFile(filepath.Join("testdata/darwin", file))
		if err != nil {
			t.Fatal(err)
		}
		answers[name] = string(data)
	}
	vars, err := launchctlVars([]string{"GOPROXY", "GOSUMDB", "GOFLAGS"}, func(name string, args ...string) ([]byte, error) {
		return []byte(answers[args[1]]), nil
	})
	want := []origin.OSVar{{Var: "GOPROXY", Value: "/private/tmp/com.apple.launchd.RVrbZ1sgv9/unix_domain_listener",
		Scope: origin.ScopeLaunchctl, Location: "launchctl getenv GOPROXY"}}
	if err != nil || !slices.Equal(vars, want) {
		t.Errorf("launchctlVars = %+v, %v; want %+v", vars, err, want)
	}

	// Not recorded: if getenv of a missing variable exits with a failure
	// status and prints nothing, the variable is not held; the lookup goes
	// on to the next one.
	vars, err = launchctlVars([]string{"GOSUMDB", "GOPROXY"}, func(name string, args ...string) ([]byte, error) {
		if args[1] == "GOSUMDB" {
			return nil, exec.Command("sh", "-c", "exit 1").Run()
		}
		return []byte(answers[args[1]]), nil
	})
	if err != nil || !slices.Equal(vars, want) {
		t.Errorf("launchctlVars with a failing getenv for a missing variable = %+v, %v; want %+v", vars, err, want)
	}
}
