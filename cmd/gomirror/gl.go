package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// newWindow makes the app's window, whose framebuffer will have no depth or
// stencil buffer. Fyne draws in order with blending, never testing depth or
// stencil, yet clears the depth buffer on every frame; without a GPU (Mesa's
// llvmpipe, as on a VM or under Xvfb) that clear was most of a repaint's
// cost. The hints need GLFW started, which Fyne's NewWindow does, and take
// effect when the window is shown; they last for later windows too, as Fyne
// sets other hints only.
func newWindow(a fyne.App, title string) fyne.Window {
	w := a.NewWindow(title)
	hint(glfw.DepthBits, 0)
	hint(glfw.StencilBits, 0)
	return w
}

// hint sets a GLFW window hint. The binding panics on any pending GLFW
// error, such as a GLFW that failed to start: that is Fyne's to report, so
// the panic is dropped (each hint on its own, so one cannot lose the other).
func hint(h glfw.Hint, value int) {
	defer func() { _ = recover() }()
	glfw.WindowHint(h, value)
}
