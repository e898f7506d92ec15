package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/resolve"
)

// Translation keys built at run time. i18n_test.go checks that every key
// these functions can produce exists in every translation.
const (
	keyDoc       = "doc."       // + core.Var.Name
	keySource    = "source."    // + core.Source
	keyState     = "state."     // + core.LayerState
	keyFileState = "filestate." // + resolve.FileState
)

// uiLang renders core's messages in the user's language: through Fyne's
// lang package, which holds the same message files as core and picks the
// language.
var uiLang = core.NewLangFunc("", func(key, english string, data map[string]string) (string, error) {
	return lang.X(key, english, data), nil
})

// docText is the translated one-paragraph explanation of v.
func docText(v core.Var) string { return lang.X(keyDoc+v.Name, v.Doc) }

// sourceName is the translated name of a layer.
func sourceName(s core.Source) string { return lang.X(keySource+string(s), string(s)) }

// stateName is the translated name of a layer state.
func stateName(s core.LayerState) string { return lang.X(keyState+string(s), string(s)) }

// fileStateName is the translated description of the user env file's state.
func fileStateName(s resolve.FileState) string {
	return lang.X(keyFileState+string(s), string(s))
}

// problemText returns p's message and fix in the user's language.
func problemText(p core.Problem) (message, fix string) { return uiLang.Problem(p) }

// snippetOf returns the core snippet code rendered from args in the
// user's language, or english for a code without a catalogue entry.
func snippetOf(code string, args map[string]string, english string) string {
	return uiLang.Snippet(code, args, english)
}

// noteText returns l's note in the user's language.
func noteText(l core.Layer) string { return uiLang.Note(l) }

// textOf returns the core text code rendered from args in the user's
// language, or english for a code without a catalogue entry.
func textOf(code string, args map[string]string, english string) string {
	return uiLang.Text(core.NewText(code, args), english)
}
