package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// repaint does what the GLFW driver does before it repaints a canvas: it
// asks every visible object for its minimum size (EnsureMinSize), which
// lets the focus watch see a changed focus, and then runs what was queued
// with fyne.Do (the test driver runs it at once, inside the walk).
func repaint(c fyne.Canvas) {
	var queued []func()
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range roots {
		walkRendered(root, func(o fyne.CanvasObject) {
			if w, ok := o.(*focusWatch); ok {
				w.post = func(f func()) { queued = append(queued, f) }
			}
		})
	}
	for _, root := range roots {
		walkRendered(root, func(o fyne.CanvasObject) { o.MinSize() })
	}
	for _, f := range queued {
		f()
	}
}

// walkRendered calls f for o and each visible object under it, through
// the widgets' renderers as the driver has them (test.LaidOutObjects would
// make new ones).
func walkRendered(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	case *fyne.Container:
		children = o.Objects
	}
	for _, child := range children {
		walkRendered(child, f)
	}
}

// tab moves the focus as the GLFW driver does for Tab (forward) or
// Shift+Tab, then repaints.
func tab(c fyne.Canvas, forward bool) {
	if forward {
		test.FocusNext(c)
	} else {
		test.FocusPrevious(c)
	}
	repaint(c)
}

// notShown says how the focused widget is hidden by a scroller above it,
// or "" when every scroller shows it: whole if it fits, else in part.
func notShown(c fyne.Canvas) string {
	obj, ok := c.Focused().(fyne.CanvasObject)
	if !ok {
		return ""
	}
	d := fyne.CurrentApp().Driver()
	r := rect{d.AbsolutePositionForObject(obj), obj.Size()}
	for _, s := range scrollersAbove(c, obj) {
		view := rect{d.AbsolutePositionForObject(s), s.Size()}
		fits := r.size.Width <= view.size.Width && r.size.Height <= view.size.Height
		if fits && !view.contains(r) || !fits && view.intersect(r).empty() {
			return fmt.Sprintf("%s at %v size %v is outside its scroller at %v size %v (offset %v)",
				describeFocusable(c.Focused()), r.pos, r.size, view.pos, view.size, s.Offset)
		}
		r = r.intersect(view)
	}
	return ""
}

// describeFocusable names a focusable widget for a test's message.
func describeFocusable(f fyne.Focusable) string {
	switch o := f.(type) {
	case *widget.Button:
		return "button " + o.Text
	case *widget.Entry:
		return fmt.Sprintf("entry %q", o.PlaceHolder+o.Text)
	case *widget.Check:
		return "check box " + o.Text
	case *widget.Select:
		return "select " + o.Selected
	}
	return fmt.Sprintf("%T", f)
}

// buttons returns n buttons labelled prefix1…prefixN.
func buttons(prefix string, n int) []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, n)
	for i := range objs {
		objs[i] = widget.NewButton(fmt.Sprintf("%s%d", prefix, i+1), func() {})
	}
	return objs
}

// watched is content with a focus watch for w, as the app's window has.
func watched(w fyne.Window, content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, nil, content, container.NewWithoutLayout(newFocusWatch(w.Canvas())))
}

// tabAround presses Tab (or Shift+Tab) steps times and reports every step
// that left the focused widget out of view; it returns how many steps
// scrolled something.
func tabAround(t *testing.T, c fyne.Canvas, forward bool, steps int, scrolls ...*container.Scroll) (scrolled int) {
	t.Helper()
	for i := 0; i < steps; i++ {
		before := make([]fyne.Position, len(scrolls))
		for j, s := range scrolls {
			before[j] = s.Offset
		}
		tab(c, forward)
		if msg := notShown(c); msg != "" {
			t.Errorf("Tab (forward %t) step %d: %s", forward, i+1, msg)
		}
		for j, s := range scrolls {
			if s.Offset != before[j] {
				scrolled++
				break
			}
		}
	}
	return scrolled
}

func TestTabScrollsFocusIntoView(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	scroll := container.NewVScroll(container.NewVBox(buttons("b", 30)...))
	w.SetContent(watched(w, scroll))
	w.Resize(fyne.NewSize(200, 160))
	c := w.Canvas()
	if n := tabAround(t, c, true, 30, scroll); n == 0 {
		t.Error("Tab through 30 buttons in a 160 px window never scrolled")
	}
	if scroll.Offset.Y == 0 {
		t.Errorf("after Tab to the last button the offset is %v, want scrolled down", scroll.Offset)
	}
	// Shift+Tab back up, then Tab wraps from the last to the first.
	if n := tabAround(t, c, false, 29, scroll); n == 0 {
		t.Error("Shift+Tab back to the first button never scrolled")
	}
	tabAround(t, c, false, 1, scroll) // wraps to the last
	tabAround(t, c, true, 1, scroll)  // and back to the first
	if scroll.Offset.Y != 0 {
		t.Errorf("with the first button focused the offset is %v, want 0", scroll.Offset)
	}
}

func TestFocusScrollsNestedScrollersAndKeepsAMargin(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	inner := container.NewVScroll(container.NewVBox(buttons("in", 12)...))
	inner.SetMinSize(fyne.NewSize(120, 100))
	outer := container.NewVScroll(container.NewVBox(append(append(buttons("top", 6), inner), buttons("end", 6)...)...))
	wide := container.NewHScroll(container.NewHBox(buttons("h", 10)...))
	w.SetContent(watched(w, container.NewBorder(nil, wide, nil, nil, outer)))
	w.Resize(fyne.NewSize(220, 200))
	c := w.Canvas()
	steps := 6 + 12 + 6 + 10
	if n := tabAround(t, c, true, steps, outer, inner, wide); n < 3 {
		t.Errorf("Tab through nested scrollers scrolled %d times, want at least 3", n)
	}
	if n := tabAround(t, c, false, steps, outer, inner, wide); n < 3 {
		t.Errorf("Shift+Tab through nested scrollers scrolled %d times, want at least 3", n)
	}
	// Focus set by the code scrolls too, and leaves a margin when it can.
	inner.ScrollToOffset(fyne.Position{})
	last := inner.Content.(*fyne.Container).Objects[8].(*widget.Button)
	c.Focus(last)
	repaint(c)
	if msg := notShown(c); msg != "" {
		t.Fatal(msg)
	}
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(last).Y + last.Size().Height
	innerBottom := d.AbsolutePositionForObject(inner).Y + inner.Size().Height
	if gap := innerBottom - bottom; gap < focusMargin()-0.5 {
		t.Errorf("the focused button ends %.1f px above its scroller's edge, want a margin of %.1f", gap, focusMargin())
	}
}

// TestTabKeepsFocusInViewOnEveryScreen tabs forward and back through
// every screen in the smallest window and checks after each step that the
// focused widget is in view, including the Overview's detail pane with a
// setting selected.
func TestTabKeepsFocusInViewOnEveryScreen(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=https://mirror.example.test,direct\nGOPRIVATE=*.corp.example.test\n")
	u, w := f.newUI()
	w.Resize(fyne.NewSize(smallWindow.Width, smallWindow.Height-menuBarHeight))
	c := w.Canvas()
	for i, s := range u.screens {
		u.nav.Select(i)
		if s.Title == "nav.overview" {
			u.overview.list.Select(0)
		}
		c.Unfocus()
		t.Run(s.Title, func(t *testing.T) {
			tabAround(t, c, true, 40)
			tabAround(t, c, false, 40)
		})
	}
}

func TestFocusInTheDetailPaneScrollsIt(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=https://mirror.example.test,direct\n")
	u, w := f.newUI()
	w.Resize(fyne.NewSize(smallWindow.Width, smallWindow.Height-menuBarHeight))
	u.overview.list.Select(0)
	c := w.Canvas()
	detail := scrollersAbove(c, u.overview.detail.entry)
	if len(detail) == 0 {
		t.Fatal("the detail pane's entry is in no scroller")
	}
	s := detail[len(detail)-1]
	s.ScrollToOffset(fyne.NewPos(0, 0))
	c.Focus(u.overview.detail.entry)
	repaint(c)
	if msg := notShown(c); msg != "" {
		t.Fatal(msg)
	}
	if s.Offset.Y == 0 {
		t.Skip("the detail pane shows its editor without scrolling in this window; nothing to check")
	}
	// Scrolled away by the wheel, the focus stays put and nothing moves
	// back until the focus moves.
	s.ScrollToOffset(fyne.NewPos(0, 0))
	repaint(c)
	if s.Offset.Y != 0 {
		t.Errorf("a repaint without a focus change scrolled the detail pane to %v", s.Offset)
	}
}

func TestFocusScrollsInDialogsAndToPrivateParts(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.SetContent(watched(w, widget.NewLabel("behind the dialog")))
	w.Resize(fyne.NewSize(500, 400))
	// A dialog's scroller follows the focus too.
	scroll := container.NewVScroll(container.NewVBox(buttons("d", 15)...))
	scroll.SetMinSize(fyne.NewSize(200, 150))
	d := dialog.NewCustom("Dialog", "Close", scroll, w)
	d.Show()
	c := w.Canvas()
	if n := tabAround(t, c, true, 16, scroll); n == 0 {
		t.Error("Tab through a dialog's scroller never scrolled it")
	}
	tabAround(t, c, false, 16, scroll)
	d.Hide()

	// A RadioGroup's radio buttons are its own parts: the scroller above
	// the group shows the focused one.
	radio := widget.NewRadioGroup([]string{"one", "two", "three"}, nil)
	scroll = container.NewVScroll(container.NewVBox(append(buttons("r", 10), radio)...))
	w.SetContent(watched(w, scroll))
	if n := tabAround(t, c, true, 13, scroll); n == 0 {
		t.Error("Tab to the radio buttons below the fold never scrolled")
	}
	f, ok := c.Focused().(fyne.CanvasObject)
	if _, isButton := f.(*widget.Button); !ok || isButton {
		t.Fatalf("after 13 Tabs the focus is on %s, want a radio button", describeFocusable(c.Focused()))
	}
	dr := fyne.CurrentApp().Driver()
	view := rect{dr.AbsolutePositionForObject(scroll), scroll.Size()}
	if r := (rect{dr.AbsolutePositionForObject(f), f.Size()}); !view.contains(r) {
		t.Errorf("the focused radio button at %v size %v is outside its scroller at %v size %v", r.pos, r.size, view.pos, view.size)
	}
}

func TestReveal(t *testing.T) {
	m := focusMargin()
	for _, tc := range []struct {
		name         string
		v, vl, t, tl float32
		want         float32
	}{
		{"inside", 0, 100, 20, 30, 0},
		{"below", 0, 100, 150, 30, 150 + 30 + m - 100},
		{"above", 200, 100, 150, 30, 150 - m - 200},
		{"partly below", 0, 100, 90, 30, 90 + 30 + m - 100},
		{"fits without its margin", 0, 100, 150, 95, 150 + 95 - 100},
		{"longer than the view, below", 0, 100, 300, 250, 300},
		{"longer than the view, above", 500, 100, 100, 250, 100 + 250 - 600},
		{"longer than the view, in part", 0, 100, 50, 250, 0},
	} {
		if got := reveal(tc.v, tc.vl, tc.t, tc.tl); got != tc.want {
			t.Errorf("%s: reveal(%v, %v, %v, %v) = %v, want %v", tc.name, tc.v, tc.vl, tc.t, tc.tl, got, tc.want)
		}
	}
}
