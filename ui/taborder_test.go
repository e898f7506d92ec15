package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/gomirror/gomirror/core/profile"
)

// tabChain returns the focusable widgets Tab visits on c, starting from
// from (the first focusable when nil), once round.
func tabChain(c fyne.Canvas, from fyne.Focusable) []fyne.Focusable {
	if from == nil {
		c.Unfocus()
		test.FocusNext(c)
	} else {
		c.Focus(from)
	}
	first := c.Focused()
	chain := []fyne.Focusable{first}
	for range 200 {
		test.FocusNext(c)
		if c.Focused() == first || c.Focused() == nil {
			break
		}
		chain = append(chain, c.Focused())
	}
	return chain
}

// describeChain names the widgets of a chain, for a test's message.
func describeChain(chain []fyne.Focusable) string {
	names := make([]string, len(chain))
	for i, f := range chain {
		names[i] = describeFocusable(f)
	}
	return strings.Join(names, " → ")
}

// assertTabOrder checks that Tab visits want in this order, each right
// after the one before it.
func assertTabOrder(t *testing.T, chain []fyne.Focusable, want ...fyne.Focusable) {
	t.Helper()
	at := slices.Index(chain, want[0])
	if at < 0 {
		t.Fatalf("Tab never reaches %s: %s", describeFocusable(want[0]), describeChain(chain))
	}
	for i, w := range want[1:] {
		if next := (at + i + 1) % len(chain); chain[next] != w {
			t.Errorf("Tab from %s goes to %s, want %s; the order is %s",
				describeFocusable(want[i]), describeFocusable(chain[next]), describeFocusable(w), describeChain(chain))
			return
		}
	}
}

func TestProfilesTabGoesFromTheListToApply(t *testing.T) {
	f := newFixture(t)
	u, w := f.newUI()
	p := u.profiles
	if err := p.store.Create(profile.Profile{Name: "Work", Choices: map[string]profile.Choice{"GOPROXY": {Action: profile.Set, Value: "https://work.example.test"}}}); err != nil {
		t.Fatal(err)
	}
	u.nav.Select(mustScreen(t, u, "nav.profiles"))
	p.load()
	p.selectProfile("Work")
	chain := tabChain(w.Canvas(), p.list)
	assertTabOrder(t, chain, p.list, p.apply, p.edit, p.rename, p.dup, p.del)
	// Saving the current settings is no action on the selected profile: it
	// is not between the list and the profile's actions.
	if i, j := slices.Index(chain, fyne.Focusable(p.list)), slices.Index(chain, fyne.Focusable(p.save)); j > i && j < slices.Index(chain, fyne.Focusable(p.del)) {
		t.Errorf("Save current settings… comes between the list and the profile's actions: %s", describeChain(chain))
	}
}

func TestScreensTabOrderFollowsTheWork(t *testing.T) {
	f := newFixture(t)
	f.writeEnvFile("GOPROXY=https://mirror.example.test,direct\n")
	u, w := f.newUI()
	c := w.Canvas()

	// Overview: the filters, then the list they filter, then the editor
	// of the selected setting and its Save.
	u.nav.Select(mustScreen(t, u, "nav.overview"))
	o := u.overview
	o.list.Select(0)
	o.detail.entry.SetText("https://other.example.test")
	assertTabOrder(t, tabChain(c, o.search), o.search, o.changedOnly, o.list, o.detail.entry, o.detail.save)

	// Mirrors: the screen starts at Start, the main action.
	u.nav.Select(mustScreen(t, u, "nav.mirrors"))
	if chain := tabChain(c, nil); chain[0] != u.mirrors.start {
		t.Errorf("the Mirrors screen's first Tab goes to %s, want Start: %s", describeFocusable(chain[0]), describeChain(chain))
	}

	// Troubleshoot: the command, its folder, then Run, before the results.
	ts, _ := newTroubleshootTest(f)
	chain := tabChain(fyne.CurrentApp().Driver().CanvasForObject(ts.command), nil)
	if chain[0] != ts.command {
		t.Errorf("the Troubleshoot screen's first Tab goes to %s, want the command: %s", describeFocusable(chain[0]), describeChain(chain))
	}
	if slices.Index(chain, fyne.Focusable(ts.start)) < 0 || slices.Index(chain, fyne.Focusable(ts.start)) > slices.Index(chain, fyne.Focusable(ts.output)) && slices.Index(chain, fyne.Focusable(ts.output)) >= 0 {
		t.Errorf("Run does not come before the results: %s", describeChain(chain))
	}
}

// ensureMinSize walks the objects under root as the driver does before a
// repaint (common.Canvas.EnsureMinSize, Fyne v2.7): after an object's
// children, it lays the object out again if a child's minimum size
// changed, remembering only the last such parent, and records minimum
// sizes in seen.
func ensureMinSize(root fyne.CanvasObject, seen map[fyne.CanvasObject]fyne.Size) {
	var needing fyne.CanvasObject
	var walk func(o, parent fyne.CanvasObject)
	walk = func(o, parent fyne.CanvasObject) {
		var children []fyne.CanvasObject
		switch o := o.(type) {
		case fyne.Widget:
			children = test.WidgetRenderer(o).Objects()
		case *fyne.Container:
			children = o.Objects
		}
		for _, c := range children {
			walk(c, o)
		}
		if needing == o {
			switch o := o.(type) {
			case *fyne.Container:
				if o.Layout != nil {
					o.Layout.Layout(o.Objects, o.Size())
				}
			case fyne.Widget:
				test.WidgetRenderer(o).Layout(o.Size())
			}
			needing = nil
		}
		if !o.Visible() {
			return
		}
		if m := o.MinSize(); seen[o] != m {
			seen[o] = m
			needing = parent
		}
	}
	walk(root, nil)
}

// TestBorderInReadingOrderGrowsItsTop checks that a newBorder lays out
// again when its top grows in the same frame as something deep in its
// center changes (which Fyne's walk would otherwise forget).
func TestBorderInReadingOrderGrowsItsTop(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	extra := widget.NewButton("Running processes", nil)
	extra.Hide()
	top := container.NewVBox(widget.NewLabel("header"), extra)
	deep := widget.NewLabel("short")
	deep.Wrapping = fyne.TextWrapWord
	center := container.NewVScroll(container.NewVBox(deep))
	b := newBorder(top, nil, nil, nil, center)
	w.SetContent(b)
	w.Resize(fyne.NewSize(400, 300))
	seen := map[fyne.CanvasObject]fyne.Size{}
	ensureMinSize(b, seen)

	extra.Hidden = false // the top grows, as the contexts row appears
	deep.SetText(strings.Repeat("a longer text that wraps ", 10))
	ensureMinSize(b, seen)
	if got, want := center.Position().Y, top.MinSize().Height+theme.Padding(); got < want {
		t.Errorf("the center starts at %.0f, inside the grown top (%.0f high)", got, top.MinSize().Height)
	}
}
