package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// adaptiveSplit shows two panes side by side in a split when it is at
// least wide enough, else as two tabs: the Mirrors screen's chain builder
// goes into a tab in a narrow window. Its minimum size is the tabbed one's.
type adaptiveSplit struct {
	widget.BaseWidget
	leading, trailing     fyne.CanvasObject
	leadTitle, trailTitle string
	offset                float64 // the split's offset
	threshold             float32 // the narrowest width shown as a split

	wide  bool
	built bool
	split *container.Split
	tabs  *container.AppTabs
	stack *fyne.Container
}

// newAdaptiveSplit makes the panes' container.
func newAdaptiveSplit(leadTitle string, leading fyne.CanvasObject, trailTitle string, trailing fyne.CanvasObject, offset float64, threshold float32) *adaptiveSplit {
	a := &adaptiveSplit{leading: leading, trailing: trailing, leadTitle: leadTitle, trailTitle: trailTitle,
		offset: offset, threshold: threshold, stack: container.NewStack()}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer implements fyne.Widget.
func (a *adaptiveSplit) CreateRenderer() fyne.WidgetRenderer {
	return &adaptiveRenderer{a: a}
}

// children implements parentWidget: the split or the tabs.
func (a *adaptiveSplit) children() []fyne.CanvasObject { return []fyne.CanvasObject{a.stack} }

// arrange shows the panes as a split when wide, else as tabs.
func (a *adaptiveSplit) arrange(wide bool) {
	if a.built && wide == a.wide {
		return
	}
	a.built, a.wide = true, wide
	if wide {
		a.split = container.NewHSplit(a.leading, a.trailing)
		a.split.Offset = a.offset
		a.stack.Objects = []fyne.CanvasObject{a.split}
	} else {
		a.tabs = container.NewAppTabs(container.NewTabItem(a.leadTitle, a.leading), container.NewTabItem(a.trailTitle, a.trailing))
		a.stack.Objects = []fyne.CanvasObject{a.tabs}
	}
	a.stack.Refresh()
}

// selectTrailing shows the trailing pane: its tab when tabbed.
func (a *adaptiveSplit) selectTrailing() {
	if a.tabs != nil && !a.wide {
		a.tabs.SelectIndex(1)
	}
}

// adaptiveRenderer lays out an adaptiveSplit.
type adaptiveRenderer struct{ a *adaptiveSplit }

func (r *adaptiveRenderer) Layout(size fyne.Size) {
	r.a.arrange(size.Width >= r.a.threshold)
	r.a.stack.Resize(size)
}

// MinSize is the tabbed form's: the wider pane, the taller pane and the
// tab bar.
func (r *adaptiveRenderer) MinSize() fyne.Size {
	l, t := r.a.leading.MinSize(), r.a.trailing.MinSize()
	bar := theme.TextSize() + 4*theme.Padding() + theme.InnerPadding()
	return fyne.NewSize(max(l.Width, t.Width), max(l.Height, t.Height)+bar)
}

func (r *adaptiveRenderer) Refresh() {
	if !r.a.built {
		r.a.arrange(r.a.Size().Width >= r.a.threshold)
	}
	r.a.stack.Refresh()
}

func (r *adaptiveRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.a.stack} }

func (r *adaptiveRenderer) Destroy() {}
