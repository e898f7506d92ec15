package ui

import (
	"errors"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/gomirror/gomirror/core"
	"github.com/gomirror/gomirror/core/profile"
)

// showError is the one path for errors that have no inline place: it logs
// what is safe to log and shows an error dialog. Call it on the UI goroutine.
//
// A refusal's problems may quote the values being written (a proxy URL can
// hold credentials), so refusals are never logged; other errors come from
// file I/O and name only paths. A refusal is shown in the user's language.
func showError(w fyne.Window, err error) {
	if err == nil {
		return
	}
	var refused *core.RefusedError
	if !errors.As(err, &refused) {
		log.Printf("Go Mirror: %v", err)
	}
	showErrorDialog(errors.New(errorText(err)), w)
}

// errorText is err in the user's language: a refusal with its problems,
// any other error as the catalogue says it.
func errorText(err error) string {
	var refused *core.RefusedError
	if errors.As(err, &refused) {
		return refusalText(err, refused.Problems)
	}
	return uiLang.Error(err)
}

// refusalText is a refusal in the user's language: what was refused, then
// each problem of severity error with its place, and its fix below.
func refusalText(err error, ps []core.Problem) string {
	var b strings.Builder
	var invalid *profile.InvalidError
	if errors.As(err, &invalid) {
		b.WriteString(lang.L("profiles.invalidfile", map[string]any{"File": invalid.File}))
	} else {
		b.WriteString(lang.L("write.refused"))
	}
	for _, p := range core.Errors(ps) {
		message, fix := problemText(p)
		b.WriteString("\n• ")
		if p.Var != "" {
			b.WriteString(p.Var + ": ")
		}
		b.WriteString(message)
		if where := layerWhere(core.Layer{File: p.File, Line: p.Line}); where != "" {
			b.WriteString(" (" + where + ")")
		}
		if fix != "" {
			b.WriteString("\n  " + fix)
		}
	}
	return b.String()
}
