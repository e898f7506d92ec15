//go:build !no_glfw && !mobile && !wasm && !test_web_driver

// Tests of Go Mirror's patch to this package (third_party/fyne/PATCH.md):
// the main loop waits in GLFW when idle. They run the real driver on the
// main thread with a real window, under an Xvfb of their own, and are
// skipped where Xvfb is not installed.
//
// The idle wait's timeout is an hour here, so a lost wake-up shows as a
// function, a frame or an animation step that does not come within
// wakeDeadline, rather than one that comes a quarter of a second late.
package glfw

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// wakeDeadline is how long a test waits for what a wake-up should bring at
// once: long enough for a loaded CI machine, far shorter than the idle
// timeout.
const wakeDeadline = 10 * time.Second

var d = NewGLDriver()

func TestMain(m *testing.M) {
	stop, err := startXvfb()
	if err != nil {
		fmt.Println("idle loop tests skipped:", err)
		os.Exit(0)
	}
	defer stop()
	home, err := os.MkdirTemp("", "fyne-idle-test")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	defer os.RemoveAll(home)
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		os.Setenv(v, home)
	}
	test.NewApp()
	idleTimeout = 3600

	// A hidden window that stays open, so that closing a test's window
	// does not quit the driver.
	d.init()
	d.CreateWindow("master").(*window).create()

	code := make(chan int, 1)
	go func() {
		c := m.Run()
		// Quit while the loop waits: it must wake and return.
		if err := waitIdling(); err != nil {
			fmt.Println(err)
			c = 1
		}
		code <- c
		d.Quit()
		time.Sleep(wakeDeadline)
		fmt.Println("FAIL: Quit did not wake the idle loop")
		os.Exit(1)
	}()
	d.runGL() // on the main thread, as GLFW needs (Run would also wait for the lifecycle events of a real app)
	c := <-code
	stop()
	os.RemoveAll(home)
	os.Exit(c)
}

// startXvfb starts an Xvfb on a free display and points DISPLAY at it.
func startXvfb() (stop func(), err error) {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		return nil, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// -displayfd: Xvfb picks a free display and writes its number to fd 3.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "640x480x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w.Close()
	stop = func() { cmd.Process.Kill(); cmd.Wait() }
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			stop()
			return nil, fmt.Errorf("Xvfb did not report a display")
		}
		os.Setenv("DISPLAY", ":"+n)
		return stop, nil
	case <-time.After(20 * time.Second):
		stop()
		return nil, fmt.Errorf("Xvfb did not start within 20 s")
	}
}

// waitIdling waits for the main loop to wait in GLFW.
func waitIdling() error {
	deadline := time.Now().Add(wakeDeadline)
	for time.Now().Before(deadline) {
		idleLock.Lock()
		is := idling
		idleLock.Unlock()
		if is {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("the main loop did not go idle within %s", wakeDeadline)
}

// showWindow shows a window with content and waits for the loop to idle.
func showWindow(t *testing.T, content fyne.CanvasObject) fyne.Window {
	t.Helper()
	var w fyne.Window
	runOnMain(func() {
		w = d.CreateWindow("idle test")
		w.SetContent(content)
		w.Resize(fyne.NewSize(200, 100))
		w.Show()
	})
	t.Cleanup(func() { runOnMain(w.Close) })
	if err := waitIdling(); err != nil {
		t.Fatal(err)
	}
	return w
}

func TestIdleLoopRunsQueuedFunctionsAtOnce(t *testing.T) {
	showWindow(t, widget.NewLabel("idle"))
	for i := 0; i < 20; i++ {
		ran := make(chan struct{})
		if i%2 == 0 {
			d.DoFromGoroutine(func() { close(ran) }, false) // fyne.Do
		} else {
			go d.DoFromGoroutine(func() { close(ran) }, true) // fyne.DoAndWait
		}
		select {
		case <-ran:
		case <-time.After(wakeDeadline):
			t.Fatalf("call %d: a function queued while the loop was idle did not run within %s", i, wakeDeadline)
		}
		if err := waitIdling(); err != nil {
			t.Fatalf("after call %d: %v", i, err)
		}
	}
}

func TestIdleLoopDrawsWhatAQueuedFunctionChanged(t *testing.T) {
	label := widget.NewLabel("before")
	w := showWindow(t, label).(*window)
	var before time.Time
	runOnMain(func() { before = w.lastWalkedTime })
	d.DoFromGoroutine(func() {
		label.SetText("after")
		w.Canvas().Refresh(label) // the test app's driver is not this one
	}, false)
	deadline := time.Now().Add(wakeDeadline)
	for {
		// A repaint sets lastWalkedTime; so does a walk that keeps the
		// caches alive, but not within seconds of the last one.
		var drawn bool
		runOnMain(func() { drawn = label.Text == "after" && w.lastWalkedTime.After(before) })
		if drawn {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a change made while the loop was idle was not drawn within %s", wakeDeadline)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := waitIdling(); err != nil {
		t.Fatal(err)
	}
}

func TestIdleLoopKeepsTickingAnimations(t *testing.T) {
	showWindow(t, widget.NewLabel("idle"))
	// The animation changes nothing on screen, so no frame is drawn: only
	// the running animation keeps the loop from waiting.
	done := make(chan struct{})
	var ticks atomic.Int32
	a := fyne.NewAnimation(300*time.Millisecond, func(p float32) {
		ticks.Add(1)
		if p == 1 {
			close(done)
		}
	})
	d.DoFromGoroutine(func() { d.StartAnimation(a) }, false) // not fyne.Do or a.Start: they use the test app's driver
	select {
	case <-done:
	case <-time.After(wakeDeadline):
		t.Fatalf("an animation started while the loop was idle stalled after %d ticks", ticks.Load())
	}
	if err := waitIdling(); err != nil {
		t.Fatal(err)
	}
}
