package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/gomirror/gomirror/core/profile"
)

// typeKey sends key to w as the window does when no widget has the focus.
func typeKey(w fyne.Window, key fyne.KeyName) {
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: key})
}

// TestEnterAndEscInDialogs checks the keyboard conventions: Esc closes a
// dialog (a preview answers Cancel), Enter presses its default button, and
// in a form Enter submits while Esc still closes it from the focused entry.
func TestEnterAndEscInDialogs(t *testing.T) {
	f := newFixture(t)
	const before = "GOFLAGS=-mod=mod\n"
	f.writeEnvFile(before)
	u, w := f.newUI()
	p := u.profiles
	p.selectProfile(profile.PresetChina)

	test.Tap(p.apply)
	if p.preview == nil {
		t.Fatal("Apply opened no preview")
	}
	typeKey(w, fyne.KeyEscape)
	if p.preview != nil || w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the preview")
	}
	if got := f.readEnvFile(); got != before {
		t.Errorf("Esc applied the profile: %q", got)
	}

	test.Tap(p.apply)
	typeKey(w, fyne.KeyReturn)
	if p.preview != nil || !strings.Contains(f.readEnvFile(), "GOPROXY=") {
		t.Errorf("Enter did not press Apply in the preview; env file %q", f.readEnvFile())
	}

	// A form: Enter in its entry submits, Esc in its entry closes.
	p.onSaveCurrentTapped()
	entry, ok := w.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the name dialog's entry has no focus: %T", w.Canvas().Focused())
	}
	test.Type(entry, "Mine")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Overlays().Top() != nil || p.index("Mine") < 0 {
		t.Errorf("Enter in the name entry did not save the profile: profiles %d, dialog open %t", len(p.profiles), w.Canvas().Overlays().Top() != nil)
	}
	p.onSaveCurrentTapped()
	entry = w.Canvas().Focused().(*dialogEntry)
	test.Type(entry, "Other")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil || p.index("Other") >= 0 {
		t.Error("Esc in the name entry did not close the dialog without saving")
	}

	// The shortcuts sheet (F1) closes with Esc, and with Enter.
	typeKey(w, fyne.KeyF1)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("F1 opened nothing")
	}
	typeKey(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the shortcuts sheet")
	}
	typeKey(w, fyne.KeyF1)
	typeKey(w, fyne.KeyReturn)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Enter did not close the shortcuts sheet")
	}
}
