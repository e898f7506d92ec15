// Command gomirror is the Go Mirror desktop app.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.gomirror")
	w := a.NewWindow("Go Mirror")
	w.SetContent(widget.NewLabel("Go Mirror"))
	w.ShowAndRun()
}
