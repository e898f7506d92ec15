package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// staleNames are the Windows processes users really run that hold Go
// settings: VS Code, GoLand, gopls and go itself.
var staleNames = []string{"Code.exe", "goland64.exe", "gopls.exe", "go.exe"}

// checkProcs starts copies of this program under those names with an old
// GOPROXY, then asks gomirrorctl processes which are stale and how to
// restart each.
func checkProcs() error {
	dir := filepath.Join(*root, "procs")
	_ = os.RemoveAll(dir)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	data, err := os.ReadFile(self)
	if err != nil {
		return err
	}
	env := append(baseEnv(), "APPDATA="+filepath.Join(dir, "appdata"), "USERPROFILE="+filepath.Join(dir, "profile"))
	var kids []*exec.Cmd
	defer func() {
		for _, k := range kids {
			_ = k.Process.Kill()
			_ = k.Wait()
		}
	}()
	for i, name := range staleNames {
		exe := filepath.Join(dir, fmt.Sprint(i), name)
		writeFile(exe, string(data))
		k := exec.Command(exe, "sleep")
		k.Env = append(env, "GOPROXY=https://old.example.test")
		if err := k.Start(); err != nil {
			return fmt.Errorf("starting %s: %w", name, err)
		}
		kids = append(kids, k)
	}
	time.Sleep(time.Second)
	r := run(dir, append(env, "GOPROXY=https://new.example.test"), "", *ctlExe, "processes", "--json")
	if r.err != nil {
		return fmt.Errorf("gomirrorctl processes --json: %v: %s", r.err, r.stderr)
	}
	var out struct {
		Processes []struct {
			PID        int32
			Kind, Name string
			State      string
			Mismatches []struct{ Var, Has, Want string }
			Hint       string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		return err
	}
	var errs []error
	for i, name := range staleNames {
		found := false
		for _, p := range out.Processes {
			if int(p.PID) != kids[i].Process.Pid {
				continue
			}
			found = true
			stale := p.State == "stale" && len(p.Mismatches) > 0 && p.Mismatches[0].Has == "https://old.example.test"
			if !stale || p.Hint == "" {
				errs = append(errs, fmt.Errorf("%s: state %s, mismatches %+v, hint %q", name, p.State, p.Mismatches, p.Hint))
				continue
			}
			fmt.Printf("  ok: %s (%s) is stale: GOPROXY %s, now %s; hint: %s\n", name, p.Kind, p.Mismatches[0].Has,
				p.Mismatches[0].Want, strings.ReplaceAll(p.Hint, "\n", " "))
		}
		if !found {
			errs = append(errs, fmt.Errorf("%s (pid %d) is not listed", name, kids[i].Process.Pid))
		}
	}
	return errors.Join(errs...)
}
