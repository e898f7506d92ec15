//go:build !wasm && !test_web_driver

package glfw

import (
	"fyne.io/fyne/v2"

	"github.com/go-gl/glfw/v3.3/glfw"
)

func (d *gLDriver) initGLFW() {
	err := glfw.Init()
	if err != nil {
		fyne.LogError("failed to initialise GLFW", err)
		return
	}

	initCursors()
}

func (d *gLDriver) pollEvents() {
	glfw.PollEvents() // This call blocks while window is being resized, which prevents freeDirtyTextures from being called
}

func (d *gLDriver) Terminate() {
	glfw.Terminate()
}

// canIdle says the main loop may wait in GLFW for events when idle.
const canIdle = true

// waitEvents handles input events, waiting for one (or an empty event) for
// at most timeout seconds.
func waitEvents(timeout float64) {
	glfw.WaitEventsTimeout(timeout)
}

// postEmptyEvent ends a waitEvents on the main thread; any goroutine may call
// it while GLFW is initialised. A GLFW error here must not crash the caller's
// goroutine: the wait ends at its timeout anyway.
func postEmptyEvent() {
	defer func() {
		if r := recover(); r != nil {
			fyne.LogError("failed to wake the main loop", nil)
		}
	}()
	glfw.PostEmptyEvent()
}
