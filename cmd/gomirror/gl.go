package main

import "github.com/go-gl/glfw/v3.3/glfw"

// noDepthBuffer asks GLFW for windows without a depth or stencil buffer.
// Fyne draws in order with blending, never testing depth or stencil, yet
// clears the depth buffer on every frame; without a GPU (Mesa's llvmpipe,
// as on a VM or under Xvfb) that clear was most of a repaint's cost.
// It must run after GLFW is initialised (Fyne's first NewWindow does that)
// and before a window is shown; the hints last for every later window, as
// Fyne sets other hints only. A GLFW that failed to start makes the hints
// fail too: that is Fyne's to report, so the panic is dropped.
func noDepthBuffer() {
	defer func() { _ = recover() }()
	glfw.WindowHint(glfw.DepthBits, 0)
	glfw.WindowHint(glfw.StencilBits, 0)
}
