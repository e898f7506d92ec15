package core

import (
	"os/exec"
	"syscall"
)

// createNoWindow is CREATE_NO_WINDOW: a console program runs without a
// console window.
const createNoWindow = 0x08000000

// HideConsole makes cmd, a console program such as go.exe, start without
// a console window of its own. Go Mirror's desktop app has no console, so
// Windows would otherwise open one for every go command it runs: a window
// that flashes up and takes the keyboard focus from the app.
func HideConsole(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.HideWindow = true
	cmd.SysProcAttr.CreationFlags |= createNoWindow
}
