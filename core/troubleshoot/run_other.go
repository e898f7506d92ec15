//go:build !unix

package troubleshoot

import (
	"os/exec"
	"time"

	"github.com/gomirror/gomirror/core"
)

// prepare bounds the wait for the command's output after it exits (on
// cancel, exec kills the process), and starts it without a console window.
func prepare(cmd *exec.Cmd) {
	cmd.WaitDelay = 2 * time.Second
	core.HideConsole(cmd)
}

// killGroup has nothing more to do without process groups.
func killGroup(*exec.Cmd) {}
