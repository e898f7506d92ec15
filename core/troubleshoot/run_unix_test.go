//go:build unix

package troubleshoot_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gomirror/gomirror/core/resolve"
	"github.com/gomirror/gomirror/core/troubleshoot"
)

// TestRunKillsProcessGroup: a command that outlives its timeout, or whose
// context is cancelled, is killed with every process it started.
func TestRunKillsProcessGroup(t *testing.T) {
	for _, cancel := range []bool{false, true} {
		pidFile := filepath.Join(t.TempDir(), "pid")
		ctx, stop := context.WithCancel(context.Background())
		if cancel {
			time.AfterFunc(300*time.Millisecond, stop)
		}
		rep, err := troubleshoot.Run(ctx, &resolve.Resolution{}, troubleshoot.Command{
			Go: "/bin/sh", Args: []string{"-c", "sleep 30 & echo $! > " + pidFile + "; wait"}, Timeout: 500 * time.Millisecond})
		stop()
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Failed() || rep.TimedOut == cancel {
			t.Errorf("cancel=%v: Failed, TimedOut = %v, %v", cancel, rep.Failed(), rep.TimedOut)
		}
		data, err := os.ReadFile(pidFile)
		if err != nil {
			t.Fatal(err)
		}
		pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
		if !exited(pid) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Errorf("cancel=%v: background child %d survived", cancel, pid)
		}
	}
}

// exited waits up to a second for pid to disappear (or turn zombie).
func exited(pid int) bool {
	for range 50 {
		err := syscall.Kill(pid, 0)
		if errors.Is(err, syscall.ESRCH) {
			return true
		}
		if st, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); strings.Contains(string(st), ") Z ") {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func TestWithTraceArgs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mod download example.test/m@v1.0.0", "mod download -x example.test/m@v1.0.0"},
		{"get example.test/m", "get -x example.test/m"},
		{"mod why example.test/m", "mod why example.test/m"},
		{"build -x ./...", "build -x ./..."},
	} {
		rep, err := troubleshoot.Run(context.Background(), &resolve.Resolution{}, troubleshoot.Command{
			Go: "/bin/true", Args: strings.Fields(c.in), Trace: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rep.Args, " "); got != c.want {
			t.Errorf("Run(%q).Args = %q, want %q", c.in, got, c.want)
		}
	}
}
