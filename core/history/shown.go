package history

import (
	"strconv"
	"strings"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
)

// This file renders entries for a person in a language: the GUI's History
// screen and gomirrorctl history both call it, so they read the same. The
// stored Summary stays the English record it was written as.

// SummaryText describes e in l as what it leaves in the file: a write by
// its changes, an undo or revert by what it restored, a redo by what it
// made again; undone marks an entry a later undo reverted.
func SummaryText(l *core.Lang, e Entry, undone bool) string {
	s := ChangesText(l, e.Changes)
	switch {
	case e.Redo:
		s = message(l, "history.redo.entry", "Changes", s)
	case e.Undo:
		s = message(l, "history.undo", "Changes", s)
	}
	if undone {
		s = message(l, "history.undone", "Changes", s)
	}
	return s
}

// SourceText names what made a write in l; "" when the entry does not
// say. A profile's write names the profile (a preset by its shown name).
func SourceText(l *core.Lang, source string) string {
	if name, ok := SourceProfile(source); ok {
		return message(l, "history.source.profile", "Name", profile.PresetName(l, name))
	}
	if source == "" {
		return ""
	}
	if s, ok := l.Message("history.source."+source, nil); ok {
		return s
	}
	return source
}

// ChangesText lists changes as "KEY=value, unset KEY" in l.
func ChangesText(l *core.Lang, cs []Change) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = ChangeText(l, c)
	}
	return strings.Join(parts, ", ")
}

// ChangeText describes one change in l: "KEY=value", that KEY was removed,
// or the new text of a line of a shell startup file.
func ChangeText(l *core.Lang, c Change) string {
	if c.Line > 0 {
		return message(l, "change.line", "Line", strconv.Itoa(c.Line), "New", c.New)
	}
	if c.Unset {
		return message(l, "change.unset", "Key", c.Key)
	}
	return c.Key + "=" + c.New
}

// message renders the catalogue entry key from the name/value pairs kv.
func message(l *core.Lang, key string, kv ...string) string {
	data := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		data[kv[i]] = kv[i+1]
	}
	s, _ := l.Message(key, data)
	return s
}
