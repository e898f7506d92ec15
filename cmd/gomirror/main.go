// Command gomirror is the Go Mirror desktop app: it shows where each of the
// go command's module-download settings comes from, and edits them safely.
package main

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/gomirror/gomirror/assets"
	"github.com/gomirror/gomirror/core/private/cred"
	"github.com/gomirror/gomirror/core/service"
	"github.com/gomirror/gomirror/ui"
)

// appID is the application's unique ID; it matches FyneApp.toml.
const appID = "io.github.gomirror.app"

func main() {
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	w := newWindow(a, "Go Mirror")
	w.Resize(fyne.NewSize(1100, 720)) // ui.New restores the last run's size
	u := ui.New(a, w, service.New(service.Options{Keyring: cred.OSKeyring{Timeout: 5 * time.Second}}))
	u.OnQuit(exitIfStuck)
	u.OnStarted(func() { fitToScreen(w) })
	quitOnSignal(a)
	w.ShowAndRun()
}
