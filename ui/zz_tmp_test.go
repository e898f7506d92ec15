package ui

import (
	"fmt"
	"image/color"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func countTree(o fyne.CanvasObject, pos fyne.Position, clip fyne.Size, counts map[string]int, path string) {
	if !o.Visible() {
		return
	}
	switch x := o.(type) {
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			countTree(c, pos.Add(c.Position()), clip, counts, path+"/"+fmt.Sprintf("%T", x))
		}
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			countTree(c, pos.Add(c.Position()), clip, counts, path)
		}
		return
	}
	key := fmt.Sprintf("%T", o)
	if r, ok := o.(*canvas.Rectangle); ok && (r.FillColor == nil || r.FillColor == color.Transparent) && (r.StrokeWidth == 0) {
		key += "(transparent)"
	}
	if pos.Y > clip.Height || pos.X > clip.Width || pos.Y+o.Size().Height < 0 {
		key += "(offscreen)"
	}
	counts[key]++
	counts["by:"+lastPart(path)]++
}

func lastPart(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

func TestTmpCountObjects(t *testing.T) {
	f := newFixture(t)
	f.addFakeMirrors()
	m, _, w := f.newMirrorsUI()
	w.Resize(fyne.NewSize(1100, 720))
	test.LaidOutObjects(w.Content())
	counts := map[string]int{}
	countTree(w.Content(), fyne.Position{}, w.Canvas().Size(), counts, "")
	_ = m
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return counts[keys[i]] > counts[keys[j]] })
	total := 0
	for _, k := range keys {
		if k[:3] != "by:" {
			total += counts[k]
		}
		t.Logf("%5d %s", counts[k], k)
	}
	t.Logf("total %d", total)
}
