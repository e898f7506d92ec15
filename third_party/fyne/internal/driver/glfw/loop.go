package glfw

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/internal/app"
	"fyne.io/fyne/v2/internal/async"
	"fyne.io/fyne/v2/internal/cache"
	"fyne.io/fyne/v2/internal/driver/common"
	"fyne.io/fyne/v2/internal/painter"
	"fyne.io/fyne/v2/internal/scale"
)

type funcData struct {
	f    func()
	done chan struct{} // Zero allocation signalling channel
}

// channel for queuing functions on the main thread
var (
	funcQueue        = async.NewUnboundedChan[funcData]()
	running, drained atomic.Bool
)

// Idle mode (a Go Mirror patch; see third_party/fyne/PATCH.md). After
// idleAfter frames in a row with nothing to draw, no animation and no queued
// function, the main loop stops its 60 Hz ticker and waits in GLFW for input
// events instead, for at most idleTimeout. Queuing a function for the main
// thread (fyne.Do, fyne.DoAndWait, Quit) posts an empty event that ends the
// wait at once; input ends it too. The timeout bounds the delay of anything
// that changes the canvas from another goroutine without going through the
// queue, and keeps the caches' housekeeping going.
const idleAfter = 6 // frames, about 0.1 s

var (
	idleTimeout = 0.25 // seconds; a variable for the tests (idle_test.go)

	// pendingFuncs counts functions queued for the main thread and not yet
	// taken from the queue; the loop does not wait in GLFW while it is
	// non-zero.
	pendingFuncs atomic.Int64

	idleLock sync.Mutex
	idling   bool // the main loop is (about to be) waiting in GLFW; guarded by idleLock
)

// wakeMain ends the main loop's wait in GLFW, if it is waiting; any goroutine
// may call it. Under idleLock, so that no empty event is posted once the loop
// has left idle mode (and GLFW may be terminated).
func wakeMain() {
	idleLock.Lock()
	defer idleLock.Unlock()
	if idling {
		idling = false
		postEmptyEvent()
	}
}

// hasWork reports whether a function is queued for the main thread or Quit
// was called: the loop must not wait in GLFW then.
func (d *gLDriver) hasWork() bool {
	if pendingFuncs.Load() > 0 {
		return true
	}
	select {
	case <-d.done:
		return true
	default:
		return false
	}
}

// waitIdle waits in GLFW for input, a queued function or idleTimeout,
// unless work is already waiting. Call it on the main thread only.
func (d *gLDriver) waitIdle() {
	idleLock.Lock()
	idling = true
	idleLock.Unlock()

	// A function queued (or Quit called) before idling was set is seen
	// here; one queued after it posts an empty event that ends the wait.
	if !d.hasWork() {
		waitEvents(idleTimeout)
	}

	idleLock.Lock()
	idling = false
	idleLock.Unlock()
}

// Arrange that main.main runs on main thread.
func init() {
	runtime.LockOSThread()
	async.SetMainGoroutine()
}

// force a function f to run on the main thread
func runOnMain(f func()) {
	runOnMainWithWait(f, true)
}

// force a function f to run on the main thread and specify if we should wait for it to return
func runOnMainWithWait(f func(), wait bool) {
	// If we are on main before app run just execute - otherwise add it to the main queue and wait.
	// We also need to run it as-is if the app is in the process of shutting down as the queue will be stopped.
	if (!running.Load() && async.IsMainGoroutine()) || drained.Load() {
		f()
		return
	}

	pendingFuncs.Add(1)
	if wait {
		done := common.DonePool.Get()
		defer common.DonePool.Put(done)

		funcQueue.In() <- funcData{f: f, done: done}
		wakeMain()
		<-done
	} else {
		funcQueue.In() <- funcData{f: f}
		wakeMain()
	}
}

// drawSingleFrame repaints the windows that need it and reports whether any
// did.
func (d *gLDriver) drawSingleFrame() (drew bool) {
	refreshed := false
	for _, win := range d.windowList() {
		w := win.(*window)
		if w.closing {
			continue
		}

		// CheckDirtyAndClear must be checked after visibility,
		// because when a window becomes visible, it could be
		// showing old content without a dirty flag set to true.
		// Do the clear if and only if the window is visible.
		if !w.visible || !w.canvas.CheckDirtyAndClear() {
			// Window hidden or not being redrawn, mark canvasForObject
			// cache alive if it hasn't been done recently
			// n.b. we need to make sure threshold is a bit *after*
			// time.Now() - CacheDuration()
			threshold := time.Now().Add(10*time.Second - cache.ValidDuration)
			if w.lastWalkedTime.Before(threshold) {
				w.canvas.WalkTrees(nil, func(node *common.RenderCacheNode, _ fyne.Position) {
					// marks canvas for object cache entry alive
					_ = cache.GetCanvasForObject(node.Obj())
					// marks renderer cache entry alive
					if wid, ok := node.Obj().(fyne.Widget); ok {
						_, _ = cache.CachedRenderer(wid)
					}
				})
				w.lastWalkedTime = time.Now()
			}
			continue
		}

		drew = true
		w.RunWithContext(func() {
			if w.driver.repaintWindow(w) {
				refreshed = true
			}
		})
	}
	cache.Clean(refreshed)
	return drew
}

func (d *gLDriver) runGL() {
	if !running.CompareAndSwap(false, true) {
		return // Run was called twice.
	}

	d.init()
	if d.trayStart != nil {
		d.trayStart()
	}

	fyne.CurrentApp().Settings().AddListener(func(set fyne.Settings) {
		painter.ClearFontCache()
		cache.ResetThemeCaches()
		app.ApplySettingsWithCallback(set, fyne.CurrentApp(), func(w fyne.Window) {
			c, ok := w.Canvas().(*glCanvas)
			if !ok {
				return
			}
			c.applyThemeOutOfTreeObjects()
			c.reloadScale()
		})
	})

	if f := fyne.CurrentApp().Lifecycle().(*app.Lifecycle).OnStarted(); f != nil {
		f()
	}

	eventTick := time.NewTicker(time.Second / 60)
	quiet := 0 // frames in a row with nothing to draw or run
	for {
		if canIdle && quiet >= idleAfter {
			eventTick.Stop()
			d.waitIdle()
			eventTick.Reset(time.Second / 60)
			// Input handled during the wait may have changed the canvas:
			// draw it now rather than a tick later.
			if d.frame() {
				quiet = 0
			}
			if !d.hasWork() {
				continue // nothing queued: wait again, or tick if active
			}
		}
		select {
		case <-d.done:
			eventTick.Stop()
			d.Terminate()
			l := fyne.CurrentApp().Lifecycle().(*app.Lifecycle)
			if f := l.OnStopped(); f != nil {
				l.QueueEvent(f)
			}

			// as we are shutting down make sure we drain the pending funcQueue and close it out.
			for len(funcQueue.Out()) > 0 {
				f := <-funcQueue.Out()
				if f.done != nil {
					f.done <- struct{}{}
				}
			}
			drained.Store(true)
			funcQueue.Close()
			return
		case f := <-funcQueue.Out():
			pendingFuncs.Add(-1)
			quiet = 0
			f.f()
			if f.done != nil {
				f.done <- struct{}{}
			}
		case <-eventTick.C:
			if d.frame() {
				quiet = 0
			} else {
				quiet++
			}
		}
	}
}

// frame does one tick's work: it handles input events, closes and resizes
// windows, steps animations and repaints what needs it. It reports whether
// the loop should stay active: something was drawn, or is animating.
func (d *gLDriver) frame() (busy bool) {
	d.pollEvents()
	for i := 0; i < len(d.windows); i++ {
		w := d.windows[i].(*window)
		if w.viewport == nil {
			continue
		}

		if w.viewport.ShouldClose() {
			d.destroyWindow(w, i)
			i-- // Trailing windows are moved forward one step.
			busy = true
			continue
		}

		expand := w.shouldExpand
		fullScreen := w.fullScreen

		if expand && !fullScreen {
			w.fitContent()
			shouldExpand := w.shouldExpand
			w.shouldExpand = false
			view := w.viewport

			if shouldExpand && runtime.GOOS != "js" {
				view.SetSize(w.shouldWidth, w.shouldHeight)
			}
			busy = true
		}
	}

	d.animation.TickAnimations()
	if d.drawSingleFrame() {
		busy = true
	}
	return busy || d.animation.Running()
}

func (d *gLDriver) destroyWindow(w *window, index int) {
	w.visible = false
	w.viewport.Destroy()
	w.destroy(d)

	if index < len(d.windows)-1 {
		copy(d.windows[index:], d.windows[index+1:])
	}
	d.windows[len(d.windows)-1] = nil
	d.windows = d.windows[:len(d.windows)-1]

	if len(d.windows) == 0 {
		d.Quit()
	}
}

func (d *gLDriver) repaintWindow(w *window) bool {
	canvas := w.canvas
	freed := false
	if canvas.EnsureMinSize() {
		w.shouldExpand = true
	}
	freed = canvas.FreeDirtyTextures() > 0

	updateGLContext(w)
	canvas.paint(canvas.Size())

	view := w.viewport
	visible := w.visible

	if view != nil && visible {
		view.SwapBuffers()
	}

	// mark that we have walked the window and don't
	// need to walk it again to mark caches alive
	w.lastWalkedTime = time.Now()
	return freed
}

// refreshWindow requests that the specified window be redrawn
func refreshWindow(w *window) {
	w.canvas.SetDirty()
}

func updateGLContext(w *window) {
	canvas := w.canvas
	size := canvas.Size()

	// w.width and w.height are not correct if we are maximised, so figure from canvas
	winWidth := float32(scale.ToScreenCoordinate(canvas, size.Width)) * canvas.texScale
	winHeight := float32(scale.ToScreenCoordinate(canvas, size.Height)) * canvas.texScale

	canvas.Painter().SetFrameBufferScale(canvas.texScale)
	canvas.Painter().SetOutputSize(int(winWidth), int(winHeight))
}
