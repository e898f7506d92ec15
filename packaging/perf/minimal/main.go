// Command minimal is the baseline for scripts/perf-gui.sh: the smallest Fyne
// app, a window with a label, with an app ID and window size like Go Mirror's,
// so that the startup time and memory of the real app can be compared with
// it on the same machine.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.gomirror.perf.minimal")
	w := a.NewWindow("Perf Minimal")
	w.SetContent(widget.NewLabel("Hello from a minimal Fyne app"))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}
