package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keyboard focus follows into view: when the focus moves (Tab, Shift+Tab,
// a click, or the code) to a widget that a scroller has scrolled out of
// sight, every scroller above it scrolls just enough to show it whole, with
// a small margin. Fyne v2.7 moves the focus without scrolling and tells
// nobody (fyne-io/fyne#3029), so focusWatch notices the change: a focus
// change repaints the widgets it concerns, and before each repaint the
// driver asks every object in the window for its minimum size.

// focusWatch is an invisible object in the window's content that notices
// when the keyboard focus has changed and then scrolls the focused widget
// into view, on the next turn of the event loop.
type focusWatch struct {
	widget.BaseWidget
	canvas  fyne.Canvas
	last    fyne.Focusable // the focus seen last
	pending bool           // a scroll is queued
	post    func(func())   // queues work for the UI goroutine: fyne.Do
}

// newFocusWatch makes the watch for c; put it anywhere in c's content.
func newFocusWatch(c fyne.Canvas) *focusWatch {
	w := &focusWatch{canvas: c, post: fyne.Do}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer implements fyne.Widget: the watch draws nothing.
func (w *focusWatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MinSize implements fyne.CanvasObject. Before every repaint the driver
// asks each object in the window for its minimum size; the watch takes
// that moment to look at the focus.
func (w *focusWatch) MinSize() fyne.Size {
	w.check()
	return fyne.Size{}
}

// check queues a scroll to the focused widget if the focus changed since
// it last looked. The scroll runs after the repaint's walk of the objects,
// never inside it.
func (w *focusWatch) check() {
	f := w.canvas.Focused()
	if f == w.last {
		return
	}
	w.last = f
	if f == nil || w.pending {
		return
	}
	w.pending = true
	w.post(func() {
		w.pending = false
		scrollToFocused(w.canvas)
	})
}

// scrollToFocused scrolls the widget with c's keyboard focus into view.
func scrollToFocused(c fyne.Canvas) {
	if f, ok := c.Focused().(fyne.CanvasObject); ok {
		scrollIntoView(c, f)
	}
}

// focusMargin is the room kept between a widget scrolled into view and
// the edge of its scroller, when there is room for it.
func focusMargin() float32 { return theme.Padding() * 2 }

// scrollIntoView scrolls each scroller above obj on c, innermost first,
// so that obj is visible: all of it with a margin if that fits, else all
// of it, else part of it (see reveal). An outer scroller shows what its
// inner one shows of obj.
func scrollIntoView(c fyne.Canvas, obj fyne.CanvasObject) {
	scrolls := scrollersAbove(c, obj)
	if len(scrolls) == 0 {
		return
	}
	d := fyne.CurrentApp().Driver()
	r := rect{d.AbsolutePositionForObject(obj), obj.Size()}
	for i := len(scrolls) - 1; i >= 0; i-- {
		s := scrolls[i]
		view := rect{d.AbsolutePositionForObject(s), s.Size()}
		if view.size.Width <= 0 || view.size.Height <= 0 {
			return
		}
		before := s.Offset
		off := s.Offset
		if s.Direction == container.ScrollBoth || s.Direction == container.ScrollHorizontalOnly {
			off.X += reveal(view.pos.X, view.size.Width, r.pos.X, r.size.Width)
		}
		if s.Direction == container.ScrollBoth || s.Direction == container.ScrollVerticalOnly {
			off.Y += reveal(view.pos.Y, view.size.Height, r.pos.Y, r.size.Height)
		}
		s.ScrollToOffset(off) // clamped to the content
		r.pos = r.pos.Subtract(s.Offset.Subtract(before))
		if r = r.intersect(view); r.empty() {
			return
		}
	}
}

// reveal returns how far to scroll a view starting at v of length vl so
// that the span starting at t of length tl shows: with focusMargin on both
// sides if that fits, else whole. A span longer than the view shows in
// part: if none of it shows, its start when it is below the view and its
// end when it is above (as Shift+Tab reaches it). 0 if it shows already.
func reveal(v, vl, t, tl float32) float32 {
	if tl > vl {
		switch {
		case t >= v+vl:
			return t - v
		case t+tl <= v:
			return t + tl - (v + vl)
		}
		return 0 // in part: a click in a long entry must not move it
	}
	if m := focusMargin(); tl+2*m <= vl {
		t, tl = t-m, tl+2*m
	}
	switch {
	case t < v:
		return t - v
	case t+tl > v+vl:
		return t + tl - (v + vl)
	}
	return 0
}

// rect is an area of the canvas.
type rect struct {
	pos  fyne.Position
	size fyne.Size
}

func (r rect) empty() bool { return r.size.Width <= 0 || r.size.Height <= 0 }

// intersect returns the part of r inside o.
func (r rect) intersect(o rect) rect {
	x0, y0 := max(r.pos.X, o.pos.X), max(r.pos.Y, o.pos.Y)
	x1 := min(r.pos.X+r.size.Width, o.pos.X+o.size.Width)
	y1 := min(r.pos.Y+r.size.Height, o.pos.Y+o.size.Height)
	return rect{fyne.NewPos(x0, y0), fyne.NewSize(max(x1-x0, 0), max(y1-y0, 0))}
}

// contains reports whether o lies within r.
func (r rect) contains(o rect) bool {
	return o.pos.X >= r.pos.X && o.pos.Y >= r.pos.Y &&
		o.pos.X+o.size.Width <= r.pos.X+r.size.Width && o.pos.Y+o.size.Height <= r.pos.Y+r.size.Height
}

// scrollersAbove returns the scrollers that hold obj on c, outermost
// first. It follows the public structure of containers and widgets
// (Fyne keeps a widget's own parts private); when obj is such a private
// part (a radio button of a RadioGroup, an Accordion's header), the
// smallest visible widget around it stands for it.
func scrollersAbove(c fyne.Canvas, obj fyne.CanvasObject) []*container.Scroll {
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	if top := c.Overlays().Top(); top != nil {
		roots = []fyne.CanvasObject{top} // the focus is in the top overlay
	}
	for _, root := range roots {
		if path, ok := pathTo(root, obj, nil); ok {
			return path
		}
	}
	d := fyne.CurrentApp().Driver()
	target := rect{d.AbsolutePositionForObject(obj), obj.Size()}
	var best []*container.Scroll
	var bestArea float32
	for _, root := range roots {
		walkWidgets(root, nil, func(o fyne.CanvasObject, path []*container.Scroll) {
			r := rect{d.AbsolutePositionForObject(o), o.Size()}
			if area := r.size.Width * r.size.Height; r.contains(target) && (best == nil || area < bestArea) {
				best, bestArea = path, area
			}
		})
	}
	return best
}

// pathTo looks for obj under o, whose scrollers above are path, and
// returns the scrollers above obj.
func pathTo(o, obj fyne.CanvasObject, path []*container.Scroll) ([]*container.Scroll, bool) {
	if o == nil || !o.Visible() {
		return nil, false
	}
	if o == obj {
		return path, true
	}
	if s, ok := o.(*container.Scroll); ok {
		path = append(path[:len(path):len(path)], s)
	}
	for _, child := range publicChildren(o) {
		if p, ok := pathTo(child, obj, path); ok {
			return p, true
		}
	}
	return nil, false
}

// walkWidgets calls f for each visible widget under o, with the
// scrollers above it.
func walkWidgets(o fyne.CanvasObject, path []*container.Scroll, f func(fyne.CanvasObject, []*container.Scroll)) {
	if o == nil || !o.Visible() {
		return
	}
	if _, ok := o.(fyne.Widget); ok {
		f(o, path)
	}
	if s, ok := o.(*container.Scroll); ok {
		path = append(path[:len(path):len(path)], s)
	}
	for _, child := range publicChildren(o) {
		walkWidgets(child, path, f)
	}
}

// parentWidget is a widget of this package that holds other objects.
type parentWidget interface {
	children() []fyne.CanvasObject
}

// publicChildren returns the objects o holds that Fyne or this package
// makes public.
func publicChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	switch o := o.(type) {
	case *fyne.Container:
		return o.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{o.Content}
	case *container.Split:
		return []fyne.CanvasObject{o.Leading, o.Trailing}
	case *container.AppTabs:
		return tabContents(o.Items)
	case *container.DocTabs:
		return tabContents(o.Items)
	case *container.ThemeOverride:
		return []fyne.CanvasObject{o.Content}
	case *widget.PopUp:
		return []fyne.CanvasObject{o.Content}
	case *widget.Card:
		return []fyne.CanvasObject{o.Content}
	case *widget.Form:
		objs := make([]fyne.CanvasObject, 0, len(o.Items))
		for _, it := range o.Items {
			objs = append(objs, it.Widget)
		}
		return objs
	case *widget.Accordion:
		objs := make([]fyne.CanvasObject, 0, len(o.Items))
		for _, it := range o.Items {
			objs = append(objs, it.Detail)
		}
		return objs
	case parentWidget:
		return o.children()
	}
	return nil
}

// tabContents returns the contents of tab items.
func tabContents(items []*container.TabItem) []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(items))
	for _, it := range items {
		objs = append(objs, it.Content)
	}
	return objs
}
