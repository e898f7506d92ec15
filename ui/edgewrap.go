package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// edgeWrapLayout lays out two objects on one row, the first at the leading
// edge and the second at the trailing edge, when the row is wide enough
// for both; else the second goes below the first, at the leading edge.
// Each keeps its minimum size. Like Fyne's RowWrapLayout, its minimum
// height is that of the arrangement it was last laid out in.
type edgeWrapLayout struct {
	laidOut bool // Layout has run
	wrapped bool // the last Layout put the second object below the first
}

// newEdgeWrapLayout returns a new edgeWrapLayout.
func newEdgeWrapLayout() *edgeWrapLayout { return &edgeWrapLayout{} }

// visibleObjects returns the objects that are visible.
func visibleObjects(objects []fyne.CanvasObject) []fyne.CanvasObject {
	var vis []fyne.CanvasObject
	for _, o := range objects {
		if o.Visible() {
			vis = append(vis, o)
		}
	}
	return vis
}

// MinSize implements fyne.Layout: the wider object's width, and the
// height of one row or of two, as last laid out.
func (l *edgeWrapLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	vis := visibleObjects(objects)
	switch len(vis) {
	case 0:
		return fyne.Size{}
	case 1:
		return vis[0].MinSize()
	}
	a, b := vis[0].MinSize(), vis[1].MinSize()
	w := max(a.Width, b.Width) // never wider: a narrower row wraps
	if l.laidOut && !l.wrapped {
		return fyne.NewSize(w, max(a.Height, b.Height))
	}
	return fyne.NewSize(w, a.Height+theme.Padding()+b.Height)
}

// Layout implements fyne.Layout.
func (l *edgeWrapLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	vis := visibleObjects(objects)
	l.laidOut = true
	switch len(vis) {
	case 0:
		return
	case 1:
		vis[0].Resize(vis[0].MinSize())
		vis[0].Move(fyne.Position{})
		return
	}
	a, b := vis[0].MinSize(), vis[1].MinSize()
	vis[0].Resize(a)
	vis[1].Resize(b)
	l.wrapped = a.Width+theme.Padding()+b.Width > size.Width
	if l.wrapped {
		vis[0].Move(fyne.Position{})
		vis[1].Move(fyne.NewPos(0, a.Height+theme.Padding()))
		return
	}
	h := max(a.Height, b.Height)
	vis[0].Move(fyne.NewPos(0, (h-a.Height)/2))
	vis[1].Move(fyne.NewPos(size.Width-b.Width, (h-b.Height)/2))
}
