//go:build unix

package troubleshoot

import (
	"os/exec"
	"syscall"
	"time"
)

// prepare starts the command in its own process group, killed as a whole
// on cancel, and bounds the wait for its output after it exits.
func prepare(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
}

// killGroup kills whatever the command left running in its process group.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
