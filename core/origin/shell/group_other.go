//go:build !unix && !windows

package shell

import "os/exec"

// newGroup does nothing where there are no Unix process groups.
func newGroup(cmd *exec.Cmd) {}

// killGroup kills the shell process itself.
func killGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}

// joinGroup does nothing where there are no process groups.
func joinGroup(cmd *exec.Cmd) {}
