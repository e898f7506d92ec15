//go:build !unix

package troubleshoot

import (
	"os/exec"
	"time"
)

// prepare bounds the wait for the command's output after it exits; on
// cancel, exec kills the process.
func prepare(cmd *exec.Cmd) { cmd.WaitDelay = 2 * time.Second }

// killGroup has nothing more to do without process groups.
func killGroup(*exec.Cmd) {}
