//go:build !windows

package core

import "os/exec"

// HideConsole makes cmd start without a console window of its own on
// Windows; elsewhere there is nothing to do.
func HideConsole(cmd *exec.Cmd) {}
