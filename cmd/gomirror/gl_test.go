package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/app"
	"github.com/go-gl/gl/v2.1/gl"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// glProbeEnv makes this test binary a child that opens a GLFW window on
// $DISPLAY and prints the depth and stencil bits of its framebuffer: with
// the app's hints ("app") or GLFW's defaults ("default").
const glProbeEnv = "GOMIRROR_GL_PROBE"

func TestMain(m *testing.M) {
	if mode := os.Getenv(glProbeEnv); mode != "" {
		// TestMain runs on the main thread (Fyne's GLFW driver locks it
		// in init), which GLFW needs.
		if err := printFramebufferBits(mode == "app"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// printFramebufferBits makes a Fyne app and window the way main does
// (hinted) or with Fyne's plain NewWindow (the control), then opens a hidden
// GLFW window as Fyne's Show would and prints "depth=D stencil=S".
func printFramebufferBits(hinted bool) error {
	a := app.NewWithID(appID + ".glprobe")
	if hinted {
		newWindow(a, "gl probe")
	} else {
		a.NewWindow("gl probe")
	}
	defer glfw.Terminate()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	win, err := glfw.CreateWindow(64, 64, "gl probe", nil, nil)
	if err != nil {
		return err
	}
	defer win.Destroy()
	win.MakeContextCurrent()
	if err := gl.Init(); err != nil {
		return err
	}
	var depth, stencil int32
	gl.GetIntegerv(gl.DEPTH_BITS, &depth)
	gl.GetIntegerv(gl.STENCIL_BITS, &stencil)
	fmt.Printf("depth=%d stencil=%d\n", depth, stencil)
	return nil
}

// TestWindowHasNoDepthBuffer opens a real window under a throwaway Xvfb:
// made as main makes it, its framebuffer has no depth or stencil buffer for
// Fyne to clear on every frame, while Fyne's plain NewWindow (the
// control) gives it a depth buffer.
func TestWindowHasNoDepthBuffer(t *testing.T) {
	display := startXvfb(t)
	for _, mode := range []string{"app", "default"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		home := t.TempDir()
		cmd.Env = append(os.Environ(), glProbeEnv+"="+mode, "DISPLAY="+display,
			"HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_CACHE_HOME="+home, "XDG_DATA_HOME="+home)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s hints: the window probe failed: %v\n%s", mode, err, stderr.String())
		}
		var depth, stencil int
		if _, err := fmt.Sscanf(string(out), "depth=%d stencil=%d", &depth, &stencil); err != nil {
			t.Fatalf("%s hints: the window probe printed %q: %v", mode, out, err)
		}
		switch {
		case mode == "app" && (depth != 0 || stencil != 0):
			t.Errorf("with the app's hints the framebuffer has %d depth and %d stencil bits, want none", depth, stencil)
		case mode == "default" && depth == 0:
			t.Errorf("with GLFW's default hints the framebuffer has no depth buffer: the probe cannot tell the hints apart")
		}
	}
}

// startXvfb starts an Xvfb on a free display for the test and returns its
// name; the test is skipped where Xvfb is not installed.
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// -displayfd: Xvfb picks a free display and writes its number to fd 3.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "640x480x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb did not report a display")
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
	return ""
}
