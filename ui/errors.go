package ui

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/gomirror/gomirror/core"
)

// showError is the one path for errors that have no inline place: it logs
// what is safe to log and shows an error dialog. Call it on the UI goroutine.
//
// A refusal's problems may quote the values being written (a proxy URL can
// hold credentials), so refusals are never logged; other errors come from
// file I/O and name only paths.
func showError(w fyne.Window, err error) {
	if err == nil {
		return
	}
	var refused *core.RefusedError
	if !errors.As(err, &refused) {
		log.Printf("Go Mirror: %v", err)
	}
	dialog.ShowError(err, w)
}
