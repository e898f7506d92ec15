package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Shares of the primary monitor's work area (the screen less the taskbar)
// the window may take, leaving room for its title bar and border.
const (
	screenShareWidth  = 0.94
	screenShareHeight = 0.90
)

// fitToScreen shrinks the shown window w to fit the primary monitor's work
// area at the window's scale, and centres it: a default or remembered size
// of 1100×720 is 1650×1080 pixels at 150%, more than a 1920×1080 screen
// with a taskbar. It runs on the UI goroutine once the app has started.
func fitToScreen(w fyne.Window) {
	defer func() { _ = recover() }() // the GLFW binding panics on a pending GLFW error: keep the size
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return
	}
	_, _, width, height := mon.GetWorkarea()
	size, fit := w.Canvas().Size(), fitSize(w.Canvas().Size(), width, height, w.Canvas().Scale())
	if fit != size {
		w.Resize(fit)
		w.CenterOnScreen()
	}
}

// fitSize is size (in Fyne units) made to fit a work area of width×height
// pixels at scale.
func fitSize(size fyne.Size, width, height int, scale float32) fyne.Size {
	if width <= 0 || height <= 0 || scale <= 0 {
		return size
	}
	maxW, maxH := float32(width)*screenShareWidth/scale, float32(height)*screenShareHeight/scale
	return fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH))
}
