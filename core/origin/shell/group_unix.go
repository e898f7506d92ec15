//go:build unix

package shell

import (
	"os/exec"
	"syscall"
)

// newGroup starts cmd in a new session: it leads a new process group, and
// has no controlling terminal, so an interactive shell cannot take over
// the terminal Go Mirror runs in, and job control cannot move background
// jobs out of the group.
func newGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}

// killGroup kills every process in cmd's process group.
func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	if err == syscall.ESRCH {
		return nil
	}
	return err
}

// joinGroup does nothing: newGroup already made the group.
func joinGroup(cmd *exec.Cmd) {}
