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
	keyProblem   = "problem."   // + core problem code + keyMessage or keyFix
	keyMessage   = ".message"
	keyFix       = ".fix"
	keySnippet   = "snippet." // + core snippet code
	keyNote      = "note."    // + core note code
	keyText      = "text."    // + core text code
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

// problemText returns p's message and fix in the user's language: the
// translation of its code's templates rendered from its Args, falling back
// to core's English templates, or p's own text when it does not come from
// a core template.
func problemText(p core.Problem) (message, fix string) {
	t, ok := core.ProblemTemplate(p.Code)
	if !ok || !p.Templated() {
		return p.Message, p.Fix
	}
	data := p.Data(translateSnippet)
	return lang.X(keyProblem+p.Code+keyMessage, t.Message, data), lang.X(keyProblem+p.Code+keyFix, t.Fix, data)
}

// snippetOf returns the core snippet code rendered from args in the
// user's language; english, the snippet as core rendered it, is returned as
// it is when it does not come from a core snippet.
func snippetOf(code string, args map[string]string, english string) string {
	t, ok := core.SnippetTemplate(code)
	if !ok || core.Execute(t, args) != english {
		return english
	}
	return translateSnippet(code, args)
}

// translateSnippet is the translated snippet code rendered from data.
func translateSnippet(code string, data map[string]string) string {
	t, _ := core.SnippetTemplate(code)
	return lang.X(keySnippet+code, t, data)
}

// noteText returns l's note in the user's language, falling back to core's
// English template, or to l's own note for a code core has no template for.
func noteText(l core.Layer) string {
	if _, ok := core.NoteTemplate(l.NoteCode); !ok {
		return l.Note
	}
	return translateNote(l.NoteCode, l.NoteData(translateNote))
}

// translateNote is the translated note code rendered from data.
func translateNote(code string, data map[string]string) string {
	t, _ := core.NoteTemplate(code)
	return lang.X(keyNote+code, t, data)
}

// textOf returns the core text code rendered from args in the user's
// language, falling back to core's English template; english, the text as
// core rendered it, is returned as it is when it does not come from a core
// template.
func textOf(code string, args map[string]string, english string) string {
	t := core.NewText(code, args)
	if _, ok := core.TextTemplate(code); !ok || t.String() != english {
		return english
	}
	return translateText(code, t.Data(translateText))
}

// translateText is the translated text code rendered from data.
func translateText(code string, data map[string]string) string {
	t, _ := core.TextTemplate(code)
	return lang.X(keyText+code, t, data)
}
