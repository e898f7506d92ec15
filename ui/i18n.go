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
